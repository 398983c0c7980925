/// A time-series chart: one line per series, horizontal reference lines (limits, targets), labelled axes with units
/// and a legend. Long series are reduced to `buckets` buckets drawn as a min–max band around the bucket mean, so a
/// year of hourly samples keeps its extremes (the envelope) in a small file.
struct LineChart {
    struct Series {
        var name: String
        var x: [Double]
        var y: [Double]
        /// Optional band around the line (e.g. a 95 % confidence interval), drawn shaded; same length as `x`.
        var lower: [Double]? = nil
        var upper: [Double]? = nil
        /// Draw a dot at every point (short series such as sweeps).
        var markers = false
        /// Join the points with a line (false: a scatter of markers).
        var line = true
        /// Radius of the markers, px.
        var markerRadius = 3.0
    }
    struct Reference {
        var value: Double
        var label: String
    }

    var title: String
    var xLabel: String
    var yLabel: String
    var series: [Series]
    var references: [Reference] = []
    /// Buckets of a reduced series (a series longer than twice this is reduced).
    var buckets = 360

    /// The chart as one `<svg>` element.
    func svg() -> String {
        let xs = series.flatMap(\.x).filter(\.isFinite)
        var ys = series.flatMap { $0.y + ($0.lower ?? []) + ($0.upper ?? []) }.filter(\.isFinite)
        ys += references.map(\.value)
        let xScale = AxisScale(low: xs.min() ?? 0, high: xs.max() ?? 1, count: 8, tight: true)
        // 2 % headroom, so that a flat series at a tick value is not drawn on the frame.
        let (lowY, highY) = (ys.min() ?? 0, ys.max() ?? 1)
        let yScale = AxisScale(low: lowY - 0.02 * (highY - lowY), high: highY + 0.02 * (highY - lowY), count: 5)
        var legend = series.enumerated().map { (name: $0.element.name, colour: ChartPalette.colour($0.offset), dashed: false) }
        legend += references.map { (name: $0.label, colour: ChartPalette.limit, dashed: true) }
        let frame = ChartFrame(title: title, xLabel: xLabel, yLabel: yLabel, legend: legend)
        var body = ""
        for (i, s) in series.enumerated() {
            body += draw(s, colour: ChartPalette.colour(i), frame: frame, x: xScale, y: yScale)
        }
        for r in references {
            let y = SVGText.coordinate(yScale.map(r.value, from: frame.plotBottom, to: frame.plotTop))
            body += "<line class=\"reference\" x1=\"\(SVGText.coordinate(frame.plotLeft))\" y1=\"\(y)\" x2=\"\(SVGText.coordinate(frame.plotRight))\" y2=\"\(y)\" stroke=\"\(ChartPalette.limit)\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>\n"
        }
        return frame.render(body: body, xAxis: frame.xAxis(xScale), yAxis: frame.yAxis(yScale))
    }

    private func draw(_ s: Series, colour: String, frame: ChartFrame, x: AxisScale, y: AxisScale) -> String {
        let n = min(s.x.count, s.y.count)
        guard n > 0 else { return "" }
        func px(_ v: Double) -> String { SVGText.coordinate(x.map(v, from: frame.plotLeft, to: frame.plotRight)) }
        func py(_ v: Double) -> String { SVGText.coordinate(y.map(v, from: frame.plotBottom, to: frame.plotTop)) }
        if n <= 2 * buckets {
            var out = ""
            if let lower = s.lower, let upper = s.upper, lower.count == n, upper.count == n {
                let band = (0..<n).filter { lower[$0].isFinite && upper[$0].isFinite }
                if !band.isEmpty {
                    let top = band.map { "\(px(s.x[$0])),\(py(upper[$0]))" }
                    let bottom = band.reversed().map { "\(px(s.x[$0])),\(py(lower[$0]))" }
                    out += "<polygon fill=\"\(colour)\" fill-opacity=\"0.2\" stroke=\"none\" points=\"\((top + bottom).joined(separator: " "))\"/>\n"
                }
            }
            let finite = (0..<n).filter { s.y[$0].isFinite }
            if s.line {
                out += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.5\" points=\"\(finite.map { "\(px(s.x[$0])),\(py(s.y[$0]))" }.joined(separator: " "))\"/>\n"
            }
            if s.markers {
                for i in finite { out += "<circle cx=\"\(px(s.x[i]))\" cy=\"\(py(s.y[i]))\" r=\"\(SVGText.coordinate(s.markerRadius))\" fill=\"\(colour)\"/>\n" }
            }
            return out
        }
        var upper: [String] = [], lower: [String] = [], mean: [String] = []
        for b in 0..<buckets {
            let range = (b * n / buckets)..<((b + 1) * n / buckets)
            let values = range.map { s.y[$0] }.filter(\.isFinite)
            guard !values.isEmpty else { continue }
            let xm = px((s.x[range.lowerBound] + s.x[range.upperBound - 1]) / 2)
            upper.append("\(xm),\(py(values.max()!))")
            lower.append("\(xm),\(py(values.min()!))")
            mean.append("\(xm),\(py(values.reduce(0, +) / Double(values.count)))")
        }
        var out = "<polygon fill=\"\(colour)\" fill-opacity=\"0.22\" stroke=\"none\" points=\"\((upper + lower.reversed()).joined(separator: " "))\"/>\n"
        out += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.2\" points=\"\(mean.joined(separator: " "))\"/>\n"
        return out
    }
}
