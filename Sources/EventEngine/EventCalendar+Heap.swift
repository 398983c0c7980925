/// The d-ary heap primitives of ``EventCalendar``: sift-up, removal of the root, reallocation,
/// heapify and the invariant check.
extension EventCalendar {
    /// Places `entry` into the hole at index `start` (uninitialised) and moves it up until its parent
    /// precedes it. `storedCount` is not changed.
    /// - Complexity: O(log n) worst case.
    @inlinable
    func siftUp(_ entry: CalendarEntry<Event>, from start: Int) {
        let base = entries
        let time = entry.time, order = entry.order
        var hole = start
        while hole > 0 {
            let parent = (hole &- 1) / Self.arity
            let p = base + parent
            if time > p.pointee.time || (time == p.pointee.time && order > p.pointee.order) { break }
            (base + hole).initialize(to: p.move())
            hole = parent
        }
        (base + hole).initialize(to: entry)
        assert(hole == 0 || base[(hole &- 1) / Self.arity].precedes(base[hole]), "heap order violated after sift-up")
    }

    /// Removes and returns the root (the earliest entry, cancelled or not). Requires `storedCount > 0`.
    ///
    /// Two strategies, chosen by size (both measured with callgrind and wall time; see README,
    /// "Event engine performance"):
    /// - small heaps (< ``bottomUpThreshold`` entries): the textbook sift-down of the former last entry,
    ///   with an early exit and a plain scan of the children — fastest when the heap fits in a few cache
    ///   lines, as in an M/M/c queue or a facility with a handful of pending events;
    /// - large heaps: bottom-up deletion (Wegener 1993): the hole travels down along the smallest child
    ///   to a leaf without comparing against the entry that will fill it, children are chosen by a
    ///   branch-free scan, and the former last entry is sifted up from the leaf. The last entry
    ///   came from the bottom and rarely climbs, so this saves a comparison per level (hold model at
    ///   100 000 pending: 837 → 708 instructions per event).
    /// - Complexity: O(d · log_d n).
    @inlinable @inline(__always)
    func removeRoot() -> CalendarEntry<Event> {
        let base = entries
        let root = base.move()
        storedCount &-= 1
        let n = storedCount
        if n == 0 { return root }
        if n < Self.bottomUpThreshold {
            siftDownLast(count: n)
            return root
        }
        var hole = 0
        while true {
            let firstChild = hole &* Self.arity &+ 1
            let best: Int
            if firstChild &+ Self.arity <= n {
                best = smallestChild(of: firstChild)
            } else if firstChild < n {
                best = smallestChild(of: firstChild, end: n)
            } else {
                break
            }
            (base + hole).initialize(to: (base + best).move())
            hole = best
        }
        siftUp((base + n).move(), from: hole)
        return root
    }

    /// Heap size from which ``removeRoot()`` deletes bottom-up.
    @usableFromInline
    static var bottomUpThreshold: Int { 1024 }

    /// Moves the entry at index `n` (just past the `n` live entries) into the hole at the root and sifts
    /// it down: the textbook deletion for small heaps.
    /// - Complexity: O(d · log_d n).
    @inlinable @inline(__always)
    func siftDownLast(count n: Int) {
        let base = entries
        let last = (base + n).move()
        let time = last.time, order = last.order
        var hole = 0
        while true {
            let firstChild = hole &* Self.arity &+ 1
            if firstChild >= n { break }
            var best = firstChild
            var bestTime = base[firstChild].time
            var bestOrder = base[firstChild].order
            let end = Swift.min(firstChild &+ Self.arity, n)
            var child = firstChild &+ 1
            while child < end {
                let t = base[child].time
                if t < bestTime || (t == bestTime && base[child].order < bestOrder) {
                    best = child
                    bestTime = t
                    bestOrder = base[child].order
                }
                child &+= 1
            }
            if time < bestTime || (time == bestTime && order < bestOrder) { break }
            (base + hole).initialize(to: (base + best).move())
            hole = best
        }
        (base + hole).initialize(to: last)
        assert(hole == 0 || base[(hole &- 1) / Self.arity].precedes(base[hole]), "heap order violated after removal")
    }

    /// Whether the entry at `i` precedes the entry at `j` in (time, priority, sequence) order.
    /// Written without short-circuits so that the compiler can select instead of branch.
    @inlinable @inline(__always)
    func entry(_ i: Int, precedes j: Int) -> Bool {
        let a = entries + i, b = entries + j
        let earlier = a.pointee.time < b.pointee.time
        let same = a.pointee.time == b.pointee.time
        let lowerKey = a.pointee.order < b.pointee.order
        return earlier || (same && lowerKey)
    }

    /// Index of the earliest of the `arity` children starting at `first` (all present): a fixed-length
    /// scan whose selections compile to conditional moves rather than unpredictable branches.
    @inlinable @inline(__always)
    func smallestChild(of first: Int) -> Int {
        var best = first
        var child = first &+ 1
        while child < first &+ Self.arity {
            best = entry(child, precedes: best) ? child : best
            child &+= 1
        }
        return best
    }

    /// Index of the earliest child among `first..<end` (a node with fewer than `arity` children).
    @inlinable
    func smallestChild(of first: Int, end: Int) -> Int {
        var best = first
        var child = first &+ 1
        while child < end {
            best = entry(child, precedes: best) ? child : best
            child &+= 1
        }
        return best
    }

    /// Moves the heap into new storage with room for `newCapacity` entries.
    @usableFromInline
    func reallocate(to newCapacity: Int) {
        let room = Swift.max(newCapacity, storedCount, 16)
        let fresh = UnsafeMutablePointer<CalendarEntry<Event>>.allocate(capacity: room)
        fresh.moveInitialize(from: entries, count: storedCount)
        entries.deallocate()
        entries = fresh
        capacity = room
    }

    /// Whether every entry is preceded by its parent (the heap invariant), checked over the whole heap.
    /// - Complexity: O(n).
    public func satisfiesHeapInvariant() -> Bool {
        var index = 1
        while index < storedCount {
            if !entries[(index - 1) / Self.arity].precedes(entries[index]) { return false }
            index += 1
        }
        return true
    }

    /// Drops every cancelled entry from the heap and rebuilds it bottom-up (Floyd's heapify).
    /// Firing order is unchanged because (time, priority, sequence) is a strict total order.
    /// - Complexity: O(n).
    @usableFromInline
    func compact() {
        var kept = 0
        for index in 0..<storedCount {
            let entry = (entries + index).move()
            if cancelledKeys[entry.order] != nil { continue }
            (entries + kept).initialize(to: entry)
            kept += 1
        }
        storedCount = kept
        cancelledInHeap = 0
        guard kept > 1 else { return }
        var parent = (kept - 2) / Self.arity
        while parent >= 0 {
            siftDown(from: parent)
            parent -= 1
        }
        assert(satisfiesHeapInvariant(), "heap order violated after compaction")
    }

    /// Restores heap order below `index` when only the entry at `index` may be out of place.
    /// - Complexity: O(d · log_d n).
    @usableFromInline
    func siftDown(from index: Int) {
        let entry = (entries + index).move()
        var hole = index
        while true {
            let firstChild = hole * Self.arity + 1
            if firstChild >= storedCount { break }
            var best = firstChild
            for child in (firstChild + 1)..<Swift.min(firstChild + Self.arity, storedCount)
            where entries[child].precedes(entries[best]) {
                best = child
            }
            if entry.precedes(entries[best]) { break }
            (entries + hole).moveInitialize(from: entries + best, count: 1)
            hole = best
        }
        (entries + hole).initialize(to: entry)
    }
}
