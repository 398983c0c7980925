/// One token of one sequence in a forward call.
public struct TokenRow: Sendable, Hashable {
    /// KV-cache slot (sequence) of the token.
    public var slot: Int
    /// Position of the token in its sequence (0-based).
    public var position: Int
    /// Token id.
    public var token: Int
    /// Whether to compute this row's logits (prefill needs only the last prompt token's).
    public var wantsLogits: Bool

    /// Creates a row.
    public init(slot: Int, position: Int, token: Int, wantsLogits: Bool = true) {
        self.slot = slot
        self.position = position
        self.token = token
        self.wantsLogits = wantsLogits
    }
}
