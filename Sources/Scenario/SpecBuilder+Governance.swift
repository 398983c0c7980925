import FacilitySim
import Foundation
import Operations
import SimMath

/// Reads the source document's `ai_governance` block (issue 6, items 4–5), accepted verbatim, plus the
/// twin's two additions: `approval_delay` (a distribution) and `emergency_override`.
extension SpecBuilder {
    /// The block's reader for `readOptionalBlocks`: nil when the block is absent or invalid (its diagnostics are recorded).
    func readAIGovernance() -> ((inout ScenarioSpec) -> Void)? {
        guard let m = root.mapping("ai_governance") else { return nil }
        defer { m.rejectUnknownKeys() }
        var policy = GovernancePolicy()
        var valid = true
        if let autonomy = m.mapping("bounded_autonomy") {
            defer { autonomy.rejectUnknownKeys() }
            for riskClass in RiskClass.allCases {
                guard let entry = autonomy.mapping(riskClass.policyKey) else { continue }
                defer { entry.rejectUnknownKeys() }
                if let authority = entry.choice("authority", Authority.self, required: true) {
                    policy.authorities[riskClass] = authority
                } else { valid = false }
                if let items = entry.sequence("examples") {
                    var examples: [String] = []
                    for (node, path) in items {
                        if let text = node.scalar?.string, text.count <= 200 { examples.append(text) } else {
                            reader.error(at: node, path, "expected a short text example, found \(MappingCursor.describe(node))")
                            valid = false
                        }
                    }
                    policy.examples[riskClass] = examples
                }
            }
        }
        var verification = VerificationRequirements()
        if let v = m.mapping("verification_requirements") {
            defer { v.rejectUnknownKeys() }
            let explainability = v.choice("explainability", VerificationRequirements.Explainability.self, default: .proofBased)
            let trail = v.choice("audit_trail", VerificationRequirements.AuditTrailMode.self, default: .mandatory)
            let replay = v.choice("replay_capability", VerificationRequirements.ReplayCapability.self, default: .enabled)
            if let explainability, let trail, let replay {
                verification = VerificationRequirements(explainability: explainability, auditTrail: trail, replayCapability: replay)
                if trail == .disabled, replay == .enabled {
                    reader.error(at: v.value("replay_capability"), v.child("replay_capability"),
                                 "replay needs the audit trail: set audit_trail: mandatory or replay_capability: disabled")
                    valid = false
                }
            } else { valid = false }
        }
        if m.contains("approval_delay") {
            if let delay = readApprovalDelay(m) { policy.approvalDelay = delay } else { valid = false }
        }
        if let override = m.choice("emergency_override", EmergencyOverride.self, default: .deny) {
            policy.emergencyOverride = override
        } else { valid = false }
        guard valid else { return nil }
        let block = AIGovernanceBlock(policy: policy, verification: verification)
        return { $0.aiGovernance = block }
    }

    /// `approval_delay: {distribution: lognormal, median: 20 min, sigma: 1}`; also `constant` (value),
    /// `exponential` (mean), `weibull` (shape, scale) and `uniform` (lower, upper). Times in any time unit.
    func readApprovalDelay(_ parent: MappingCursor) -> Distribution? {
        guard let d = parent.mapping("approval_delay") else { return nil }
        defer { d.rejectUnknownKeys() }
        enum Kind: String, CaseIterable { case constant, exponential, lognormal, weibull, uniform }
        let week = 7 * 86_400.0
        let result: Distribution?
        switch d.choice("distribution", Kind.self, required: true) {
        case .constant:
            result = d.quantity("value", .time, range: 0...week, required: true).map { .constant($0) }
        case .exponential:
            result = d.quantity("mean", .time, range: 1e-3...week, required: true).map { .exponential(mean: $0) }
        case .lognormal:
            let median = d.quantity("median", .time, range: 1e-3...week, required: true)
            let sigma = d.quantity("sigma", .dimensionless, range: 1e-3...5, required: true)
            result = median.flatMap { m in sigma.map { .lognormal(mu: log(m), sigma: $0) } }
        case .weibull:
            let shape = d.quantity("shape", .dimensionless, range: 0.05...20, required: true)
            let scale = d.quantity("scale", .time, range: 1e-3...week, required: true)
            result = shape.flatMap { k in scale.map { .weibull(shape: k, scale: $0) } }
        case .uniform:
            let lower = d.quantity("lower", .time, range: 0...week, required: true)
            let upper = d.quantity("upper", .time, range: 0...week, required: true)
            if let lower, let upper, !(lower < upper) {
                reader.error(at: d.value("upper"), d.child("upper"), "the upper bound (\(upper) s) must exceed the lower bound (\(lower) s)")
                return nil
            }
            result = lower.flatMap { l in upper.map { .uniform(lower: l, upper: $0) } }
        case nil:
            d.accept("value", "mean", "median", "sigma", "shape", "scale", "lower", "upper")   // one error, not one per key
            return nil
        }
        return result
    }
}
