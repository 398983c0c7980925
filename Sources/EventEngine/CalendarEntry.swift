/// One event in the calendar: its time, its same-time ordering key and the user's payload.
///
/// Entries are ordered by (time, priority, insertion sequence), a strict total order, so the order in
/// which events fire never depends on the heap's internal layout. This is also what
/// ``Simulation/next(until:)`` returns.
public struct CalendarEntry<Event> {
    /// When the event fires (s).
    public let time: Double
    /// Priority (top 16 bits, sign-flipped) and insertion sequence (low 48 bits); see `EventOrder`.
    @usableFromInline
    let order: UInt64
    /// The user's event payload, typically an enum that the caller switches over.
    public let payload: Event

    @inlinable
    init(time: Double, order: UInt64, payload: Event) {
        self.time = time
        self.order = order
        self.payload = payload
    }

    /// The priority the event was scheduled with (smaller values run first among same-time events).
    public var priority: Int16 { EventOrder.priority(of: order) }

    /// The insertion sequence number of the event.
    public var sequence: UInt64 { EventOrder.sequence(of: order) }

    /// The handle that was returned when this event was scheduled.
    @inlinable
    public var handle: EventHandle { EventHandle(time: time, order: order) }

    /// Whether this entry fires strictly before `other` in (time, priority, sequence) order.
    @inlinable
    func precedes(_ other: CalendarEntry) -> Bool {
        time < other.time || (time == other.time && order < other.order)
    }
}
