/// How much harm a control action can do if it is wrong: the key of the bounded-autonomy policy.
///
/// The raw values are the policy's spelling in reports and the audit trail. The three classes are the
/// source document's `ai_governance.bounded_autonomy` entries: `routine_decisions`, `medium_risk_actions`
/// and `high_stakes_decisions`.
public enum RiskClass: String, Sendable, CaseIterable, Codable {
    /// Reversible within seconds and bounded in effect (e.g. a GPU clock step).
    case routine
    /// Changes plant configuration or costs money, but is reversible (a switch to a spare unit, the trim chiller).
    case mediumRisk = "medium_risk"
    /// Loses service or risks equipment or a commitment (shed load, shut down a tank, defer maintenance).
    case highStakes = "high_stakes"

    /// The key of this class in the scenario's `ai_governance.bounded_autonomy` block.
    public var policyKey: String {
        switch self {
        case .routine: return "routine_decisions"
        case .mediumRisk: return "medium_risk_actions"
        case .highStakes: return "high_stakes_decisions"
        }
    }
}
