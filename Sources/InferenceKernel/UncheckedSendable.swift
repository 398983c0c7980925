/// Carries a value across a `@Sendable` boundary when the caller guarantees data-race freedom.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
