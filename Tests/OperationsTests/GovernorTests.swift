import Foundation
import SimMath
import XCTest
@testable import Operations

/// The bounded-autonomy policy applied by `Governor`.
final class GovernorTests: XCTestCase {
    func governor(_ policy: GovernancePolicy = .init(), seed: UInt64 = 7) throws -> Governor {
        try Governor(policy: policy, scenario: "test", seed: seed, replication: 0, horizonSeconds: 3600)
    }

    func request(_ action: ControlAction, at t: Double = 100, deadline: Double? = nil) -> ActionRequest {
        ActionRequest(action: action, target: "tank-1", timeSeconds: t, observations: ["junction_c": 71.5, "threshold_c": 70],
                      rule: "junction 71.5 °C > 70 °C", deadlineSeconds: deadline)
    }

    /// Issue 6's classification: throttle = routine; spare unit, trim chiller = medium; shed load, tank shutdown,
    /// deferred maintenance = high stakes.
    func testRiskClasses() {
        XCTAssertEqual(ControlAction.throttleGPUClock.riskClass, .routine)
        XCTAssertEqual(ControlAction.switchToSpareUnit.riskClass, .mediumRisk)
        XCTAssertEqual(ControlAction.startTrimChiller.riskClass, .mediumRisk)
        for a in [ControlAction.shedLoad, .shutDownTank, .deferMaintenance] { XCTAssertEqual(a.riskClass, .highStakes) }
    }

    /// Under the document's policy: a routine action executes now (1 line), a medium one executes now with a
    /// notification (counted), a high-stakes one waits for an approval (delay > 0 for a lognormal) and is recorded
    /// twice — requested, then executed with the same ticket. Trail: run_start + 4 lines.
    func testDocumentPolicyDispositions() throws {
        var g = try governor()
        XCTAssertEqual(g.submit(request(.throttleGPUClock)).disposition, .executeNow)
        XCTAssertEqual(g.submit(request(.startTrimChiller)).disposition, .executeNowAndNotify)
        let approval = g.submit(request(.shutDownTank))
        XCTAssertTrue(approval.isAwaitingApproval)
        XCTAssertGreaterThan(approval.delaySeconds, 0)
        XCTAssertFalse(approval.executesNow)
        XCTAssertEqual(g.notifications, 1)
        XCTAssertEqual(g.pending.count, 1)
        try g.executeApproved(ticket: approval.ticket, atSeconds: 100 + approval.delaySeconds)
        XCTAssertEqual(g.pending.count, 0)
        XCTAssertThrowsError(try g.executeApproved(ticket: approval.ticket, atSeconds: 5000))
        let outcomes = g.trail.records.map(\.outcome)
        XCTAssertEqual(outcomes, [.started, .executed, .executedHumanNotified, .awaitingApproval, .executedAfterApproval])
        XCTAssertEqual(g.trail.records[3].approvalDueSeconds, 100 + approval.delaySeconds)
        XCTAssertEqual(g.trail.records[4].ticket, approval.ticket)
        XCTAssertEqual(g.boundaryViolations, 0)
    }

    /// Boundary violations: a require-approval action needed by a deadline before its approval. With a constant
    /// 600 s approval, a request at t = 100 s due by 500 s violates (approval at 700 s > 500 s); one due by 800 s
    /// does not; an autonomous action with any deadline never does. `deny` waits (late), `allow` executes now.
    func testBoundaryViolations() throws {
        var policy = GovernancePolicy(approvalDelay: .constant(600))
        var g = try governor(policy)
        let late = g.submit(request(.shedLoad, deadline: 500))
        XCTAssertTrue(late.isBoundaryViolation)
        XCTAssertEqual(late.disposition, .executeAfterApproval(delaySeconds: 600))
        XCTAssertFalse(g.submit(request(.shedLoad, deadline: 800)).isBoundaryViolation)
        XCTAssertFalse(g.submit(request(.throttleGPUClock, deadline: 100)).isBoundaryViolation)
        XCTAssertEqual(g.boundaryViolations, 1)

        policy.emergencyOverride = .allow
        var h = try governor(policy)
        let now = h.submit(request(.shutDownTank, deadline: 500))
        XCTAssertEqual(now.disposition, .executeBeyondAuthority)
        XCTAssertTrue(now.executesNow)
        XCTAssertEqual(h.boundaryViolations, 1)
        XCTAssertEqual(h.trail.records.last?.outcome, .executedBeyondAuthority)
        XCTAssertTrue(h.pending.isEmpty)
    }

    /// The policy may give any class any authority: routine actions requiring approval wait too.
    func testConfigurableAuthority() throws {
        var policy = GovernancePolicy()
        policy.authorities[.routine] = .requireApproval
        var g = try governor(policy)
        XCTAssertTrue(g.submit(request(.throttleGPUClock)).isAwaitingApproval)
    }

    /// Approval delays come from the stream (seed, replication, "governance.approval_delay"): the same seed gives
    /// the same delays, another seed others; over 4,001 draws of the default lognormal (median 1,200 s, σ = 1) the
    /// sample median of ln(delay) is within 4 standard errors of ln 1200 (s.e. of a median ≈ 1.2533·σ/√n = 0.0198).
    func testApprovalDelaysAreSeededAndDistributedAsStated() throws {
        func delays(_ seed: UInt64, _ n: Int) throws -> [Double] {
            var g = try governor(seed: seed)
            return (0..<n).map { _ in g.submit(request(.deferMaintenance)).delaySeconds }
        }
        XCTAssertEqual(try delays(3, 5), try delays(3, 5))
        XCTAssertNotEqual(try delays(3, 5), try delays(4, 5))
        let logs = try delays(11, 4001).map { log($0) }.sorted()
        XCTAssertEqual(logs[2000], log(1200), accuracy: 4 * 1.2533 / sqrt(4001))
    }

    /// Invalid approval delays are refused with a clear error rather than drawn.
    func testInvalidPolicies() {
        for d in [Distribution.constant(-1), .lognormal(mu: 1, sigma: 0), .normal(mean: 600, standardDeviation: 60)] {
            XCTAssertThrowsError(try governor(GovernancePolicy(approvalDelay: d)), "\(d)") { error in
                XCTAssertTrue("\(error)".contains("approval_delay"))
            }
        }
    }

    /// With explainability `none` the lines keep the authority and outcome but drop observations and rule.
    func testExplainabilityNone() throws {
        var g = try Governor(policy: .init(), verification: .init(explainability: .none), scenario: "t", seed: 1, replication: 0,
                             horizonSeconds: 1)
        _ = g.submit(request(.throttleGPUClock))
        let line = try XCTUnwrap(g.trail.records.last)
        XCTAssertTrue(line.observations.isEmpty)
        XCTAssertFalse(line.reason.contains("junction"))
        XCTAssertEqual(line.authority, .autonomous)
    }
}
