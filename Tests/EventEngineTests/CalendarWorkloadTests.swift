import SimMath
import XCTest
@testable import EventEngine

/// The calendar against a brute-force reference over random workloads with ties and cancellations.
final class CalendarWorkloadTests: XCTestCase {
    /// A reference pending event, ordered by (time, priority, sequence) like the calendar.
    private struct Key: Comparable {
        var time: Double
        var priority: Int16
        var sequence: UInt64
        static func < (a: Key, b: Key) -> Bool { (a.time, a.priority, a.sequence) < (b.time, b.priority, b.sequence) }
    }

    /// Small heap (tens to a few hundred pending, below the 1 024-entry threshold, so the textbook sift-down
    /// path is what is checked — asserted): 20 000 random operations from a seeded
    /// SimMath stream, see ``runWorkload(seed:initialEvents:steps:scheduleShare:cancelShare:)``.
    func testHeapOrderAndClockMonotonicityOverRandomWorkload() throws {
        let pending = try runWorkload(seed: 2024, initialEvents: 0, steps: 20_000, scheduleShare: 0.45, cancelShare: 0.15)
        XCTAssertLessThan(pending.maximum, EventCalendar<UInt64>.bottomUpThreshold)
    }

    /// Large heap (4 000 initial events, staying above the 1 024-entry threshold of bottom-up deletion):
    /// 12 000 random operations. The pending count must stay ≥ 1 024 throughout (so the bottom-up path is
    /// what was checked): it starts at 4 000 and loses at most 0.5 + 0.1 − 0.4 = 0.2 per step on average
    /// → ≈ 4 000 − 2 400 = 1 600 at the end.
    func testHeapOrderOverLargeRandomWorkload() throws {
        let pending = try runWorkload(seed: 2025, initialEvents: 4_000, steps: 12_000, scheduleShare: 0.40, cancelShare: 0.10)
        XCTAssertGreaterThanOrEqual(pending.minimum, EventCalendar<UInt64>.bottomUpThreshold)
    }

    /// Runs `steps` random operations after scheduling `initialEvents`: a share `scheduleShare` schedules
    /// at now + Exp(mean 1 s) rounded up to a 0.25 s grid (so ties are frequent) with priority uniform in
    /// −2…2; a share `cancelShare` cancels a random handle ever issued (pending, fired or cancelled); the
    /// rest fire the next event. The reference is a sorted array of (time, priority, sequence) keys —
    /// correct by construction. Expected at every step: the fired event is the reference's first key;
    /// cancel returns whether the reference had the event pending; the clock never decreases; every
    /// 100 operations the whole heap satisfies the heap invariant and the pending counts agree. Exact.
    /// - Returns: the smallest and largest pending counts seen during the operations.
    private func runWorkload(seed: UInt64, initialEvents: Int, steps: Int,
                             scheduleShare: Double, cancelShare: Double) throws -> (minimum: Int, maximum: Int) {
        let stream = RandomStream(seed: seed, replication: 0, name: "calendar.workload")
        let sim = try Simulation<UInt64>()
        var reference = [Key]()
        var handles = [EventHandle]()
        func schedule() throws {
            let time = ((sim.now + stream.exponential(mean: 1)) * 4).rounded(.up) / 4
            let priority = Int16(stream.uniformInt(below: 5) - 2)
            let handle = try sim.schedule(UInt64(handles.count), at: time, priority: priority)
            XCTAssertEqual(handle.sequence, UInt64(handles.count))
            let key = Key(time: time, priority: priority, sequence: handle.sequence)
            reference.insert(key, at: insertionIndex(of: key, in: reference))
            handles.append(handle)
        }
        for _ in 0..<initialEvents { try schedule() }
        var previousTime = sim.now
        var minimumPending = Int.max, maximumPending = 0
        for step in 0..<steps {
            let u = stream.uniform()
            if u < scheduleShare || reference.isEmpty {
                try schedule()
            } else if u < scheduleShare + cancelShare {
                let handle = handles[stream.uniformInt(below: handles.count)]
                let key = Key(time: handle.time, priority: handle.priority, sequence: handle.sequence)
                let index = insertionIndex(of: key, in: reference)
                let wasPending = index < reference.count && reference[index] == key
                if wasPending { reference.remove(at: index) }
                XCTAssertEqual(sim.cancel(handle), wasPending, "cancel of \(handle) at step \(step)")
            } else {
                let expected = reference.removeFirst()
                guard let entry = sim.next() else { XCTFail("calendar empty at step \(step)"); return (0, 0) }
                XCTAssertEqual(entry.sequence, expected.sequence, "wrong event at step \(step)")
                XCTAssertEqual(entry.time, expected.time)
                XCTAssertEqual(entry.payload, expected.sequence)
                XCTAssertGreaterThanOrEqual(sim.now, previousTime, "clock went backwards at step \(step)")
                previousTime = sim.now
            }
            minimumPending = min(minimumPending, reference.count)
            maximumPending = max(maximumPending, reference.count)
            if step % 100 == 0 {
                XCTAssertTrue(sim.calendar.satisfiesHeapInvariant(), "heap order broken at step \(step)")
                XCTAssertEqual(sim.pendingCount, reference.count)
            }
        }
        XCTAssertEqual(sim.pendingCount, reference.count)
        return (minimumPending, maximumPending)
    }

    /// Index of the first element of the sorted `keys` that is not less than `key` (binary search).
    private func insertionIndex(of key: Key, in keys: [Key]) -> Int {
        var low = 0, high = keys.count
        while low < high {
            let mid = (low + high) / 2
            if keys[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
