import SimMath
import XCTest
@testable import EventEngine

/// The calendar against a brute-force reference over a random workload with ties and cancellations.
final class CalendarWorkloadTests: XCTestCase {
    /// A reference pending event: its key and whether it is still pending.
    private struct Reference { var time: Double; var priority: Int16; var sequence: UInt64 }

    /// 20 000 random operations (seeded SimMath stream): 45 % schedule at now + Exp(mean 1 s) rounded up to
    /// a 0.25 s grid (so that ties are frequent) with priority uniform in −2…2; 15 % cancel a random handle
    /// ever issued (pending, fired or already cancelled); 40 % fire the next event. The reference is a plain
    /// list scanned linearly for the minimum (time, priority, sequence) — correct by construction.
    /// Expected, at every step: the fired event equals the reference minimum; cancel returns whether the
    /// reference had the event pending; the clock never decreases; every 100 operations the whole heap
    /// satisfies the 4-ary heap invariant and the pending counts agree. All comparisons exact.
    func testHeapOrderAndClockMonotonicityOverRandomWorkload() throws {
        let stream = RandomStream(seed: 2024, replication: 0, name: "calendar.workload")
        let sim = try Simulation<UInt64>()
        var pending = [UInt64: Reference]()
        var handles = [EventHandle]()
        var previousTime = sim.now
        var firedCount = 0
        for step in 0..<20_000 {
            let u = stream.uniform()
            if u < 0.45 || pending.isEmpty {
                let time = ((sim.now + stream.exponential(mean: 1)) * 4).rounded(.up) / 4
                let priority = Int16(stream.uniformInt(below: 5) - 2)
                let handle = try sim.schedule(UInt64(handles.count), at: time, priority: priority)
                XCTAssertEqual(handle.sequence, UInt64(handles.count))
                pending[handle.sequence] = Reference(time: time, priority: priority, sequence: handle.sequence)
                handles.append(handle)
            } else if u < 0.60 {
                let handle = handles[stream.uniformInt(below: handles.count)]
                let wasPending = pending.removeValue(forKey: handle.sequence) != nil
                XCTAssertEqual(sim.cancel(handle), wasPending, "cancel of \(handle) at step \(step)")
            } else {
                let expected = pending.values.min { a, b in
                    (a.time, a.priority, a.sequence) < (b.time, b.priority, b.sequence)
                }!
                guard let entry = sim.next() else { return XCTFail("calendar empty at step \(step)") }
                XCTAssertEqual(entry.sequence, expected.sequence, "wrong event at step \(step)")
                XCTAssertEqual(entry.time, expected.time)
                XCTAssertEqual(entry.payload, expected.sequence)
                XCTAssertGreaterThanOrEqual(sim.now, previousTime, "clock went backwards at step \(step)")
                previousTime = sim.now
                pending.removeValue(forKey: expected.sequence)
                firedCount += 1
            }
            if step % 100 == 0 {
                XCTAssertTrue(sim.calendar.satisfiesHeapInvariant(), "heap order broken at step \(step)")
                XCTAssertEqual(sim.pendingCount, pending.count)
            }
        }
        XCTAssertGreaterThan(firedCount, 5_000, "the workload exercised the removal path")
    }
}
