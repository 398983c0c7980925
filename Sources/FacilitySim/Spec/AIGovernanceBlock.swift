import Operations

/// The source document's `ai_governance` block: the bounded-autonomy policy and the verification
/// requirements of the audit trail (issue 6, items 4–5).
///
/// ```yaml
/// ai_governance:
///   bounded_autonomy:
///     routine_decisions:   {authority: autonomous,       examples: [data_processing, basic_customer_queries]}
///     medium_risk_actions: {authority: notify_human,     examples: [financial_transactions, content_moderation]}
///     high_stakes_decisions: {authority: require_approval, examples: [legal_compliance, strategic_changes]}
///   verification_requirements: {explainability: proof_based, audit_trail: mandatory, replay_capability: enabled}
///   approval_delay: {distribution: lognormal, median: 20 min, sigma: 1}
///   emergency_override: deny
/// ```
/// A run with this block routes its control actions through a `Governor`, writes `audit.jsonl` (unless
/// `audit_trail: disabled`) and reports `ai_autonomy_boundary_violations`; without it nothing is governed.
public struct AIGovernanceBlock: Sendable, Equatable {
    /// Authorities, examples, approval delay and emergency override.
    public var policy: GovernancePolicy
    /// Explainability, audit trail and replay capability.
    public var verification: VerificationRequirements

    public init(policy: GovernancePolicy = .init(), verification: VerificationRequirements = .init()) {
        self.policy = policy
        self.verification = verification
    }
}
