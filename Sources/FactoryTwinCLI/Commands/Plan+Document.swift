import ArgumentParser
import FacilitySim
import Foundation
import Reporting
import Scenario
import Studies

extension Plan {
    /// The baseline scenario's path: `--baseline-scenario`, else `traditional-air-cooled.yaml` beside the scenario.
    var baselinePath: String? {
        if let baselineScenario { return baselineScenario }
        let beside = ((scenario as NSString).deletingLastPathComponent as NSString).appendingPathComponent("traditional-air-cooled.yaml")
        return FileManager.default.fileExists(atPath: beside) ? beside : nil
    }

    /// `plan SCENARIO --meet document`: runs the baseline once, then the document plan; prints the rows, the binding
    /// constraints and the recommended design, and writes DIR/document-plan.json, DIR/report.html and DIR/report.md.
    func runDocument() throws {
        let sets = try ScenarioInput.overrides(overrides)
        let spec = try ScenarioInput.load(scenario, overrides: sets)
        do {
            var baseline: RunSummary?
            if let path = baselinePath {
                let base = try ScenarioLoader.load(path: path)
                baseline = try ReplicationRunner.runOne(base, replication: 0).summary
            }
            let result = try DocumentPlan(path: scenario, overrides: sets, baseline: baseline).run()
            print(DocumentPlan.summary(result))
            let directory = URL(fileURLWithPath: out ?? "Reports/\(spec.name)-plan-document")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try ResultWriter.writeAtomically(DocumentPlan.json(result), to: directory.appendingPathComponent("document-plan.json"))
            try ResultWriter.writeAtomically(Data(DocumentPlanReport.html(result).utf8), to: directory.appendingPathComponent("report.html"))
            try ResultWriter.writeAtomically(Data(DocumentPlanReport.markdown(result).utf8), to: directory.appendingPathComponent("report.md"))
            print("→ \(directory.appendingPathComponent("report.html").path)")
        } catch let error as ScenarioError {
            ScenarioInput.report(error)
            throw ScenarioInput.dataError
        } catch let error as CapacityPlanError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ScenarioInput.dataError
        }
    }
}
