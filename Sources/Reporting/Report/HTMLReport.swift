import FacilitySim
import Foundation

/// `report.html`: one self-contained file (inline CSS and SVG, no script, no network) with the scenario summary,
/// the document's benchmarks, cost figures, time-series charts, the latency histogram and energy and cost breakdowns.
public enum HTMLReport {
    /// The whole document.
    public static func render(_ input: ReportInput) -> String {
        let s = input.summary
        var h = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>FactoryTwin report — \(SVGText.escape(s.scenario))</title>
        <style>
        body { font-family: Helvetica, Arial, sans-serif; margin: 24px auto; max-width: 1000px; color: #222; line-height: 1.4; }
        h1 { font-size: 24px; margin-bottom: 4px; } h2 { font-size: 19px; margin-top: 32px; border-bottom: 1px solid #ccc; }
        table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 14px; }
        th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: left; vertical-align: top; }
        th { background: #f0f0f0; } td.def { font-size: 12px; color: #555; }
        .verdict { font-weight: bold; white-space: nowrap; } .pass { color: #1a7f37; } .fail { color: #c00000; }
        .notmodelled, .reported { color: #666; }
        .prov { display: inline-block; font-size: 11px; padding: 0 6px; border-radius: 8px; background: #eee; color: #333; white-space: nowrap; }
        .prov.measured { background: #d7ecff; } .prov.calibrated { background: #e4dcff; } .prov.modelled { background: #e6f4e6; } .prov.cited { background: #fff0cc; }
        figure { margin: 16px 0 24px; } figcaption { font-size: 13px; color: #555; max-width: 760px; }
        svg.chart { display: block; max-width: 100%; height: auto; }
        .note { font-size: 13px; color: #555; }
        </style>
        </head>
        <body>
        <h1>FactoryTwin report — \(SVGText.escape(s.scenario))</h1>
        <p class="note">\(SVGText.fixed(Double(s.gpus), 0)) × \(SVGText.escape(s.accelerator)), \(SVGText.number(s.simulatedSeconds / 3600, digits: 5)) h simulated at \(SVGText.escape(s.fidelity)) fidelity, seed \(s.seed), FactoryTwin \(SVGText.escape(s.version))\(input.baseline.map { "; baseline: \(SVGText.escape($0.scenario))" } ?? ""). Provenance labels: \(FigureProvenance.allCases.map { chip($0) }.joined(separator: " ")) (measured on the kernel's machine; calibrated to that measurement; modelled by the twin; cited from a published source).</p>

        """
        h += "<h2>The document's benchmarks</h2>\n<table>\n<tr><th>benchmark</th><th>target</th><th>this run</th><th>verdict</th><th>definition</th><th>provenance</th></tr>\n"
        for r in Benchmarks.rows(s, baseline: input.baseline) {
            let cls = r.verdict.rawValue.replacingOccurrences(of: " ", with: "")
            h += "<tr><td>\(SVGText.escape(r.name))</td><td>\(SVGText.escape(r.target))</td><td>\(SVGText.escape(r.measured))</td><td class=\"verdict \(cls)\">\(SVGText.escape(r.verdict.rawValue))</td><td class=\"def\">\(SVGText.escape(r.definition))</td><td>\(chip(r.provenance))</td></tr>\n"
        }
        h += "</table>\n"
        h += table("Scenario summary", ReportTables.summary(s))
        if let r = input.replicated { h += table("Replications: means with 95 % confidence intervals", r.rows) }
        let economics = ReportTables.economics(s)
        h += economics.isEmpty ? "<h2>Economics</h2>\n<p class=\"note\">Not modelled: the scenario has no <code>economics:</code> block.</p>\n"
                               : table("Economics", economics)
        h += ParameterTable.html(s)
        if let incidents = input.incidents { h += incidents.html() }
        h += "<h2>Charts</h2>\n"
        if input.timeSeries == nil { h += "<p class=\"note\">No timeseries.csv: time-series charts are not drawn.</p>\n" }
        if s.latencySeconds == nil { h += "<p class=\"note\">Latency histogram: not modelled in this run (fluid fidelity has no requests).</p>\n" }
        for chart in ReportCharts.all(input) {
            h += "<figure>\n\(chart.svg)<figcaption>\(SVGText.escape(chart.caption))</figcaption>\n</figure>\n"
        }
        if let sensitivity = input.sensitivity { h += SensitivityReport.html(sensitivity) }
        h += "</body>\n</html>\n"
        return h
    }

    static func chip(_ p: FigureProvenance) -> String { "<span class=\"prov \(p.rawValue)\">\(p.rawValue)</span>" }

    static func table(_ title: String, _ rows: [ReportRow]) -> String {
        var h = "<h2>\(SVGText.escape(title))</h2>\n<table>\n<tr><th>figure</th><th>value</th><th>provenance</th></tr>\n"
        for r in rows { h += "<tr><td>\(SVGText.escape(r.label))</td><td>\(SVGText.escape(r.value))</td><td>\(chip(r.provenance))</td></tr>\n" }
        return h + "</table>\n"
    }
}
