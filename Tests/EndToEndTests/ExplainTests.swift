import Foundation
import Operations
import XCTest
@testable import FacilitySim
import Reporting
import Scenario

/// Issue 17 on `Scenarios/pump-failure-heatwave.yaml`: the spare pump is out from t = 0 (scripted_failures[0],
/// standby, 200 h) and a running pump fails at 63 h = 226,800 s (scripted_failures[1], 39 h repair), so the loop runs
/// on one pump of the two it needs from 226,800 s to 226,800 + 140,400 = 367,200 s.
final class ExplainTests: XCTestCase {
    static let path = ShippedScenarioTests.scenario("pump-failure-heatwave.yaml")

    /// The run and its trail, computed once for the class (a 168 h fluid run).
    nonisolated(unsafe) static var cached: (result: RunResult, text: String)?
    static func pumpRun() throws -> (result: RunResult, text: String) {
        if let cached { return cached }
        let result = try FacilitySimulation(spec: ScenarioLoader.load(path: path)).run()
        cached = (result, result.auditTrail.text)
        return cached!
    }

    /// The pump-failure run with `overrides` (not cached).
    static func pumpRun(overrides: [ScenarioOverride]) throws -> (result: RunResult, text: String) {
        let result = try FacilitySimulation(spec: ScenarioLoader.load(path: path, overrides: overrides)).run()
        return (result, result.auditTrail.text)
    }

    /// The `unit_failed` line of scripted_failures[k].
    static func failureLine(_ index: AuditTrailIndex, _ k: Int) -> AuditEntry? {
        index.entries.first { $0.action == TrailEntryKind.unitFailed && $0.details["source"] == "reliability.scripted_failures[\(k)]" }
    }

    /// Incidents: I1 is the pump failure with no spare, from 226,800 s to 367,200 s, at half the needed capacity (1 of
    /// 2 pumps); any GPU-limit crossing falls inside that outage; the summary counts them. With the sourced catalogue
    /// (chip-to-fluid 0.04 K/W, issue 16) the controller holds the tanks at 70 °C without crossing it (0 s above), so
    /// the failure is the worst incident; the reactive controller, which acts only after a reading, crosses
    /// (2.1 s above in all) — `testCrossingsFallInsideTheOutage` checks that case.
    func testIncidentsOfThePumpFailure() throws {
        let (result, text) = try Self.pumpRun()
        let i1 = try XCTUnwrap(result.incidents.first)
        XCTAssertEqual(i1.kind, .unitFailureWithoutSpare)
        XCTAssertEqual(i1.startSeconds, 226_800)
        XCTAssertEqual(i1.endSeconds, 367_200)
        XCTAssertEqual(i1.magnitude, 0.5)
        let crossings = result.incidents.filter { $0.kind == .thresholdCrossing }
        XCTAssertEqual(crossings.count, 0)
        XCTAssertEqual(result.summary.secondsAboveGpuLimit, 0)
        XCTAssertEqual(result.summary.incidents, result.incidents.count)
        let index = try AuditTrailIndex(text: text)
        XCTAssertEqual(index.incidentLines.count, result.incidents.count)
        XCTAssertEqual(index.worstIncident?.details["kind"], "unit_failure_without_spare")
    }

    /// The pump failure under the reactive controller (it steps down after a sensed reading): the tanks cross 70 °C, every
    /// crossing lies inside the outage and above the limit, their durations add up to the summary's time above (one
    /// cohort crosses: no overlap), and the worst incident is a crossing (critical before major).
    func testCrossingsFallInsideTheOutage() throws {
        let (result, text) = try Self.pumpRun(overrides: [ScenarioOverride(path: "thermal_management.controller", value: "reactive")])
        let crossings = result.incidents.filter { $0.kind == .thresholdCrossing }
        XCTAssertGreaterThan(crossings.count, 0)
        for c in crossings {
            XCTAssertGreaterThan(c.startSeconds, 226_800)
            XCTAssertLessThan(try XCTUnwrap(c.endSeconds), 367_200)
            XCTAssertGreaterThan(c.magnitude, 70)
        }
        let above = crossings.reduce(0) { $0 + $1.endSeconds! - $1.startSeconds }
        XCTAssertEqual(above, result.summary.secondsAboveGpuLimit, accuracy: 1e-9)   // one cohort crosses: no overlap
        XCTAssertEqual(result.summary.incidents, result.incidents.count)
        let index = try AuditTrailIndex(text: text)
        XCTAssertEqual(index.incidentLines.count, result.incidents.count)
        XCTAssertEqual(index.worstIncident?.details["kind"], "threshold_crossing")
    }

    /// The acceptance: explaining the worst incident names the running pump's failure (scripted_failures[1], at
    /// 226,800 s) as a root cause with its line — the first root cause, the latest event — and the spare's absence
    /// (scripted_failures[0], at 0 s) as another; each link of the chain cites an earlier line.
    func testWorstIncidentNamesThePumpFailure() throws {
        let index = try AuditTrailIndex(text: try Self.pumpRun().text)
        let worst = try XCTUnwrap(index.worstIncident)
        let explanation = try XCTUnwrap(CausalExplanation(trail: index, line: worst.line))
        let pump = try XCTUnwrap(Self.failureLine(index, 1))
        let spare = try XCTUnwrap(Self.failureLine(index, 0))
        XCTAssertEqual(pump.timeSeconds, 226_800)
        XCTAssertEqual(explanation.rootCauses.first?.line, pump.line)
        XCTAssertEqual(explanation.rootCauses.first?.source, "reliability.scripted_failures[1]")
        XCTAssertTrue(explanation.rootCauses.contains { $0.line == spare.line })
        for link in explanation.chain { for c in link.causes { XCTAssertLessThan(c, link.line) } }
        let text = explanation.text(trailPath: "audit.jsonl")
        XCTAssertTrue(text.contains("line \(pump.line): unit_failed facility_pumps"), text)
    }

    /// The five answers on every governed action entry of the trail: (1) what — action and target; (2) why — risk class,
    /// authority, `allowed_by` and the rule in `reason`; (3) data — `caused_by` cites earlier lines, each a reading,
    /// forecast, conditions, failure or capacity line that holds observations; (4) outcome — executed (or waiting, then a
    /// later execution with its ticket) and an `effect` line for the ticket, later, citing the action; (5) replay —
    /// `details.replay` names the seed and replication.
    func testFiveAnswersOnEveryActionEntry() throws {
        let index = try AuditTrailIndex(text: try Self.pumpRun().text)
        let actions = index.entries.filter(\.isAction)
        XCTAssertGreaterThan(actions.count, 100)
        let executed: Set<String> = ["executed", "executed_human_notified", "executed_after_approval", "executed_beyond_authority"]
        for a in actions {
            XCTAssertFalse(a.action.isEmpty || a.target.isEmpty, "line \(a.line)")
            XCTAssertNotNil(a.authority, "line \(a.line)")
            XCTAssertTrue(a.details["allowed_by"]?.hasPrefix("policy: ") ?? false, "line \(a.line)")
            XCTAssertFalse(a.reason.isEmpty, "line \(a.line)")
            XCTAssertFalse(a.causes.isEmpty, "line \(a.line): no triggering observation")
            for c in a.causes {
                let cited = try XCTUnwrap(index[line: c])
                XCTAssertLessThan(c, a.line)
                XCTAssertFalse(cited.observations.isEmpty && cited.action != TrailEntryKind.unitFailed, "line \(a.line) cites \(c)")
            }
            let ticket = try XCTUnwrap(a.ticket, "line \(a.line)")
            let lines = (index.ticketLines[ticket] ?? []).compactMap { index[line: $0] }
            var done = a
            if !executed.contains(a.outcome) {
                XCTAssertEqual(a.outcome, "awaiting_approval", "line \(a.line)")
                done = try XCTUnwrap(lines.first { $0.line > a.line && executed.contains($0.outcome) }, "line \(a.line) never executed")
            }
            let effect = try XCTUnwrap(lines.first { $0.action == TrailEntryKind.effect && $0.causes == [done.line] }, "line \(a.line): no effect")
            XCTAssertGreaterThan(effect.line, done.line)
            XCTAssertNotNil(effect.observations["peak_since_action_c"])
            XCTAssertTrue(a.details["replay"]?.hasPrefix("seed 20261126 replication 0") ?? false, "line \(a.line)")
            let answers = try XCTUnwrap(CausalExplanation(trail: index, line: a.line)?.answers)
            XCTAssertEqual(answers.effectLine, done.line == a.line ? effect.line : nil)
        }
    }

    /// The acceptance: the counterfactual without the running pump's failure gives the same figures, bit for bit
    /// (every summary field but the host wall time), as running the scenario file with that failure's line deleted;
    /// and it removes the incidents of the outage (no crossing: peak ≤ 70 °C, 0 s above).
    func testCounterfactualEqualsTheFileWithoutTheFailure() throws {
        let text = try Self.pumpRun().text
        let index = try AuditTrailIndex(text: text)
        let pump = try XCTUnwrap(Self.failureLine(index, 1))
        let spec = try ScenarioLoader.load(path: Self.path)
        let comparison = try Counterfactual.run(trailText: text, spec: spec, without: pump.line)
        let yaml = try String(contentsOfFile: Self.path, encoding: .utf8)
        let deletedLine = "    - {group: facility_pumps, at: 63 h, repair: 39 h}                  # a running pump fails at 15:00 on day 3\n"
        XCTAssertTrue(yaml.contains(deletedLine))
        let edited = try ScenarioLoader.parse(yaml.replacingOccurrences(of: deletedLine, with: ""), file: Self.path,
                                              baseDirectory: URL(fileURLWithPath: Self.path).deletingLastPathComponent())
        let directRun = try FacilitySimulation(spec: edited).run()
        var direct = directRun.summary
        var counterfactual = comparison.counterfactual.summary
        direct.wallSeconds = 0
        counterfactual.wallSeconds = 0
        XCTAssertEqual(counterfactual, direct)
        XCTAssertEqual(comparison.counterfactual.auditTrail.lines, directRun.auditTrail.lines)
        XCTAssertLessThanOrEqual(counterfactual.maxGpuTemperatureCelsius, 70)
        XCTAssertEqual(counterfactual.secondsAboveGpuLimit, 0)
        XCTAssertEqual(comparison.factual.summary.secondsAboveGpuLimit, try Self.pumpRun().result.summary.secondsAboveGpuLimit)
        XCTAssertThrowsError(try Counterfactual.run(trailText: text, spec: spec, without: 1))   // run_start is not removable
    }

    /// A tampered trail is refused naming the line: one altered observation on line n breaks line n's hash; a deleted
    /// line n breaks line n's prev_hash (the next line moved up to n).
    func testTamperedTrailNamesTheLine() throws {
        var lines = AuditVerifier.lines(of: try Self.pumpRun().text)
        let n = 2906 < lines.count ? 2906 : lines.count / 2
        var altered = lines
        altered[n - 1] = altered[n - 1].replacingOccurrences(of: "\"time_s\":", with: "\"time_s\":1")
        XCTAssertThrowsError(try AuditTrailIndex(text: altered.joined(separator: "\n"))) { error in
            XCTAssertEqual((error as? AuditMismatch)?.line, n)
            XCTAssertEqual((error as? AuditMismatch)?.field, "hash")
        }
        lines.remove(at: n - 1)
        XCTAssertThrowsError(try AuditTrailIndex(text: lines.joined(separator: "\n"))) { error in
            XCTAssertEqual((error as? AuditMismatch)?.line, n)
            XCTAssertEqual((error as? AuditMismatch)?.field, "prev_hash")
        }
    }

    /// The CLI contract through the debug binary: `explain` on an intact trail exits 0 and names the root cause line;
    /// on a tampered one exits 1 with `FILE:LINE:` on stderr.
    func testExplainCommandExitCodes() throws {
        let binary = ShippedScenarioTests.root.appendingPathComponent(".build/debug/factory-twin")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else { throw XCTSkip("no debug factory-twin binary") }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ft-explain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try Self.pumpRun().text
        let good = dir.appendingPathComponent("audit.jsonl"), bad = dir.appendingPathComponent("tampered.jsonl")
        try text.write(to: good, atomically: true, encoding: .utf8)
        var lines = AuditVerifier.lines(of: text)
        lines[4] = lines[4].replacingOccurrences(of: "\"outcome\":\"", with: "\"outcome\":\"x")
        try (lines.joined(separator: "\n") + "\n").write(to: bad, atomically: true, encoding: .utf8)
        let pump = try XCTUnwrap(Self.failureLine(try AuditTrailIndex(text: text), 1))
        let (status, out, _) = try run(binary, ["explain", good.path])
        XCTAssertEqual(status, 0)
        XCTAssertTrue(out.contains("line \(pump.line): unit_failed facility_pumps"), out)
        let (badStatus, _, err) = try run(binary, ["explain", bad.path, "--format", "json"])
        XCTAssertEqual(badStatus, 1)
        XCTAssertTrue(err.contains("\(bad.path):5: field 'hash'"), err)
    }

    func run(_ binary: URL, _ arguments: [String]) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }
}
