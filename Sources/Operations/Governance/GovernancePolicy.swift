import Foundation
import SimMath

/// The bounded-autonomy policy of the source document's `ai_governance` block, as a value.
///
/// ```yaml
/// ai_governance:
///   bounded_autonomy:
///     routine_decisions:   {authority: autonomous,       examples: [data_processing, basic_customer_queries]}
///     medium_risk_actions: {authority: notify_human,     examples: [financial_transactions, content_moderation]}
///     high_stakes_decisions: {authority: require_approval, examples: [legal_compliance, strategic_changes]}
///   approval_delay: {distribution: lognormal, median: 20 min, sigma: 1}
///   emergency_override: deny
/// ```
///
/// Each risk class maps to an authority; an action's authority is that of its class
/// (`ControlAction.riskClass`). The examples are the document's own and are kept for the record only.
public struct GovernancePolicy: Sendable, Equatable {
    /// Authority of each risk class.
    public var authorities: [RiskClass: Authority]
    /// The document's examples of each class (free text, recorded in the trail's first line).
    public var examples: [RiskClass: [String]]
    /// Time from an approval request to the approval, s.
    public var approvalDelay: Distribution
    /// What happens when an action is needed before its approval can arrive.
    public var emergencyOverride: EmergencyOverride

    /// The document's mapping: routine → autonomous, medium risk → notify a human, high stakes → require approval.
    public static let documentAuthorities: [RiskClass: Authority] =
        [.routine: .autonomous, .mediumRisk: .notifyHuman, .highStakes: .requireApproval]
    /// The document's examples of each class.
    public static let documentExamples: [RiskClass: [String]] = [
        .routine: ["data_processing", "basic_customer_queries"],
        .mediumRisk: ["financial_transactions", "content_moderation"],
        .highStakes: ["legal_compliance", "strategic_changes"],
    ]
    /// Median approval delay, s. Assumption: 20 minutes for an on-call engineer to read a page and approve
    /// (no sourced figure in /work/shared/references; set `approval_delay` in the scenario).
    public static let defaultApprovalMedianSeconds = 1200.0
    /// Log-standard deviation of the approval delay. Assumption: σ = 1 (a 5 %–95 % range of about 4 min to 1.7 h,
    /// the long tail being the 3 a.m. pages).
    public static let defaultApprovalSigma = 1.0
    /// The default approval delay: lognormal with median 20 min and σ = 1 (mean e^{σ²/2}·median ≈ 33 min).
    public static let defaultApprovalDelay = Distribution.lognormal(mu: log(defaultApprovalMedianSeconds), sigma: defaultApprovalSigma)

    public init(authorities: [RiskClass: Authority] = GovernancePolicy.documentAuthorities,
                examples: [RiskClass: [String]] = GovernancePolicy.documentExamples,
                approvalDelay: Distribution = GovernancePolicy.defaultApprovalDelay,
                emergencyOverride: EmergencyOverride = .deny) {
        self.authorities = authorities
        self.examples = examples
        self.approvalDelay = approvalDelay
        self.emergencyOverride = emergencyOverride
    }

    /// The authority of `riskClass` (the document's mapping where the policy leaves a class out).
    public func authority(for riskClass: RiskClass) -> Authority {
        authorities[riskClass] ?? GovernancePolicy.documentAuthorities[riskClass] ?? .requireApproval
    }

    /// Whether an approval drawn `approvalDelaySeconds` after a request at `requestSeconds` arrives after the action's
    /// `deadlineSeconds` (no deadline: never late) — an attempt beyond authority.
    public func isLate(requestSeconds: Double, approvalDelaySeconds: Double, deadlineSeconds: Double?) -> Bool {
        deadlineSeconds.map { requestSeconds + approvalDelaySeconds > $0 } ?? false
    }

    /// Whether a late action goes ahead at once instead of waiting (`emergency_override: allow`).
    public func actsWithoutApproval(late: Bool) -> Bool { late && emergencyOverride == .allow }

    /// Checks the approval-delay distribution: valid parameters and non-negative support.
    /// - Throws: `GovernanceError.invalidPolicy` naming the problem.
    public func validate() throws {
        do { try approvalDelay.validate() } catch { throw GovernanceError.invalidPolicy("approval_delay: \(error)") }
        switch approvalDelay {
        case .constant(let v) where v < 0: throw GovernanceError.invalidPolicy("approval_delay: a delay cannot be negative (\(v) s)")
        case .uniform(let lower, _) where lower < 0: throw GovernanceError.invalidPolicy("approval_delay: a delay cannot be negative (lower \(lower) s)")
        case .normal, .empirical, .truncatedNormal: throw GovernanceError.invalidPolicy("approval_delay: use constant, exponential, lognormal, weibull, gamma or uniform")
        default: break
        }
    }
}

/// A governance policy or request the governor cannot honour.
public enum GovernanceError: Error, CustomStringConvertible, Equatable {
    /// The policy's parameters are invalid.
    case invalidPolicy(String)
    /// `executeApproved` named a ticket that is not awaiting approval.
    case unknownTicket(Int)

    public var description: String {
        switch self {
        case .invalidPolicy(let m): return "invalid ai_governance policy: \(m)"
        case .unknownTicket(let t): return "no action with ticket \(t) is awaiting approval"
        }
    }
}
