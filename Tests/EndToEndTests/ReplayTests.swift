import Foundation
import Operations
import XCTest
@testable import FacilitySim
import Reporting
import Scenario

/// `factory-twin replay`: a trail written by a run verifies against a re-run; an altered, deleted or moved line
/// fails, naming the line and the field.
final class ReplayTests: XCTestCase {
    /// The trail of the 24-hour heatwave run (reactive), as written to `DIR/audit.jsonl` by `ResultWriter`.
    func writtenTrail(seed: UInt64? = nil) throws -> (text: String, spec: ScenarioSpec) {
        var spec = try GovernedRunTests.heatwave(.reactive, hours: 24)
        let original = spec
        if let seed { spec.seed = seed }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ft-replay-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try ResultWriter.write(try FacilitySimulation(spec: spec).run(), to: dir)
        return (try String(contentsOf: dir.appendingPathComponent("audit.jsonl"), encoding: .utf8), original)
    }

    func failure(_ text: String, _ spec: ScenarioSpec) -> AuditMismatch? {
        do {
            _ = try AuditReplay.verify(recordedText: text, spec: spec)
            return nil
        } catch AuditReplay.Failure.mismatch(let m) {
            return m
        } catch {
            XCTFail("unexpected error \(error)")
            return nil
        }
    }

    /// An untouched trail passes: every line and the final state hash match. The run used seed 99 (as
    /// `run --seed 99` would) while the scenario says 20261126: replay takes the seed from the trail's first line.
    func testUntouchedTrailPasses() throws {
        let (text, spec) = try writtenTrail(seed: 99)
        let report = try AuditReplay.verify(recordedText: text, spec: spec)
        XCTAssertEqual(report.lines, AuditVerifier.lines(of: text).count)
        XCTAssertEqual(report.seed, 99)
        XCTAssertEqual(report.finalStateHash.count, 64)
    }

    /// One altered number (the junction temperature of the first line that records one, n) fails at line n, field
    /// observations.junction_c.
    func testAlteredLineFails() throws {
        let (text, spec) = try writtenTrail()
        var lines = AuditVerifier.lines(of: text)
        let n = try XCTUnwrap(lines.firstIndex { $0.contains("\"junction_c\"") })
        let members = try XCTUnwrap(CanonicalJSON.topLevelMembers(of: lines[n]))
        let observations = try XCTUnwrap(members.first { $0.key == "observations" }?.value)
        let junction = try XCTUnwrap(CanonicalJSON.topLevelMembers(of: observations)?.first { $0.key == "junction_c" }?.value)
        lines[n] = lines[n].replacingOccurrences(of: "\"junction_c\":\(junction)", with: "\"junction_c\":65")
        let m = try XCTUnwrap(failure(lines.joined(separator: "\n") + "\n", spec))
        XCTAssertEqual(m.line, n + 1)
        XCTAssertEqual(m.field, "observations.junction_c")
    }

    /// A deleted line 5 fails at line 5 ("missing line"); two swapped lines fail as reordered; a changed final
    /// state hash fails on the last line, field details.state_hash.
    func testDeletedReorderedAndFinalHash() throws {
        let (text, spec) = try writtenTrail()
        let lines = AuditVerifier.lines(of: text)
        XCTAssertGreaterThan(lines.count, 8)
        var deleted = lines
        deleted.remove(at: 4)
        let d = try XCTUnwrap(failure(deleted.joined(separator: "\n") + "\n", spec))
        XCTAssertEqual(d.line, 5)
        XCTAssertTrue(d.message.hasPrefix("missing line"), d.message)

        var swapped = lines
        swapped.swapAt(5, 6)
        let s = try XCTUnwrap(failure(swapped.joined(separator: "\n") + "\n", spec))
        XCTAssertEqual(s.line, 6)
        XCTAssertTrue(s.message.hasPrefix("reordered"), s.message)

        var last = lines
        let hash = try XCTUnwrap(GovernedRunTests.finalStateHash(last.last!))
        last[last.count - 1] = last[last.count - 1].replacingOccurrences(of: hash, with: String(repeating: "f", count: 64))
        let f = try XCTUnwrap(failure(last.joined(separator: "\n") + "\n", spec))
        XCTAssertEqual(f.line, lines.count)
        XCTAssertEqual(f.field, "details.state_hash")
    }

    /// `ResultWriter` writes `audit.jsonl` for a governed run and removes a stale one when an ungoverned run is
    /// written into the same directory (the old trail would not belong to the new results).
    func testWriterReplacesAndRemovesTheTrail() throws {
        var spec = try GovernedRunTests.heatwave(.reactive, hours: 6)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ft-trail-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let governed = try FacilitySimulation(spec: spec).run()
        try ResultWriter.write(governed, to: dir)
        let trail = dir.appendingPathComponent("audit.jsonl")
        XCTAssertEqual(try String(contentsOf: trail, encoding: .utf8), governed.auditTrail.text)
        spec.aiGovernance = nil
        try ResultWriter.write(try FacilitySimulation(spec: spec).run(), to: dir)
        XCTAssertFalse(FileManager.default.fileExists(atPath: trail.path))
    }

    /// A scenario without `ai_governance` keeps no trail: replay refuses it plainly.
    func testUngovernedScenarioIsNotReplayable() throws {
        let (text, spec) = try writtenTrail()
        var plain = spec
        plain.aiGovernance = nil
        XCTAssertThrowsError(try AuditReplay.verify(recordedText: text, spec: plain)) { error in
            guard case AuditReplay.Failure.notReplayable(let reason) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("ai_governance"))
        }
        XCTAssertThrowsError(try AuditReplay.verify(recordedText: "", spec: spec))
    }
}

extension GovernedRunTests {
    /// The `state_hash` of a run_end line.
    static func finalStateHash(_ line: String) -> String? {
        guard let details = CanonicalJSON.topLevelMembers(of: line)?.first(where: { $0.key == "details" })?.value,
              let hash = CanonicalJSON.topLevelMembers(of: details)?.first(where: { $0.key == "state_hash" })?.value else { return nil }
        return String(hash.dropFirst().dropLast())
    }
}
