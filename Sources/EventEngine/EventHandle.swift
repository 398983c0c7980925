/// Identifies one scheduled event so that it can be cancelled or asked about later.
///
/// A handle is a small value (time and ordering key); keeping it costs nothing and it stays valid
/// after the event fired or was cancelled (``EventCalendar/cancel(_:)`` then returns `false`).
public struct EventHandle: Hashable, Sendable, CustomStringConvertible {
    /// The time the event is scheduled for (s).
    public let time: Double
    /// The packed ordering key: biased priority in the top 16 bits, insertion sequence in the low 48.
    @usableFromInline
    let order: UInt64

    @inlinable
    init(time: Double, order: UInt64) {
        self.time = time
        self.order = order
    }

    /// The priority the event was scheduled with (smaller values run first among same-time events).
    public var priority: Int16 { EventOrder.priority(of: order) }

    /// The insertion sequence number (0 for the first event a calendar ever received).
    public var sequence: UInt64 { EventOrder.sequence(of: order) }

    public var description: String { "event #\(sequence) at \(time) s (priority \(priority))" }
}
