/// The document's `ai_governance.verification_requirements`: what the audit trail must allow.
///
/// ```yaml
/// verification_requirements: {explainability: proof_based, audit_trail: mandatory, replay_capability: enabled}
/// ```
public struct VerificationRequirements: Sendable, Equatable {
    /// How much of the reasoning each audit line carries.
    public enum Explainability: String, Sendable, CaseIterable {
        /// Every line carries the observations that drove the action and the rule evaluated on them
        /// (e.g. "junction 70.4 °C ≥ threshold 70 °C"), so the decision can be re-derived from the line alone.
        case proofBased = "proof_based"
        /// Lines carry the action, its authority and outcome only (no observations, no rule).
        case none
    }

    /// Whether the run writes `audit.jsonl`.
    public enum AuditTrailMode: String, Sendable, CaseIterable {
        case mandatory
        case disabled
    }

    /// Whether the trail ends with a final state hash that `factory-twin replay` verifies.
    public enum ReplayCapability: String, Sendable, CaseIterable {
        case enabled
        case disabled
    }

    public var explainability: Explainability
    public var auditTrail: AuditTrailMode
    public var replayCapability: ReplayCapability

    public init(explainability: Explainability = .proofBased, auditTrail: AuditTrailMode = .mandatory,
                replayCapability: ReplayCapability = .enabled) {
        self.explainability = explainability
        self.auditTrail = auditTrail
        self.replayCapability = replayCapability
    }
}
