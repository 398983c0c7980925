/// What became of a governed action, as written in the audit trail's `outcome` field.
public enum AuditOutcome: String, Sendable, CaseIterable, Codable {
    /// The first line of a trail: the run and its policy.
    case started
    /// An autonomous action took effect at once.
    case executed
    /// A notify-human action took effect at once and a notification was sent.
    case executedHumanNotified = "executed_human_notified"
    /// An approval was requested; the action waits for it (`approval_due_s`).
    case awaitingApproval = "awaiting_approval"
    /// An approved action took effect (`ticket` names its request line).
    case executedAfterApproval = "executed_after_approval"
    /// An emergency action took effect before its approval (`emergency_override: allow`): a boundary violation.
    case executedBeyondAuthority = "executed_beyond_authority"
    /// The last line of a trail: the final state and its hash.
    case finished
    /// A fact the run observed, not an action: an event (a unit failure, a capacity change, a threshold crossing),
    /// the conditions of an hour, or the reading or forecast a controller decided on (trail format 2).
    case observed
    /// An incident began (`details.incident` names it; trail format 2).
    case detected
    /// An incident ended (`details.incident`, its duration and peak in `observations`).
    case cleared
    /// The measured effect of an executed action, one forecast horizon after it (`ticket` names the action).
    case measured
}
