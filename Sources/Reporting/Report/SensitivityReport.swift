import FacilitySim
import Foundation

/// The sensitivity section of a run report (`sensitivity.json` from `factory-twin run --sensitivity`): a tornado
/// chart per key metric of its top parameters, and a table of every parameter with its range, source and effect.
public enum SensitivityReport {
    /// Parameters charted per metric.
    static let topCount = 8

    /// Axis label of a metric, with its unit.
    static func label(_ metric: String) -> String {
        switch metric {
        case "pue": "annual PUE (–)"
        case "max_gpu_temperature_celsius": "peak GPU temperature (°C)"
        case "capacity_weighted_availability": "capacity-weighted availability (fraction)"
        case "availability": "availability (fraction)"
        case "economics.cost_per_million_tokens_usd": "cost per million output tokens (USD)"
        case "economics.cost_per_gpu_hour_usd": "cost per GPU-hour (USD)"
        default: "\(metric) (\(PlanReport.unit(metric)))"
        }
    }

    /// A figure with up to 6 significant digits and no trailing zeros (`0.03`, `199000`, `1.0834`).
    static func compact(_ x: Double) -> String { x.isFinite ? String(format: "%.6g", x) : "n/a" }

    /// A parameter's range as text: `0.03 … 0.08 K/W`, with "(assumed)" when the range is an assumption.
    static func range(_ p: SensitivityResult.Parameter) -> String {
        "\(compact(p.low)) … \(compact(p.high))\(p.unit.isEmpty ? "" : " \(p.unit)")\(p.assumed ? " (assumed)" : "")"
    }

    /// One tornado per metric that has at least one applicable parameter: (title, caption, svg).
    static func charts(_ result: SensitivityResult) -> [(title: String, caption: String, svg: String)] {
        result.metrics.compactMap { metric in
            guard let nominal = result.nominal[metric] else { return nil }
            let top = result.top(metric, count: topCount)
            guard !top.isEmpty else { return nil }
            let bars = top.map { p in
                TornadoChart.Bar(name: p.name, range: range(p), low: p.lowValues[metric] ?? .nan, high: p.highValues[metric] ?? .nan)
            }
            let title = "Sensitivity of \(label(metric).components(separatedBy: " (").first ?? metric)"
            let chart = TornadoChart(title: title, xLabel: label(metric), nominal: nominal, bars: bars)
            let caption = "One at a time: each parameter at the low and at the high end of its plausible range, every other input as in the scenario, same seed; the \(top.count) largest swings of \(metric) of \(result.parameters.count) parameters (\(result.runs) runs). Ranges marked assumed are assumptions; the table below gives each source."
            return (title, caption, chart.svg())
        }
    }

    /// Table rows: parameter, range, source, and the metric at both ends per metric.
    static func rows(_ result: SensitivityResult) -> (headers: [String], rows: [[String]]) {
        let headers = ["parameter", "range", "source"] + result.metrics.map { "\($0): low → high end (nominal \(compact(result.nominal[$0] ?? .nan)))" }
        let rows = result.parameters.map { p -> [String] in
            let effects = result.metrics.map { m -> String in
                if let reason = p.notApplicable { return "not applicable: \(reason)" }
                return "\(compact(p.lowValues[m] ?? .nan)) → \(compact(p.highValues[m] ?? .nan))"
            }
            return [p.name, range(p), p.source] + effects
        }
        return (headers, rows)
    }

    /// The HTML section.
    static func html(_ result: SensitivityResult) -> String {
        var h = "<h2>Sensitivity (tornado)</h2>\n"
        for c in charts(result) { h += "<figure>\n\(c.svg)<figcaption>\(SVGText.escape(c.caption))</figcaption>\n</figure>\n" }
        let (headers, rows) = rows(result)
        h += "<table>\n<tr>" + headers.map { "<th>\(SVGText.escape($0))</th>" }.joined() + "</tr>\n"
        for r in rows { h += "<tr>" + r.enumerated().map { "<td\($0.offset == 2 ? " class=\"def\"" : "")>\(SVGText.escape($0.element))</td>" }.joined() + "</tr>\n" }
        return h + "</table>\n"
    }

    /// The Markdown section.
    static func markdown(_ result: SensitivityResult) -> String {
        var m = "\n## Sensitivity (tornado)\n\nOne parameter at a time at each end of its plausible range (\(result.runs) runs, same seed); charts in report.html.\n\n"
        let (headers, rows) = rows(result)
        m += "| " + headers.map(MarkdownReport.cell).joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: headers.count) + "\n"
        for r in rows { m += "| " + r.map(MarkdownReport.cell).joined(separator: " | ") + " |\n" }
        return m
    }

    /// Reads `sensitivity.json` from `directory`, or nil when there is none.
    /// - Throws: `ReportInput.ReadError` when the file exists but is not a sensitivity study.
    public static func load(directory: URL) throws -> SensitivityResult? {
        let url = directory.appendingPathComponent("sensitivity.json")
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        guard let data = try? Data(contentsOf: url) else { throw ReportInput.ReadError(path: url.path, reason: "cannot read the file") }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do {
            return try decoder.decode(SensitivityResult.self, from: data)
        } catch {
            throw ReportInput.ReadError(path: url.path, reason: "not a sensitivity study: \(error)")
        }
    }
}
