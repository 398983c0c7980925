/// A vertical bar chart: stacked bars (one bar per run, one segment per category) or plain bars (a histogram), with
/// labelled axes and a legend of the categories.
struct BarChart {
    /// One bar: its label under the axis and its segment values, in the order of `categories`.
    struct Bar {
        var label: String
        var values: [Double]
    }

    var title: String
    var xLabel: String
    var yLabel: String
    var categories: [String]
    var bars: [Bar]

    /// The chart as one `<svg>` element (negative values are not drawn: the chart is of non-negative parts).
    func svg() -> String {
        let totals = bars.map { $0.values.reduce(0) { $0 + max($1, 0) } }
        let yScale = AxisScale(low: 0, high: max(totals.max() ?? 1, 1e-12), count: 5)
        let legend = categories.count > 1
            ? categories.enumerated().map { (name: $0.element, colour: ChartPalette.colour($0.offset), dashed: false) } : []
        let frame = ChartFrame(title: title, xLabel: xLabel, yLabel: yLabel, legend: legend)
        let slot = (frame.plotRight - frame.plotLeft) / Double(max(bars.count, 1))
        let barWidth = min(slot * 0.6, 160)
        var body = "", xAxis = ""
        for (i, bar) in bars.enumerated() {
            let centre = frame.plotLeft + slot * (Double(i) + 0.5)
            var base = 0.0
            for (c, v) in bar.values.enumerated() where v > 0 {
                let y0 = yScale.map(base, from: frame.plotBottom, to: frame.plotTop)
                let y1 = yScale.map(base + v, from: frame.plotBottom, to: frame.plotTop)
                body += "<rect x=\"\(SVGText.coordinate(centre - barWidth / 2))\" y=\"\(SVGText.coordinate(y1))\" width=\"\(SVGText.coordinate(barWidth))\" height=\"\(SVGText.coordinate(max(y0 - y1, 0)))\" fill=\"\(ChartPalette.colour(c))\"><title>\(SVGText.escape("\(bar.label) — \(categories[c]): \(SVGText.number(v))"))</title></rect>\n"
                base += v
            }
            let labelFits = SVGText.width(bar.label, fontSize: ChartFrame.fontSize) < slot - 4
            let label = labelFits ? bar.label : String(bar.label.prefix(max(3, Int((slot - 4) / (ChartFrame.fontSize * 0.6)) - 1))) + "…"
            xAxis += "<text class=\"tick x\" x=\"\(SVGText.coordinate(centre))\" y=\"\(SVGText.coordinate(frame.plotBottom + 18))\" text-anchor=\"middle\">\(SVGText.escape(label))</text>\n"
            let top = yScale.map(base, from: frame.plotBottom, to: frame.plotTop)
            if top - frame.plotTop > 14 {
                body += "<text class=\"value\" x=\"\(SVGText.coordinate(centre))\" y=\"\(SVGText.coordinate(top - 4))\" text-anchor=\"middle\">\(SVGText.number(totals[i], digits: 3))</text>\n"
            }
        }
        return frame.render(body: body, xAxis: xAxis, yAxis: frame.yAxis(yScale))
    }
}
