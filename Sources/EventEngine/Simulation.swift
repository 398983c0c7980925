/// A discrete-event simulation over a user event type: a clock (s) and an ``EventCalendar``.
///
/// The caller dispatches, so there is no closure or allocation per event:
///
/// ```swift
/// enum Event { case arrival, departure }
/// let sim = try Simulation<Event>()
/// try sim.schedule(.arrival, after: 1.5)
/// while let entry = sim.next(until: 3600) {
///     switch entry.payload {
///     case .arrival: try sim.schedule(.departure, after: 2.0)
///     case .departure: break
///     }
/// }
/// ```
///
/// The clock never goes backwards (checked by `assert` in debug builds and by the tests); same-time
/// events fire by priority, then in the order they were scheduled.
/// Not thread-safe: one simulation per replication per thread.
public final class Simulation<Event> {
    /// The event calendar (future-event list).
    public let calendar: EventCalendar<Event>
    /// The simulation clock (s).
    @usableFromInline @exclusivity(unchecked)
    var clock: Double
    /// Number of events handed out by ``next(until:)`` so far.
    @usableFromInline @exclusivity(unchecked)
    var fired: Int

    /// Creates a simulation whose clock reads `startTime` (s), with room for `expectedPendingEvents`.
    /// - Throws: ``EventEngineError/invalidStartTime(_:)`` if `startTime` is not finite.
    public init(startTime: Double = 0, expectedPendingEvents: Int = 64) throws {
        guard startTime.isFinite else { throw EventEngineError.invalidStartTime(startTime) }
        calendar = EventCalendar(minimumCapacity: expectedPendingEvents)
        clock = startTime
        fired = 0
    }

    /// The current simulation time (s).
    @inlinable
    public var now: Double { clock }

    /// Number of events that have fired (been returned by ``next(until:)``).
    @inlinable
    public var firedCount: Int { fired }

    /// Number of pending events.
    @inlinable
    public var pendingCount: Int { calendar.count }

    /// Schedules `event` at absolute time `time` (s), which must not be before ``now``.
    /// - Parameter priority: among events at the same time, smaller values fire first (default 0).
    /// - Throws: ``EventEngineError/invalidTime(time:now:)`` for a non-finite or past time.
    /// - Complexity: O(log n) worst case, O(1) on average for random times.
    @inlinable @discardableResult
    public func schedule(_ event: Event, at time: Double, priority: Int16 = 0) throws -> EventHandle {
        guard time >= clock else { throw EventEngineError.invalidTime(time: time, now: clock) }
        return try calendar.insert(event, at: time, priority: priority)
    }

    /// Schedules `event` `delay` seconds from now.
    /// - Parameter priority: among events at the same time, smaller values fire first (default 0).
    /// - Throws: ``EventEngineError/invalidDelay(_:)`` for a negative, NaN or infinite delay.
    /// - Complexity: O(log n) worst case, O(1) on average for random times.
    @inlinable @discardableResult
    public func schedule(_ event: Event, after delay: Double, priority: Int16 = 0) throws -> EventHandle {
        guard delay >= 0, delay < .infinity else { throw EventEngineError.invalidDelay(delay) }
        return try calendar.insert(event, at: clock + delay, priority: priority)
    }

    /// Cancels a pending event; it will never fire.
    /// - Returns: `true` if it was pending, `false` if it had already fired or been cancelled.
    @discardableResult
    public func cancel(_ handle: EventHandle) -> Bool {
        calendar.cancel(handle)
    }

    /// Whether the event of `handle` is still pending.
    public func isPending(_ handle: EventHandle) -> Bool {
        calendar.isPending(handle)
    }

    /// Time (s) of the next pending event, or `nil` if none.
    public func nextEventTime() -> Double? {
        calendar.firstTime()
    }

    /// Advances the clock to the next pending event at or before `limit` (s) and returns it.
    ///
    /// When no pending event is due by `limit`, returns `nil`, leaves later events pending and, if
    /// `limit` is finite and ahead of the clock, advances the clock to `limit` — so after
    /// `while let e = sim.next(until: t) { … }` the clock reads `t` and everything up to and
    /// including time `t` has happened.
    /// - Complexity: O(log n) amortised.
    @inlinable
    public func next(until limit: Double = .infinity) -> CalendarEntry<Event>? {
        if let entry = calendar.removeFirst(notAfter: limit) {
            assert(entry.time >= clock, "simulation clock would go backwards")
            clock = entry.time
            fired &+= 1
            return entry
        }
        if limit.isFinite && limit > clock { clock = limit }
        return nil
    }

    /// Runs every event due at or before `limit` (s) through `handler`, then leaves the clock at
    /// `limit` (if finite). A convenience over ``next(until:)``; the closure is not escaping, so it
    /// specialises and inlines like a hand-written loop.
    /// - Complexity: O(k log n) for k events fired.
    @inlinable
    public func run(until limit: Double = .infinity, _ handler: (CalendarEntry<Event>) throws -> Void) rethrows {
        while let entry = next(until: limit) {
            try handler(entry)
        }
    }
}
