import FacilitySim
import Foundation

/// `report.html` and `report.md` of `factory-twin plan --meet document`: the document's rows with how many designs
/// passed each and the binding constraint of any row none can pass, the recommended design, and the Pareto front of
/// cost, PUE and uptime drawn as two projections (cost against PUE, cost against uptime).
public enum DocumentPlanReport {
    /// Cost axis scaling: USD in millions when large.
    static func costScale(_ designs: [DocumentPlanResult.Design]) -> (factor: Double, label: String) {
        let top = designs.map(\.cost).filter(\.isFinite).max() ?? 1
        return top >= 1e6 ? (1e6, "million USD") : top >= 1e3 ? (1e3, "thousand USD") : (1, "USD")
    }

    /// The two projections of the front, or none when no design has finite figures.
    static func charts(_ r: DocumentPlanResult) -> [(title: String, caption: String, svg: String)] {
        let finite = r.designs.filter { $0.cost.isFinite && $0.pue.isFinite && $0.uptime.isFinite }
        guard !finite.isEmpty else { return [] }
        let (factor, unit) = costScale(finite)
        func series(_ name: String, _ d: [DocumentPlanResult.Design], _ y: (DocumentPlanResult.Design) -> Double, radius: Double) -> LineChart.Series {
            LineChart.Series(name: name, x: d.map { $0.cost / factor }, y: d.map(y), markers: true, line: false, markerRadius: radius)
        }
        let front = finite.filter(\.onFront), others = finite.filter { !$0.onFront && $0.feasible }, failing = finite.filter { !$0.feasible }
        func chart(_ title: String, _ yLabel: String, _ y: @escaping (DocumentPlanResult.Design) -> Double, reference: LineChart.Reference) -> String {
            var list = [series("fails a row (\(failing.count))", failing, y, radius: 2.5), series("passes, dominated (\(others.count))", others, y, radius: 3.5),
                        series("Pareto front (\(front.count))", front, y, radius: 5)]
            if let rec = r.recommended, rec.cost.isFinite { list.append(series("recommended", [rec], y, radius: 8)) }
            return LineChart(title: title, xLabel: "\(r.objective) (\(unit))", yLabel: yLabel, series: list, references: [reference]).svg()
        }
        let caption = "Every design run (\(r.evaluations) of \(r.gridPoints)); the front is the designs passing every row that can be passed that no other such design beats on cost, PUE and uptime at once."
        return [
            ("Pareto front: cost against PUE", caption, chart("Pareto front: cost against PUE", "annual PUE (–)", { $0.pue },
                                                             reference: .init(value: 1.1, label: "PUE target 1.10"))),
            ("Pareto front: cost against uptime", caption, chart("Pareto front: cost against uptime", "uptime (%)", { 100 * $0.uptime },
                                                                reference: .init(value: 99.95, label: "uptime floor 99.95 %"))),
        ]
    }

    static func rowTable(_ r: DocumentPlanResult) -> (headers: [String], rows: [[String]]) {
        (["row", "condition", "designs passing", "best value", "binding constraint"],
         r.rows.map { [$0.name, $0.condition, "\($0.passedBy) of \(r.evaluations)", SVGText.number($0.bestValue, digits: 6), $0.binding ?? "—"] })
    }

    static func designTable(_ r: DocumentPlanResult) -> (headers: [String], rows: [[String]]) {
        var ranked: [(String, DocumentPlanResult.Design)] = r.recommended.map { [("recommended", $0)] } ?? []
        let front = r.designs.filter(\.onFront).sorted { $0.cost < $1.cost }.filter { $0 != r.recommended }
        ranked += front.prefix(8).map { ("front", $0) }
        let headers = ["design"] + r.axes + ["cost (USD)", "PUE", "uptime"]
        return (headers, ranked.map { name, d in
            [name] + r.axes.map { d.choices[$0] ?? "—" } + [SVGText.number(d.cost, digits: 6), SVGText.fixed(d.pue, 4), "\(SVGText.fixed(100 * d.uptime, 4)) %"]
        })
    }

    static func summaryLine(_ r: DocumentPlanResult) -> String {
        let base = r.baseline.map { " Baseline for the improvement rows: \($0), PUE \(SVGText.fixed(r.baselinePue ?? .nan, 3))." } ?? " No baseline: the improvement rows are not judged."
        let relaxed = r.relaxed.isEmpty ? "" : " Rows no design can pass (left out of the recommendation): \(r.relaxed.joined(separator: "; "))."
        return "\(r.evaluations) designs run of a \(r.gridPoints)-design grid over \(r.axes.joined(separator: ", ")); minimise \(r.objective).\(base)\(relaxed) All figures modelled."
    }

    /// The HTML document.
    public static func html(_ r: DocumentPlanResult) -> String {
        var h = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>FactoryTwin plan to the document — \(SVGText.escape(r.scenario))</title>\n"
        h += "<style>body { font-family: Helvetica, Arial, sans-serif; margin: 24px auto; max-width: 1000px; color: #222; } table { border-collapse: collapse; font-size: 13px; } th, td { border: 1px solid #ccc; padding: 3px 6px; } th { background: #f0f0f0; } svg.chart { display: block; max-width: 100%; height: auto; margin: 16px 0; } .note, figcaption { font-size: 13px; color: #555; }</style>\n</head>\n<body>\n"
        h += "<h1>FactoryTwin plan to the document — \(SVGText.escape(r.scenario))</h1>\n<p class=\"note\">\(SVGText.escape(summaryLine(r)))</p>\n"
        for (title, table) in [("The document's rows", rowTable(r)), ("Recommended design and the front", designTable(r))] {
            h += "<h2>\(SVGText.escape(title))</h2>\n<table>\n<tr>" + table.headers.map { "<th>\(SVGText.escape($0))</th>" }.joined() + "</tr>\n"
            for row in table.rows { h += "<tr>" + row.map { "<td>\(SVGText.escape($0))</td>" }.joined() + "</tr>\n" }
            h += "</table>\n"
        }
        if r.recommended == nil { h += "<p><strong>No design run passes every row that can be passed.</strong></p>\n" }
        for c in charts(r) { h += "<figure>\n\(c.svg)<figcaption>\(SVGText.escape(c.caption))</figcaption>\n</figure>\n" }
        return h + "</body>\n</html>\n"
    }

    /// The Markdown document.
    public static func markdown(_ r: DocumentPlanResult) -> String {
        var m = "# FactoryTwin plan to the document — \(r.scenario)\n\n\(summaryLine(r)) Charts: [report.html](report.html).\n"
        for (title, table) in [("The document's rows", rowTable(r)), ("Recommended design and the front", designTable(r))] {
            m += "\n## \(title)\n\n| " + table.headers.map(MarkdownReport.cell).joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: table.headers.count) + "\n"
            for row in table.rows { m += "| " + row.map(MarkdownReport.cell).joined(separator: " | ") + " |\n" }
        }
        if r.recommended == nil { m += "\n**No design run passes every row that can be passed.**\n" }
        return m
    }

    /// Reads a `document-plan.json` back (as `plan --meet document` writes it).
    /// - Throws: `ReportInput.ReadError` naming the file when it cannot be read or is not a document plan.
    public static func load(_ url: URL) throws -> DocumentPlanResult {
        guard let data = try? Data(contentsOf: url) else { throw ReportInput.ReadError(path: url.path, reason: "cannot read the file") }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do {
            return try decoder.decode(DocumentPlanResult.self, from: data)
        } catch {
            throw ReportInput.ReadError(path: url.path, reason: "not a document plan: \(error)")
        }
    }
}
