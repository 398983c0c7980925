/// A tornado chart: one horizontal bar per parameter from the metric at the parameter's low end to the metric at its
/// high end, drawn about the nominal value (a dashed vertical line), largest swing on top; the low-end half and the
/// high-end half in two colours, so the sign of each effect reads off the chart.
struct TornadoChart {
    /// One bar: its label (parameter and range) and the metric at the low and the high end.
    struct Bar {
        var name: String
        var range: String
        var low: Double
        var high: Double
    }

    static let width = 760.0, labelWidth = 300.0, right = 24.0, top = 40.0, row = 30.0
    static let fontSize = 12.0, smallFont = 10.0

    var title: String
    var xLabel: String
    var nominal: Double
    var bars: [Bar]

    var plotLeft: Double { Self.labelWidth + 10 }
    var plotRight: Double { Self.width - Self.right }
    var plotBottom: Double { Self.top + Self.row * Double(max(bars.count, 1)) }
    var height: Double { plotBottom + 48 + ChartFrame.legendRow + 8 }

    /// Longest label, characters, that fits the label column at `size` px.
    static func fitting(_ text: String, size: Double) -> String {
        let limit = Int((labelWidth - 12) / (size * 0.6))
        return text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    /// The chart as one `<svg>` element.
    func svg() -> String {
        let values = bars.flatMap { [$0.low, $0.high] }.filter(\.isFinite) + [nominal]
        let (lo, hi) = (values.min() ?? 0, values.max() ?? 1)
        let scale = AxisScale(low: lo - 0.02 * (hi - lo), high: hi + 0.02 * (hi - lo), count: 6)
        func px(_ v: Double) -> String { SVGText.coordinate(scale.map(v, from: plotLeft, to: plotRight)) }
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\"\(SVGText.coordinate(Self.width))\" height=\"\(SVGText.coordinate(height))\" viewBox=\"0 0 \(SVGText.coordinate(Self.width)) \(SVGText.coordinate(height))\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"\(Int(Self.fontSize))\">\n"
        s += "<title>\(SVGText.escape(title))</title>\n"
        s += "<text class=\"chart-title\" x=\"\(SVGText.coordinate(10))\" y=\"22\" font-size=\"15\" font-weight=\"bold\">\(SVGText.escape(title))</text>\n"
        s += "<rect x=\"\(SVGText.coordinate(plotLeft))\" y=\"\(SVGText.coordinate(Self.top))\" width=\"\(SVGText.coordinate(plotRight - plotLeft))\" height=\"\(SVGText.coordinate(plotBottom - Self.top))\" fill=\"#fafafa\" stroke=\"#999\"/>\n"
        s += xAxis(scale)
        for (i, bar) in bars.enumerated() {
            let y = Self.top + Self.row * Double(i)
            s += "<text class=\"tick y\" x=\"\(SVGText.coordinate(plotLeft - 8))\" y=\"\(SVGText.coordinate(y + 13))\" text-anchor=\"end\">\(SVGText.escape(Self.fitting(bar.name, size: Self.fontSize)))</text>\n"
            s += "<text class=\"tick y range\" x=\"\(SVGText.coordinate(plotLeft - 8))\" y=\"\(SVGText.coordinate(y + 25))\" text-anchor=\"end\" font-size=\"\(Int(Self.smallFont))\">\(SVGText.escape(Self.fitting(bar.range, size: Self.smallFont)))</text>\n"
            for (end, value, colour) in [("low end", bar.low, ChartPalette.colour(0)), ("high end", bar.high, ChartPalette.colour(1))] where value.isFinite {
                let a = scale.map(min(value, nominal), from: plotLeft, to: plotRight), b = scale.map(max(value, nominal), from: plotLeft, to: plotRight)
                s += "<rect class=\"bar\" x=\"\(SVGText.coordinate(a))\" y=\"\(SVGText.coordinate(y + 6))\" width=\"\(SVGText.coordinate(max(b - a, 1)))\" height=\"\(SVGText.coordinate(Self.row - 12))\" fill=\"\(colour)\" fill-opacity=\"0.85\"><title>\(SVGText.escape("\(bar.name) at its \(end): \(SVGText.number(value, digits: 6))"))</title></rect>\n"
            }
        }
        s += "<line class=\"reference\" x1=\"\(px(nominal))\" y1=\"\(SVGText.coordinate(Self.top))\" x2=\"\(px(nominal))\" y2=\"\(SVGText.coordinate(plotBottom))\" stroke=\"#333\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>\n"
        s += "<text class=\"axis-label y\" transform=\"translate(12 \(SVGText.coordinate((Self.top + plotBottom) / 2))) rotate(-90)\" text-anchor=\"middle\">parameter (range)</text>\n"
        s += "<text class=\"axis-label x\" x=\"\(SVGText.coordinate((plotLeft + plotRight) / 2))\" y=\"\(SVGText.coordinate(plotBottom + 38))\" text-anchor=\"middle\">\(SVGText.escape(xLabel))</text>\n"
        let legendY = plotBottom + 58
        var x = 10.0   // from the left edge: three entries do not fit beside the label column
        for (name, colour, dashed) in [("low end of the range", ChartPalette.colour(0), false), ("high end of the range", ChartPalette.colour(1), false),
                                       ("nominal \(SVGText.number(nominal, digits: 5))", "#333", true)] {
            s += "<line x1=\"\(SVGText.coordinate(x))\" y1=\"\(SVGText.coordinate(legendY - 4))\" x2=\"\(SVGText.coordinate(x + 22))\" y2=\"\(SVGText.coordinate(legendY - 4))\" stroke=\"\(colour)\" stroke-width=\"3\"\(dashed ? " stroke-dasharray=\"6 4\"" : "")/>\n"
            s += "<text class=\"legend\" x=\"\(SVGText.coordinate(x + 28))\" y=\"\(SVGText.coordinate(legendY))\">\(SVGText.escape(name))</text>\n"
            x += 28 + SVGText.width(name, fontSize: Self.fontSize) + 18
        }
        return s + "</svg>\n"
    }

    /// Tick marks and labels under the plot, thinned so that labels never touch.
    private func xAxis(_ scale: AxisScale) -> String {
        var s = ""
        let widest = scale.ticks.map { SVGText.width(scale.label($0), fontSize: Self.fontSize) }.max() ?? 0
        let spacing = (plotRight - plotLeft) / Double(max(scale.ticks.count - 1, 1))
        let every = max(1, Int((widest + 10) / spacing) + 1)
        for (i, t) in scale.ticks.enumerated() where i % every == 0 {
            let x = SVGText.coordinate(scale.map(t, from: plotLeft, to: plotRight))
            s += "<line x1=\"\(x)\" y1=\"\(SVGText.coordinate(Self.top))\" x2=\"\(x)\" y2=\"\(SVGText.coordinate(plotBottom + 5))\" stroke=\"#ddd\"/>\n"
            s += "<text class=\"tick x\" x=\"\(x)\" y=\"\(SVGText.coordinate(plotBottom + 18))\" text-anchor=\"middle\">\(scale.label(t))</text>\n"
        }
        return s
    }
}
