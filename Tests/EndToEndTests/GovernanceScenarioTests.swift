import Foundation
import Operations
import XCTest
@testable import FacilitySim
@testable import Scenario

/// The `ai_governance` block as the scenario loader reads it.
final class GovernanceScenarioTests: XCTestCase {
    func text(_ governance: String) -> String {
        """
        name: g
        horizon: 24h
        facility: {gpus: 32}
        cooling_system: {primary: liquid_immersion}
        weather: {synthetic: {mean: 20}}
        \(governance)
        """
    }

    func parse(_ t: String) throws -> ScenarioSpec {
        try ScenarioLoader.parse(t, file: "g.yaml", baseDirectory: ShippedScenarioTests.root)
    }

    func messages(_ t: String) -> [String] {
        do { _ = try parse(t); return [] } catch let e as ScenarioError { return e.diagnostics.map(\.description) } catch { return ["\(error)"] }
    }

    /// The document's block, verbatim, plus `approval_delay: {lognormal, median 20 min, sigma 1}`: authorities
    /// routine → autonomous, medium → notify_human, high → require_approval; the examples kept; the delay
    /// lognormal(μ = ln 1200 s, σ = 1); `emergency_override` defaults to deny. Without the block: nil.
    func testDocumentBlockVerbatim() throws {
        let spec = try parse(text("""
        ai_governance:
          bounded_autonomy:
            routine_decisions:   {authority: autonomous,       examples: [data_processing, basic_customer_queries]}
            medium_risk_actions: {authority: notify_human,     examples: [financial_transactions, content_moderation]}
            high_stakes_decisions: {authority: require_approval, examples: [legal_compliance, strategic_changes]}
          verification_requirements: {explainability: proof_based, audit_trail: mandatory, replay_capability: enabled}
          approval_delay: {distribution: lognormal, median: 20 min, sigma: 1}
        """))
        let block = try XCTUnwrap(spec.aiGovernance)
        XCTAssertEqual(block.policy.authority(for: .routine), .autonomous)
        XCTAssertEqual(block.policy.authority(for: .mediumRisk), .notifyHuman)
        XCTAssertEqual(block.policy.authority(for: .highStakes), .requireApproval)
        XCTAssertEqual(block.policy.examples[.mediumRisk], ["financial_transactions", "content_moderation"])
        XCTAssertEqual(block.policy.approvalDelay, .lognormal(mu: log(1200), sigma: 1))
        XCTAssertEqual(block.policy.emergencyOverride, .deny)
        XCTAssertEqual(block.verification, VerificationRequirements())
        XCTAssertNil(try parse(text("")).aiGovernance)
        XCTAssertNotNil(try parse(text("ai_governance: {}")).aiGovernance)
    }

    /// Other authorities, distributions and the override are read as written (10 min = 600 s).
    func testNonDefaultValues() throws {
        let spec = try parse(text("""
        ai_governance:
          bounded_autonomy: {routine_decisions: {authority: notify_human}}
          approval_delay: {distribution: uniform, lower: 5 min, upper: 10 min}
          emergency_override: allow
          verification_requirements: {explainability: none, audit_trail: disabled, replay_capability: disabled}
        """))
        let block = try XCTUnwrap(spec.aiGovernance)
        XCTAssertEqual(block.policy.authority(for: .routine), .notifyHuman)
        XCTAssertEqual(block.policy.approvalDelay, .uniform(lower: 300, upper: 600))
        XCTAssertEqual(block.policy.emergencyOverride, .allow)
        XCTAssertEqual(block.verification.auditTrail, .disabled)
    }

    /// Every problem of the block is reported at once, each at its field: a misspelt authority (with a
    /// suggestion), an unknown key, replay without a trail, an inverted uniform delay, a missing distribution.
    func testDiagnostics() {
        let m = messages(text("""
        ai_governance:
          bounded_autonomy:
            routine_decisions: {authority: autonomus}
            medium_risk: {authority: notify_human}
          verification_requirements: {audit_trail: disabled, replay_capability: enabled}
          approval_delay: {distribution: uniform, lower: 10 min, upper: 5 min}
        """))
        XCTAssertEqual(m.count, 4, "\(m)")
        XCTAssertTrue(m.contains { $0.contains("ai_governance.bounded_autonomy.routine_decisions.authority") && $0.contains("did you mean 'autonomous'") }, "\(m)")
        XCTAssertTrue(m.contains { $0.contains("ai_governance.bounded_autonomy.medium_risk: unknown key") }, "\(m)")
        XCTAssertTrue(m.contains { $0.contains("replay_capability") && $0.contains("audit_trail: mandatory") }, "\(m)")
        XCTAssertTrue(m.contains { $0.contains("ai_governance.approval_delay.upper") }, "\(m)")
        XCTAssertTrue(messages(text("ai_governance: {approval_delay: {median: 20 min}}")).contains { $0.contains("approval_delay.distribution: missing required field") })
    }
}
