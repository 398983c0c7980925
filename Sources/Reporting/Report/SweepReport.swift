import Foundation

/// `report.html` and `report.md` of a sweep (a directory holding `sweep.csv`): each key metric against the first
/// swept field with its 95 % confidence band, one line per combination of the other fields, and the table of points
/// with the feasible ones marked (peak GPU temperature ≤ the document's 70 °C and no time above it).
public enum SweepReport {
    /// Metrics charted when present: (column, chart title, y-axis label, scale applied to the values).
    static let charts: [(metric: String, title: String, yLabel: String, scale: Double)] = [
        ("max_gpu_temperature_celsius", "Peak GPU temperature", "peak GPU temperature (°C)", 1),
        ("seconds_above_gpu_limit", "Time above the GPU limit", "time any GPU above the limit (h)", 1.0 / 3600),
        ("pue", "PUE", "PUE (–)", 1),
        ("throughput_lost_fraction", "Throughput lost to throttling and failures", "throughput lost (%)", 100),
        ("tokens_per_second", "Token throughput", "tokens per second", 1),
        ("tokens_per_joule_facility", "Tokens per joule (facility)", "tokens per joule", 1),
        ("capacity_weighted_availability", "Capacity-weighted availability", "availability (%)", 100),
        ("availability", "Availability (all GPUs at full clock)", "availability (%)", 100),
        ("economics.cost_per_million_tokens_usd", "Cost per million tokens", "cost (USD per million tokens)", 1),
        ("economics.horizon_cost_usd", "Cost over the horizon", "cost (million USD)", 1e-6),
    ]
    /// The document's GPU temperature policy, °C, used for the feasible region.
    static let limitCelsius = 70.0

    /// Whether a point is feasible: peak ≤ 70 °C (0.05 K tolerance) and no time above; nil without the columns.
    static func feasible(_ p: SweepInput.Point) -> Bool? {
        guard let peak = p.metrics["max_gpu_temperature_celsius"]?.mean else { return nil }
        let above = p.metrics["seconds_above_gpu_limit"]?.mean ?? 0
        return peak <= limitCelsius + 0.05 && above == 0
    }

    /// The charts (title, svg) of `sweep`.
    static func svgs(_ sweep: SweepInput) -> [(String, String)] {
        guard let axis = sweep.axes.first else { return [] }
        let raw = sweep.points.map { $0.values[0] }
        let numeric = raw.allSatisfy { SweepInput.number($0) != nil }
        let categories = unique(raw)
        let x = raw.map { numeric ? SweepInput.number($0)! : Double(categories.firstIndex(of: $0) ?? 0) }
        let xLabel = numeric ? "\(axis) (as swept: \(categories.joined(separator: ", ")))"
                             : "\(axis) (0…\(categories.count - 1): \(categories.joined(separator: ", ")))"
        let groups = sweep.points.map { $0.values.dropFirst().enumerated().map { "\(sweep.axes[$0.offset + 1])=\($0.element)" }.joined(separator: ", ") }
        let groupNames = unique(groups)
        var result: [(String, String)] = []
        for chart in charts where sweep.metricNames.contains(chart.metric) {
            var series: [LineChart.Series] = []
            for g in groupNames {
                let idx = sweep.points.indices.filter { groups[$0] == g }.sorted { x[$0] < x[$1] }
                let m = idx.map { sweep.points[$0].metrics[chart.metric]! }
                series.append(LineChart.Series(name: g.isEmpty ? chart.metric : g, x: idx.map { x[$0] }, y: m.map { $0.mean * chart.scale },
                                               lower: m.map { ($0.low ?? .nan) * chart.scale }, upper: m.map { ($0.high ?? .nan) * chart.scale },
                                               markers: true))
            }
            var line = LineChart(title: chart.title, xLabel: xLabel, yLabel: chart.yLabel, series: series)
            if chart.metric == "max_gpu_temperature_celsius" { line.references = [.init(value: limitCelsius, label: "policy limit 70 °C (feasible below)")] }
            result.append((chart.title, line.svg()))
        }
        return result
    }

    /// `values` without repeats, in first-seen order.
    static func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }

    /// The HTML document.
    public static func html(_ sweep: SweepInput, title: String) -> String {
        var h = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>FactoryTwin sweep — \(SVGText.escape(title))</title>\n"
        h += "<style>body { font-family: Helvetica, Arial, sans-serif; margin: 24px auto; max-width: 1000px; color: #222; } table { border-collapse: collapse; font-size: 13px; } th, td { border: 1px solid #ccc; padding: 3px 6px; } th { background: #f0f0f0; } .pass { color: #1a7f37; font-weight: bold; } .fail { color: #c00000; font-weight: bold; } svg.chart { display: block; max-width: 100%; height: auto; margin: 16px 0; } .note { font-size: 13px; color: #555; }</style>\n</head>\n<body>\n"
        h += "<h1>FactoryTwin sweep — \(SVGText.escape(title))</h1>\n<p class=\"note\">\(sweep.points.count) points over \(SVGText.escape(sweep.axes.joined(separator: " × "))). Bands are 95 % confidence intervals over replications (absent with one replication). Feasible: peak GPU temperature ≤ 70 °C and no time above it. All figures modelled.</p>\n"
        for (_, svg) in svgs(sweep) { h += svg }
        h += "<h2>Points</h2>\n" + table(sweep, html: true) + "</body>\n</html>\n"
        return h
    }

    /// The Markdown document.
    public static func markdown(_ sweep: SweepInput, title: String) -> String {
        "# FactoryTwin sweep — \(title)\n\n\(sweep.points.count) points over \(sweep.axes.joined(separator: " × ")); charts in [report.html](report.html). Feasible: peak GPU temperature ≤ 70 °C and no time above it.\n\n" + table(sweep, html: false)
    }

    static func table(_ sweep: SweepInput, html: Bool) -> String {
        let shown = charts.map(\.metric).filter(sweep.metricNames.contains)
        func cell(_ p: SweepInput.Point, _ m: String) -> String {
            guard let v = p.metrics[m] else { return "—" }
            let ci = v.low.flatMap { low in v.high.map { " [\(SVGText.number(low))…\(SVGText.number($0))]" } } ?? ""
            return SVGText.number(v.mean) + ci
        }
        let headers = ["#"] + sweep.axes + shown + ["feasible"]
        let rows = sweep.points.map { p -> [String] in
            [String(p.index)] + p.values + shown.map { cell(p, $0) } + [feasible(p).map { $0 ? "pass" : "fail" } ?? "—"]
        }
        if !html {
            return "| " + headers.joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: headers.count) + "\n"
                + rows.map { "| " + $0.joined(separator: " | ") + " |" }.joined(separator: "\n") + "\n"
        }
        var h = "<table>\n<tr>" + headers.map { "<th>\(SVGText.escape($0))</th>" }.joined() + "</tr>\n"
        for r in rows {
            h += "<tr>" + r.enumerated().map { i, v in
                i == r.count - 1 && v != "—" ? "<td class=\"\(v)\">\(v)</td>" : "<td>\(SVGText.escape(v))</td>"
            }.joined() + "</tr>\n"
        }
        return h + "</table>\n"
    }
}
