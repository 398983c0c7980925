/// What the governor does when an action that needs approval is needed sooner than its approval arrives.
public enum EmergencyOverride: String, Sendable, CaseIterable, Codable {
    /// The action waits for its approval even if that is after its deadline (the bounds hold; the action is late).
    case deny
    /// The action executes at once, beyond its authority (protects equipment; the bounds are crossed).
    case allow
}
