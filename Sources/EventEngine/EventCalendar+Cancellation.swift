/// Cancellation and pending-state queries of ``EventCalendar``.
///
/// A handle's event is pending when it is neither fired nor cancelled. Events fire in time order and
/// no event may be inserted before the last fired one, so an event whose time is after the last fired
/// time cannot have fired; one whose time is before it has left the heap. Only events at exactly the
/// last fired time need a look into the heap, and that search visits only entries at that time.
extension EventCalendar {
    /// Whether the event of `handle` (from this calendar) is still pending.
    /// - Complexity: O(1) expected; O(k) when the event's time equals the last fired time, k being the
    ///   number of stored events at that time.
    public func isPending(_ handle: EventHandle) -> Bool {
        guard handle.sequence < nextSequence, handle.time >= lastFiredTime else { return false }
        if cancelledKeys[handle.order] != nil { return false }
        if handle.time > lastFiredTime { return true }
        return heapContains(time: handle.time, order: handle.order)
    }

    /// Cancels the event of `handle` so that it never fires.
    /// - Returns: `true` if the event was pending and is now cancelled; `false` if it had already fired
    ///   or been cancelled.
    /// - Complexity: O(1) expected (see ``isPending(_:)``); an occasional O(n) rebuild when more than
    ///   half of the stored entries are cancelled.
    @discardableResult
    public func cancel(_ handle: EventHandle) -> Bool {
        guard isPending(handle) else { return false }
        cancelledKeys[handle.order] = handle.time
        cancelledInHeap += 1
        if cancelledInHeap >= 32 && cancelledInHeap * 2 > storedCount { compact() }
        if cancelledKeys.count > purgeLimit { purgeCancelledKeys() }
        return true
    }

    /// Drops cancelled keys whose time is before the last fired time: those events have left the heap
    /// and ``isPending(_:)`` answers `false` for them from their time alone. The next purge waits until
    /// the table has doubled, so purging costs O(1) amortised per cancellation.
    /// - Complexity: O(number of cancelled keys).
    func purgeCancelledKeys() {
        let horizon = lastFiredTime
        cancelledKeys = cancelledKeys.filter { $0.value >= horizon }
        purgeLimit = Swift.max(1024, 2 * cancelledKeys.count)
    }

    /// Whether an entry with exactly this (time, order) is stored in the heap. Searches only subtrees
    /// whose root does not come after the target.
    /// - Complexity: O(number of stored entries preceding or equal to the target).
    func heapContains(time: Double, order: UInt64) -> Bool {
        guard storedCount > 0 else { return false }
        var stack = [0]
        while let index = stack.popLast() {
            let entry = entries[index]
            if entry.time > time || (entry.time == time && entry.order > order) { continue }
            if entry.time == time && entry.order == order { return true }
            let firstChild = index * Self.arity + 1
            if firstChild >= storedCount { continue }
            for child in firstChild..<Swift.min(firstChild + Self.arity, storedCount) { stack.append(child) }
        }
        return false
    }
}
