import FacilitySim
import Foundation

/// `report.md`: the tables of `report.html` for reading in a repository (the charts are in the HTML file).
public enum MarkdownReport {
    public static func render(_ input: ReportInput) -> String {
        let s = input.summary
        var m = "# FactoryTwin report — \(s.scenario)\n\n"
        m += "\(SVGText.fixed(Double(s.gpus), 0)) × \(s.accelerator), \(SVGText.number(s.simulatedSeconds / 3600, digits: 5)) h at \(s.fidelity) fidelity, seed \(s.seed)"
        m += input.baseline.map { "; baseline: \($0.scenario)" } ?? ""
        m += ". Charts: [report.html](report.html). Metrics: [metrics.prom](metrics.prom).\n\n"
        m += "## The document's benchmarks\n\n| benchmark | target | this run | verdict | definition | provenance |\n|---|---|---|---|---|---|\n"
        for r in Benchmarks.rows(s, baseline: input.baseline) {
            m += "| \(cell(r.name)) | \(cell(r.target)) | \(cell(r.measured)) | **\(r.verdict.rawValue)** | \(cell(r.definition)) | \(r.provenance.rawValue) |\n"
        }
        m += table("Scenario summary", ReportTables.summary(s))
        if let r = input.replicated { m += table("Replications: means with 95 % confidence intervals", r.rows) }
        let economics = ReportTables.economics(s)
        m += economics.isEmpty ? "\n## Economics\n\nNot modelled: the scenario has no `economics:` block.\n" : table("Economics", economics)
        m += ParameterTable.markdown(s)
        if let sensitivity = input.sensitivity { m += SensitivityReport.markdown(sensitivity) }
        return m
    }

    static func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }

    static func table(_ title: String, _ rows: [ReportRow]) -> String {
        var m = "\n## \(title)\n\n| figure | value | provenance |\n|---|---|---|\n"
        for r in rows { m += "| \(cell(r.label)) | \(cell(r.value)) | \(r.provenance.rawValue) |\n" }
        return m
    }
}
