import ArgumentParser
import FacilitySim
import Foundation
import Scenario

/// `factory-twin replay DIR/audit.jsonl SCENARIO.yaml`: re-runs the scenario and verifies the audit trail.
struct Replay: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Re-run a scenario and verify every line of its audit trail and the final state hash.",
        discussion: """
        The seed, replication and any --set overrides of the recorded run are read from the trail's first line \
        and reapplied. Exit 0 when every line and the final \
        state hash match; exit 1 naming the first differing line and field when a line was altered, removed, \
        added or moved (or the scenario or build changed); exit 65 for an invalid scenario.
        """
    )

    @Argument(help: "The audit trail (audit.jsonl) of a run.")
    var trail: String

    @Argument(help: "The scenario YAML file the run simulated.")
    var scenario: String

    func run() throws {
        let text: String
        do {
            text = try String(contentsOfFile: trail, encoding: .utf8)
        } catch {
            FileHandle.standardError.write(Data("error: cannot read \(trail): \(error.localizedDescription)\n".utf8))
            throw ExitCode.failure
        }
        let spec: ScenarioSpec
        do {
            spec = try ScenarioLoader.loadForReplay(path: scenario, recordedText: text)
        } catch let error as ScenarioError {
            ScenarioInput.report(error)
            throw ScenarioInput.dataError
        } catch {
            FileHandle.standardError.write(Data("error: \(trail): \(error)\n".utf8))
            throw ExitCode.failure
        }
        do {
            let report = try AuditReplay.verify(recordedText: text, spec: spec)
            let set = spec.overrides.isEmpty ? "" : ", " + spec.overrides.map { "--set \($0)" }.joined(separator: " ")
            print("\(trail): \(report.lines) lines verified against a re-run of \(spec.name) (seed \(report.seed), replication \(report.replication)\(set)); final state hash \(report.finalStateHash) matches")
        } catch let failure as AuditReplay.Failure {
            if case .mismatch(let m) = failure {
                FileHandle.standardError.write(Data("error: \(trail):\(m.line): \(m.field.map { "field '\($0)': " } ?? "")\(m.message)\n".utf8))
            } else {
                FileHandle.standardError.write(Data("error: \(trail): \(failure)\n".utf8))
            }
            throw ExitCode.failure
        }
    }
}
