/// The future-event list: a d-ary min-heap of ``CalendarEntry`` values ordered by
/// (time, priority, insertion sequence), with cancellation by lazy deletion.
///
/// The heap is a plain array of small structs in manually managed storage (no copy-on-write or
/// exclusivity checks on the hot path); the hot methods are `@inlinable` so that they specialise for
/// the caller's payload type across the module boundary. Same-time events fire by ascending priority,
/// then in insertion order, so a run is reproducible whatever the heap's internal layout.
///
/// Cancellation marks an event's key in a side table; the heap discards marked entries when they reach
/// the top. When more than half of the stored entries are cancelled the heap is rebuilt without them,
/// so memory stays proportional to the live events.
///
/// Not thread-safe: one calendar belongs to one simulation on one thread.
public final class EventCalendar<Event> {
    /// The heap storage: `storedCount` initialised entries, room for `capacity`.
    @usableFromInline @exclusivity(unchecked)
    var entries: UnsafeMutablePointer<CalendarEntry<Event>>
    /// Number of entries in the heap, cancelled ones included.
    @usableFromInline @exclusivity(unchecked)
    var storedCount: Int
    /// Allocated room in `entries`.
    @usableFromInline @exclusivity(unchecked)
    var capacity: Int
    /// The insertion sequence the next event gets.
    @usableFromInline @exclusivity(unchecked)
    var nextSequence: UInt64
    /// Time (s) of the last entry handed out by `removeFirst`; no earlier event may be inserted.
    @usableFromInline @exclusivity(unchecked)
    var lastFiredTime: Double
    /// Keys of cancelled events mapped to their time (s): those still in the heap and those already
    /// discarded whose time is not yet behind `lastFiredTime` (needed to answer a repeated cancel).
    @usableFromInline @exclusivity(unchecked)
    var cancelledKeys: [UInt64: Double]
    /// How many entries still stored in the heap are cancelled.
    @usableFromInline @exclusivity(unchecked)
    var cancelledInHeap: Int
    /// Size of `cancelledKeys` above which keys that can no longer be asked about are dropped.
    var purgeLimit: Int

    /// The heap's branching factor. Measured with callgrind (instructions per event, hold model with
    /// 100 000 pending / M/M/8 queue): d = 2: 1 024 / 479, d = 4: 837 / 464, d = 8: 848 / 436; d = 4 also
    /// had the best hold-model wall time (see README, "Event engine performance").
    @usableFromInline
    static var arity: Int { 4 }

    /// Creates an empty calendar with room for `minimumCapacity` events before it reallocates.
    public init(minimumCapacity: Int = 64) {
        let room = Swift.max(minimumCapacity, 16)
        entries = .allocate(capacity: room)
        capacity = room
        storedCount = 0
        nextSequence = 0
        lastFiredTime = -.infinity
        cancelledKeys = [:]
        cancelledInHeap = 0
        purgeLimit = 1024
    }

    deinit {
        entries.deinitialize(count: storedCount)
        entries.deallocate()
    }

    /// Number of pending (scheduled, not cancelled, not yet fired) events.
    @inlinable
    public var count: Int { storedCount - cancelledInHeap }

    /// Whether no event is pending.
    @inlinable
    public var isEmpty: Bool { count == 0 }

    /// Total number of events ever inserted (the next insertion sequence number).
    public var insertedCount: UInt64 { nextSequence }

    /// Time (s) of the last event handed out by ``removeFirst(notAfter:)``; −∞ before the first.
    public var lastRemovedTime: Double { lastFiredTime }

    /// Makes room for at least `minimumCapacity` stored events.
    /// - Complexity: O(n) when it reallocates.
    public func reserveCapacity(_ minimumCapacity: Int) {
        if minimumCapacity > capacity { reallocate(to: minimumCapacity) }
    }

    /// Schedules `payload` at `time` (s) with `priority` (smaller runs first among same-time events).
    ///
    /// - Throws: ``EventEngineError/invalidTime(time:now:)`` if `time` is not finite or is before the
    ///   last removed event; ``EventEngineError/sequenceExhausted`` after 2⁴⁸ insertions.
    /// - Returns: a handle for ``cancel(_:)``.
    /// - Complexity: O(log n) worst case, O(1) on average for random times.
    @inlinable @discardableResult
    public func insert(_ payload: Event, at time: Double, priority: Int16 = 0) throws -> EventHandle {
        guard time >= lastFiredTime, time.magnitude < .infinity else {
            throw EventEngineError.invalidTime(time: time, now: lastFiredTime)
        }
        guard nextSequence <= EventOrder.maximumSequence else { throw EventEngineError.sequenceExhausted }
        let order = EventOrder.key(priority: priority, sequence: nextSequence)
        nextSequence &+= 1
        if storedCount == capacity { reallocate(to: capacity &* 2) }
        siftUp(CalendarEntry(time: time, order: order, payload: payload), from: storedCount)
        storedCount &+= 1
        return EventHandle(time: time, order: order)
    }

    /// Removes and returns the first pending event if its time is at most `limit` (s), else `nil`
    /// (the event stays pending). Cancelled entries met on the way are discarded.
    /// - Complexity: O(log n) amortised.
    @inlinable
    public func removeFirst(notAfter limit: Double = .infinity) -> CalendarEntry<Event>? {
        while storedCount > 0 {
            guard entries.pointee.time <= limit else { return nil }
            let first = removeRoot()
            if cancelledInHeap > 0, cancelledKeys[first.order] != nil {
                cancelledInHeap &-= 1
                continue
            }
            assert(first.time >= lastFiredTime, "event calendar returned an event earlier than the previous one")
            lastFiredTime = first.time
            return first
        }
        return nil
    }

    /// Time (s) of the first pending event, or `nil` if none is pending. Discards cancelled entries
    /// at the top of the heap.
    /// - Complexity: O(log n) amortised.
    @inlinable
    public func firstTime() -> Double? {
        while storedCount > 0 {
            let top = entries.pointee
            if cancelledInHeap > 0, cancelledKeys[top.order] != nil {
                _ = removeRoot()
                cancelledInHeap &-= 1
                continue
            }
            return top.time
        }
        return nil
    }
}
