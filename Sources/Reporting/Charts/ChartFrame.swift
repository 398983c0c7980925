/// Layout and furniture shared by every chart: title, plot area, axes with labelled ticks, axis labels and a
/// legend laid out in rows below the plot so that no two texts overlap.
struct ChartFrame {
    static let width = 760.0
    static let left = 78.0, right = 24.0, top = 40.0, plotHeight = 220.0
    static let fontSize = 12.0, legendRow = 20.0

    let title: String
    let xLabel: String
    let yLabel: String
    /// Legend entries (name, colour, dashed).
    let legend: [(name: String, colour: String, dashed: Bool)]

    var plotLeft: Double { Self.left }
    var plotRight: Double { Self.width - Self.right }
    var plotTop: Double { Self.top }
    var plotBottom: Double { Self.top + Self.plotHeight }

    /// Legend rows: entries packed left to right, a new row when the next one would pass the right edge.
    var legendRows: [[(name: String, colour: String, dashed: Bool, x: Double)]] {
        var rows: [[(name: String, colour: String, dashed: Bool, x: Double)]] = [[]]
        var x = plotLeft
        for entry in legend {
            let w = 28 + SVGText.width(entry.name, fontSize: Self.fontSize) + 18
            if x + w > plotRight, !rows[rows.count - 1].isEmpty {
                rows.append([])
                x = plotLeft
            }
            rows[rows.count - 1].append((entry.name, entry.colour, entry.dashed, x))
            x += w
        }
        return legend.isEmpty ? [] : rows
    }

    /// Total height: plot, x tick labels and axis label, legend rows.
    var height: Double { plotBottom + 48 + Double(legendRows.count) * Self.legendRow + 8 }

    /// Opening tag, title, axis labels and legend; `body` is drawn between them.
    func render(body: String, xAxis: String, yAxis: String) -> String {
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\"\(SVGText.coordinate(Self.width))\" height=\"\(SVGText.coordinate(height))\" viewBox=\"0 0 \(SVGText.coordinate(Self.width)) \(SVGText.coordinate(height))\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"\(Int(Self.fontSize))\">\n"
        s += "<title>\(SVGText.escape(title))</title>\n"
        s += "<text class=\"chart-title\" x=\"\(SVGText.coordinate(plotLeft))\" y=\"22\" font-size=\"15\" font-weight=\"bold\">\(SVGText.escape(title))</text>\n"
        s += "<rect x=\"\(SVGText.coordinate(plotLeft))\" y=\"\(SVGText.coordinate(plotTop))\" width=\"\(SVGText.coordinate(plotRight - plotLeft))\" height=\"\(SVGText.coordinate(Self.plotHeight))\" fill=\"#fafafa\" stroke=\"#999\"/>\n"
        s += yAxis + xAxis + body
        let midY = (plotTop + plotBottom) / 2
        s += "<text class=\"axis-label y\" transform=\"translate(18 \(SVGText.coordinate(midY))) rotate(-90)\" text-anchor=\"middle\">\(SVGText.escape(yLabel))</text>\n"
        s += "<text class=\"axis-label x\" x=\"\(SVGText.coordinate((plotLeft + plotRight) / 2))\" y=\"\(SVGText.coordinate(plotBottom + 38))\" text-anchor=\"middle\">\(SVGText.escape(xLabel))</text>\n"
        for (r, row) in legendRows.enumerated() {
            let y = plotBottom + 48 + Double(r) * Self.legendRow + 10
            for e in row {
                s += "<line x1=\"\(SVGText.coordinate(e.x))\" y1=\"\(SVGText.coordinate(y - 4))\" x2=\"\(SVGText.coordinate(e.x + 22))\" y2=\"\(SVGText.coordinate(y - 4))\" stroke=\"\(e.colour)\" stroke-width=\"3\"\(e.dashed ? " stroke-dasharray=\"6 4\"" : "")/>\n"
                s += "<text class=\"legend\" x=\"\(SVGText.coordinate(e.x + 28))\" y=\"\(SVGText.coordinate(y))\">\(SVGText.escape(e.name))</text>\n"
            }
        }
        return s + "</svg>\n"
    }

    /// Horizontal grid lines and tick labels of a value axis.
    func yAxis(_ scale: AxisScale) -> String {
        var s = ""
        for t in scale.ticks {
            let y = scale.map(t, from: plotBottom, to: plotTop)
            s += "<line x1=\"\(SVGText.coordinate(plotLeft))\" y1=\"\(SVGText.coordinate(y))\" x2=\"\(SVGText.coordinate(plotRight))\" y2=\"\(SVGText.coordinate(y))\" stroke=\"#ddd\"/>\n"
            s += "<text class=\"tick y\" x=\"\(SVGText.coordinate(plotLeft - 6))\" y=\"\(SVGText.coordinate(y + 4))\" text-anchor=\"end\">\(scale.label(t))</text>\n"
        }
        return s
    }

    /// Tick marks and labels of a linear x axis, thinned so that labels never touch.
    func xAxis(_ scale: AxisScale) -> String {
        var s = ""
        let widest = scale.ticks.map { SVGText.width(scale.label($0), fontSize: Self.fontSize) }.max() ?? 0
        let spacing = (plotRight - plotLeft) / Double(max(scale.ticks.count - 1, 1))
        let every = max(1, Int((widest + 10) / spacing) + 1)
        for (i, t) in scale.ticks.enumerated() where i % every == 0 {
            let x = scale.map(t, from: plotLeft, to: plotRight)
            s += "<line x1=\"\(SVGText.coordinate(x))\" y1=\"\(SVGText.coordinate(plotBottom))\" x2=\"\(SVGText.coordinate(x))\" y2=\"\(SVGText.coordinate(plotBottom + 5))\" stroke=\"#666\"/>\n"
            s += "<text class=\"tick x\" x=\"\(SVGText.coordinate(x))\" y=\"\(SVGText.coordinate(plotBottom + 18))\" text-anchor=\"middle\">\(scale.label(t))</text>\n"
        }
        return s
    }
}
