import XCTest
@testable import Operations

/// `AuditVerifier.fastLink` agrees with the general chain step: it accepts exactly the untouched lines (returning
/// their hash) and declines — leaving the verdict to `checkLink` — an altered line, a line with the wrong
/// `prev_hash`, and a non-canonical (re-spaced) line.
final class AuditFastPathTests: XCTestCase {
    func trail() -> AuditTrail {
        var t = AuditTrail()
        t.append(AuditRecord(timeSeconds: 0, action: "run_start", target: "s", reason: "start", outcome: .started, details: ["hash": "decoy", "seed": "1"]))
        t.append(AuditRecord(timeSeconds: 1.5, action: "unit_failed", target: "pumps", observations: ["repair_s": 3600],
                             reason: "a \"quoted\" reason, with {braces} and \\ slashes °C", outcome: .observed))
        t.append(AuditRecord(timeSeconds: 2, action: "throttle_gpu_clock", target: "tank", riskClass: .routine, authority: .autonomous,
                             observations: ["junction_c": 70.25, "x": .nan], reason: "r", outcome: .executed, ticket: 1, causes: [2]))
        return t
    }

    func testAgreesWithTheGeneralCheck() {
        let t = trail()
        var previous = AuditRecord.genesisHash
        for (i, line) in t.lines.enumerated() {
            XCTAssertEqual(AuditVerifier.fastLink(line, previous: previous), t.records[i].hash, "line \(i + 1)")
            var p = previous
            XCTAssertNil(AuditVerifier.checkLink(members: CanonicalJSON.topLevelMembers(of: line), line: i + 1, previous: &p))
            previous = t.records[i].hash
        }
        let altered = t.lines[2].replacingOccurrences(of: "70.25", with: "60.25")
        XCTAssertNil(AuditVerifier.fastLink(altered, previous: t.records[1].hash))
        XCTAssertNil(AuditVerifier.fastLink(t.lines[2], previous: t.records[0].hash))
        let spaced = t.lines[1].replacingOccurrences(of: "\"outcome\":", with: "\"outcome\": ")
        XCTAssertNil(AuditVerifier.fastLink(spaced, previous: t.records[0].hash))
        var p = t.records[0].hash
        XCTAssertNil(AuditVerifier.checkLink(members: CanonicalJSON.topLevelMembers(of: spaced), line: 2, previous: &p))   // still valid
        XCTAssertEqual(try AuditTrailIndex(text: t.text).entries.map(\.reason), t.records.map(\.reason))
    }
}
