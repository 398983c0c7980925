import FacilitySim
import Foundation

/// The report's table of the plant parameters a run used (summary.json `parameters`, issue 16): value, unit,
/// plausible range and source; assumptions are marked **assumed** so that a reader sees which figures rest on no
/// published measurement.
enum ParameterTable {
    /// One line of the table.
    static func caption(_ parameters: [ParameterUse]) -> String {
        let assumed = parameters.filter(\.assumed).count
        return "\(parameters.count) parameters read by the plant model; \(assumed) of them are assumptions (no published figure found), "
            + "marked assumed. Override any of them in the scenario's `parameters:` block."
    }

    static func value(_ p: ParameterUse) -> String { SVGText.number(p.value, digits: 4) }

    static func range(_ p: ParameterUse) -> String { "\(SVGText.number(p.plausibleLow, digits: 4))…\(SVGText.number(p.plausibleHigh, digits: 4))" }

    static func markdown(_ s: RunSummary) -> String {
        guard let parameters = s.parameters, !parameters.isEmpty else { return "" }
        var m = "\n## Plant parameters\n\n\(caption(parameters))\n\n| parameter | value | unit | plausible range | source | citation |\n|---|---|---|---|---|---|\n"
        for p in parameters {
            let kind = p.assumed ? "**assumed**" : p.kind
            m += "| \(p.name) | \(value(p)) | \(p.unit) | \(range(p)) | \(kind) | \(MarkdownReport.cell(p.source)) |\n"
        }
        return m
    }

    static func html(_ s: RunSummary) -> String {
        guard let parameters = s.parameters, !parameters.isEmpty else { return "" }
        var h = "<h2>Plant parameters</h2>\n<p class=\"note\">\(SVGText.escape(caption(parameters)))</p>\n<table>\n"
        h += "<tr><th>parameter</th><th>value</th><th>unit</th><th>plausible range</th><th>source</th><th>citation</th></tr>\n"
        for p in parameters {
            let kind = p.assumed ? "<strong>assumed</strong>" : SVGText.escape(p.kind)
            h += "<tr><td>\(SVGText.escape(p.name))</td><td>\(SVGText.escape(value(p)))</td><td>\(SVGText.escape(p.unit))</td>"
                + "<td>\(SVGText.escape(range(p)))</td><td>\(kind)</td><td class=\"def\">\(SVGText.escape(p.source))</td></tr>\n"
        }
        return h + "</table>\n"
    }
}
