import XCTest
@testable import Operations

/// The hash chain of the audit trail and the verifier's reports.
final class AuditTrailTests: XCTestCase {
    /// A trail of run_start, 5 routine actions and run_end.
    func trail() throws -> AuditTrail {
        var g = try Governor(policy: .init(), scenario: "chain", seed: 1, replication: 0, horizonSeconds: 600)
        for k in 0..<5 {
            _ = g.submit(ActionRequest(action: .throttleGPUClock, target: "air", timeSeconds: Double(k) * 60,
                                       observations: ["junction_c": 70 + Double(k) / 10], rule: "rule \(k)"))
        }
        return g.finish(atSeconds: 600, finalState: .object(["x": .number(1)]))
    }

    /// Each line's `prev_hash` is the hash of the line before (64 zeros for the first); each `hash` is SHA-256 of
    /// the line without its `hash` member; the final state hash is SHA-256 of `{"x":1}`; the text ends with a newline.
    func testChain() throws {
        let t = try trail()
        XCTAssertEqual(t.records.count, 7)
        XCTAssertEqual(t.records[0].previousHash, String(repeating: "0", count: 64))
        for i in 1..<t.records.count { XCTAssertEqual(t.records[i].previousHash, t.records[i - 1].hash) }
        for (i, r) in t.records.enumerated() {
            XCTAssertEqual(r.sequence, i + 1)
            XCTAssertEqual(AuditVerifier.hashes(of: r.line)?.computed, r.hash)
        }
        XCTAssertEqual(t.finalStateHash, SHA256.hex(#"{"x":1}"#))
        XCTAssertTrue(t.text.hasSuffix("}\n"))
        XCTAssertEqual(AuditVerifier.lines(of: t.text), t.lines)
        XCTAssertNil(AuditVerifier.checkChain(t.lines))
        XCTAssertNil(AuditVerifier.compare(recorded: t.lines, replayed: t.lines))
    }

    /// One altered value: the chain check finds line 3's hash wrong; the comparison names line 3 and the field
    /// `observations.junction_c` with the expected and found values.
    func testAlteredLine() throws {
        let lines = try trail().lines
        var tampered = lines
        tampered[2] = tampered[2].replacingOccurrences(of: "\"junction_c\":70.1", with: "\"junction_c\":69.1")
        XCTAssertNotEqual(tampered[2], lines[2])
        XCTAssertEqual(AuditVerifier.checkChain(tampered)?.line, 3)
        XCTAssertEqual(AuditVerifier.checkChain(tampered)?.field, "hash")
        let m = try XCTUnwrap(AuditVerifier.compare(recorded: tampered, replayed: lines))
        XCTAssertEqual(m.line, 3)
        XCTAssertEqual(m.field, "observations.junction_c")
        XCTAssertTrue(m.message.contains("expected 70.1, found 69.1"), m.message)
    }

    /// A deleted line 4: the chain breaks at the new line 4 (its prev_hash names the missing line); the
    /// comparison says the re-run's line 4 is missing. Two swapped lines are "reordered"; an extra and a truncated
    /// file are named as such.
    func testDeletedReorderedExtraAndTruncated() throws {
        let lines = try trail().lines
        var deleted = lines
        deleted.remove(at: 3)
        XCTAssertEqual(AuditVerifier.checkChain(deleted)?.line, 4)
        XCTAssertEqual(AuditVerifier.checkChain(deleted)?.field, "prev_hash")
        let m = try XCTUnwrap(AuditVerifier.compare(recorded: deleted, replayed: lines))
        XCTAssertEqual(m.line, 4)
        XCTAssertTrue(m.message.hasPrefix("missing line"), m.message)

        var swapped = lines
        swapped.swapAt(2, 3)
        let r = try XCTUnwrap(AuditVerifier.compare(recorded: swapped, replayed: lines))
        XCTAssertEqual(r.line, 3)
        XCTAssertTrue(r.message.hasPrefix("reordered"), r.message)

        XCTAssertTrue(try XCTUnwrap(AuditVerifier.compare(recorded: lines + ["{}"], replayed: lines)).message.hasPrefix("extra line"))
        let truncated = try XCTUnwrap(AuditVerifier.compare(recorded: Array(lines.dropLast()), replayed: lines))
        XCTAssertEqual(truncated.line, lines.count)
        XCTAssertTrue(truncated.message.hasPrefix("missing"))
    }

    /// A forger who edits a line and recomputes its hash still breaks the next line's prev_hash; the comparison
    /// names the edited field and says the chain was rewritten.
    func testRecomputedHashIsStillCaught() throws {
        let t = try trail()
        var records = t.records
        records[2].reason = "forged"
        records[2].hash = records[2].computedHash
        var lines = t.lines
        lines[2] = records[2].line
        XCTAssertEqual(AuditVerifier.checkChain(lines)?.line, 4)
        let m = try XCTUnwrap(AuditVerifier.compare(recorded: lines, replayed: t.lines))
        XCTAssertEqual(m.field, "reason")
        XCTAssertTrue(m.message.contains("rewritten"))
    }
}
