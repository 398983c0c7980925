/// What the operations software may do on its own for one risk class.
public enum Authority: String, Sendable, CaseIterable, Codable {
    /// Acts at once; the audit trail records it.
    case autonomous
    /// Acts at once and notifies a human (recorded as a notification in the audit trail).
    case notifyHuman = "notify_human"
    /// Waits for a human approval, whose delay the policy draws from `GovernancePolicy.approvalDelay`.
    case requireApproval = "require_approval"
}
