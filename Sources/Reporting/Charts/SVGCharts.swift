/// The chart code of the reports for other targets (shadow mode's report): time-series line charts as SVG.
public enum SVGCharts {
    /// One line of a chart.
    public struct Line: Sendable {
        public var name: String
        public var x: [Double]
        public var y: [Double]
        /// Draw markers only (a scatter), not a line.
        public var scatter: Bool

        public init(name: String, x: [Double], y: [Double], scatter: Bool = false) {
            self.name = name
            self.x = x
            self.y = y
            self.scatter = scatter
        }
    }

    /// A line chart as one `<svg>` element: the reports' `LineChart` (long series drawn as a min–max band over
    /// buckets), with dashed horizontal references.
    public static func lineChart(title: String, xLabel: String, yLabel: String, lines: [Line],
                                 references: [(value: Double, label: String)] = []) -> String {
        LineChart(title: title, xLabel: xLabel, yLabel: yLabel,
                  series: lines.map { LineChart.Series(name: $0.name, x: $0.x, y: $0.y, markers: $0.scatter, line: !$0.scatter,
                                                       markerRadius: $0.scatter ? 1.5 : 3) },
                  references: references.map { LineChart.Reference(value: $0.value, label: $0.label) }).svg()
    }

    /// Text escaped for HTML and SVG.
    public static func escape(_ text: String) -> String { SVGText.escape(text) }
}
