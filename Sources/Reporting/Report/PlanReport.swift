import FacilitySim
import Foundation

/// `report.html` and `report.md` of a capacity plan (a directory holding `plan.json`): the recommended design and
/// runners-up with their margin on every condition, and the feasible region — the objective of every design run
/// against the first (main sizing) variable, feasible and infeasible designs as two marker series, the recommended
/// one highlighted.
public enum PlanReport {
    /// The unit of a metric from its name's suffix (the summary's naming convention), for axis labels.
    static func unit(_ metric: String) -> String {
        let units: [(String, String)] = [("_usd", "USD"), ("_celsius", "°C"), ("_watts", "W"), ("_joules", "J"),
                                         ("_seconds", "s"), ("tokens_per_second", "tokens/s"), ("_per_joule", "per J"),
                                         ("pue", "–"), ("availability", "fraction")]
        return units.first { metric.hasSuffix($0.0) }?.1 ?? "as in summary.json"
    }

    /// A power of 1,000 that brings `maximum` below 1,000, as (factor, unit label): an SI prefix for J and W
    /// (`TJ`), `×10^n` otherwise, so that tick labels stay short.
    static func scaled(_ unit: String, maximum: Double) -> (factor: Double, label: String) {
        let exponent = maximum.isFinite && abs(maximum) >= 1000 ? min(15, 3 * Int(floor(log10(abs(maximum)) / 3))) : 0
        guard exponent > 0 else { return (1, unit) }
        let prefixes = [3: "k", 6: "M", 9: "G", 12: "T", 15: "P"]
        let factor = pow(10, Double(exponent))
        return unit == "J" || unit == "W" ? (factor, prefixes[exponent]! + unit) : (factor, "×10^\(exponent) \(unit)")
    }

    /// Designs shown in the chart: every design run, or (older plans) the ones the result names.
    static func designs(_ plan: CapacityPlanResult) -> [CapacityPlanResult.Candidate] {
        plan.evaluated ?? ([plan.recommended, plan.closest].compactMap { $0 } + plan.runnersUp)
    }

    /// The feasible-region chart, or nil when no design has a finite objective.
    static func chart(_ plan: CapacityPlanResult) -> String? {
        let main = plan.variables[0]
        let all = designs(plan).filter { $0.objective.isFinite }
        guard !all.isEmpty else { return nil }
        let (factor, unitLabel) = scaled(unit(plan.objective), maximum: all.map { abs($0.objective) }.max() ?? 1)
        func series(_ name: String, _ c: [CapacityPlanResult.Candidate], radius: Double) -> LineChart.Series {
            LineChart.Series(name: name, x: c.map { Double($0.design[main] ?? 0) }, y: c.map { $0.objective / factor },
                             markers: true, line: false, markerRadius: radius)
        }
        let feasible = all.filter(\.feasible), infeasible = all.filter { !$0.feasible }
        var list = [series("feasible (\(feasible.count))", feasible, radius: 4), series("infeasible (\(infeasible.count))", infeasible, radius: 3)]
        if let r = plan.recommended, r.objective.isFinite { list.append(series("recommended", [r], radius: 7)) }
        let others = plan.variables.count > 1 ? "; other variables: \(plan.variables.dropFirst().joined(separator: ", "))" : ""
        return LineChart(title: "Feasible region: \(plan.objective) of the designs run", xLabel: "\(main) (units)\(others)",
                         yLabel: "\(plan.objective) (\(unitLabel))", series: list).svg()
    }

    /// Table rows: rank, design, objective and one margin column per condition.
    static func rows(_ plan: CapacityPlanResult) -> (headers: [String], rows: [[String]]) {
        var ranked: [(String, CapacityPlanResult.Candidate)] = []
        if let r = plan.recommended { ranked.append(("recommended", r)) }
        ranked += plan.runnersUp.enumerated().map { ("runner-up \($0.offset + 1)", $0.element) }
        if plan.recommended == nil, let c = plan.closest { ranked.append(("closest (infeasible)", c)) }
        let headers = ["design", "variables", plan.objective] + plan.conditions.map { "margin: \($0)" }
        let rows = ranked.map { name, c -> [String] in
            [name, plan.variables.map { "\($0)=\(c.design[$0] ?? 0)" }.joined(separator: ", "), SVGText.number(c.objective)]
                + plan.conditions.map { cond in
                    guard let m = c.margins.first(where: { $0.condition == cond }) else { return "—" }
                    return "\(SVGText.number(m.value, digits: 6)) (margin \(SVGText.number(m.margin)), \(SVGText.fixed(100 * m.relativeMargin, 2)) %)"
                }
        }
        return (headers, rows)
    }

    static func summaryLine(_ plan: CapacityPlanResult) -> String {
        let all = designs(plan)
        let feasible = all.filter(\.feasible).count
        return "\(plan.evaluations) designs run of a \(plan.gridPoints)-design grid; minimise \(plan.objective) subject to \(plan.conditions.isEmpty ? "no condition" : plan.conditions.joined(separator: ", ")). Charted: \(feasible) feasible, \(all.count - feasible) infeasible. Margins are value minus bound for ≥, bound minus value for ≤ (≥ 0 when met), on the pessimistic 95 % bound with replications. All figures modelled."
    }

    /// The HTML document.
    public static func html(_ plan: CapacityPlanResult, title: String) -> String {
        var h = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>FactoryTwin plan — \(SVGText.escape(title))</title>\n"
        h += "<style>body { font-family: Helvetica, Arial, sans-serif; margin: 24px auto; max-width: 1000px; color: #222; } table { border-collapse: collapse; font-size: 13px; } th, td { border: 1px solid #ccc; padding: 3px 6px; } th { background: #f0f0f0; } svg.chart { display: block; max-width: 100%; height: auto; margin: 16px 0; } .note { font-size: 13px; color: #555; }</style>\n</head>\n<body>\n"
        h += "<h1>FactoryTwin plan — \(SVGText.escape(title))</h1>\n<p class=\"note\">\(SVGText.escape(summaryLine(plan)))</p>\n"
        if plan.recommended == nil { h += "<p><strong>No design run meets every condition.</strong></p>\n" }
        let (headers, rows) = rows(plan)
        h += "<h2>Recommended design and runners-up</h2>\n<table>\n<tr>" + headers.map { "<th>\(SVGText.escape($0))</th>" }.joined() + "</tr>\n"
        for r in rows { h += "<tr>" + r.map { "<td>\(SVGText.escape($0))</td>" }.joined() + "</tr>\n" }
        h += "</table>\n"
        if let svg = chart(plan) { h += "<h2>Feasible region</h2>\n" + svg }
        return h + "</body>\n</html>\n"
    }

    /// The Markdown document.
    public static func markdown(_ plan: CapacityPlanResult, title: String) -> String {
        var m = "# FactoryTwin plan — \(title)\n\n\(summaryLine(plan)) Chart: [report.html](report.html).\n\n"
        if plan.recommended == nil { m += "**No design run meets every condition.**\n\n" }
        let (headers, rows) = rows(plan)
        m += "| " + headers.map(MarkdownReport.cell).joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: headers.count) + "\n"
        for r in rows { m += "| " + r.map(MarkdownReport.cell).joined(separator: " | ") + " |\n" }
        return m
    }
}
