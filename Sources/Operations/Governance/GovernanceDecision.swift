/// The governor's answer to an `ActionRequest`: when the simulation must carry the action out.
public struct GovernanceDecision: Sendable, Equatable {
    /// How the action proceeds.
    public enum Disposition: Sendable, Equatable {
        /// Autonomous: execute now.
        case executeNow
        /// Notify a human: execute now (the notification is on the audit trail).
        case executeNowAndNotify
        /// Require approval: execute when the approval arrives, `delaySeconds` from the request; the simulation
        /// schedules it and then calls `Governor.executeApproved(ticket:atSeconds:)`.
        case executeAfterApproval(delaySeconds: Double)
        /// An emergency that could not wait for its approval, under `emergency_override: allow`: execute now,
        /// beyond the authority of its class (a boundary violation).
        case executeBeyondAuthority
    }

    /// Identifies the action on the audit trail (request and execution lines share it).
    public var ticket: Int
    public var riskClass: RiskClass
    /// The authority the policy gives the action's class.
    public var authority: Authority
    public var disposition: Disposition
    /// Whether this request counts in `ai_autonomy_boundary_violations`.
    public var isBoundaryViolation: Bool

    /// Seconds from the request until the action may take effect (0 unless it waits for an approval).
    public var delaySeconds: Double {
        if case .executeAfterApproval(let d) = disposition { return d }
        return 0
    }

    /// Whether the action may take effect at the request instant.
    public var executesNow: Bool { delaySeconds == 0 && !isAwaitingApproval }

    /// Whether the action waits for an approval (even a zero-delay one).
    public var isAwaitingApproval: Bool {
        if case .executeAfterApproval = disposition { return true }
        return false
    }
}
