import XCTest
@testable import EventEngine

/// Cancellation: cancelled events never fire, whatever the moment they are cancelled.
final class CancellationTests: XCTestCase {
    /// 300 events, event i at t = i mod 50 (s) for i = 0…299 (six events per time). Before running, every
    /// i ≡ 0 (mod 3) is cancelled (100 events). During the run, event i ≡ 1 (mod 3) cancels event i + 1.
    /// Event i + 1 sits at t + 1 s, or at the same time with a later sequence, so it is still pending and
    /// never fires — except when i mod 50 = 49 (i = 49, 199): then i + 1 (50, 200) sits at t = 0, fired
    /// before its canceller, and `cancel` returns false. Expected fired set: all 100 i ≡ 1 (mod 3) events
    /// plus 50 and 200 — 102 events, none of them ever cancelled. Exact.
    func testCancelledEventsNeverFire() throws {
        let sim = try Simulation<Int>()
        var handles = [EventHandle]()
        for i in 0..<300 { handles.append(try sim.schedule(i, at: Double(i % 50))) }
        var cancelled = Set<Int>()
        for i in stride(from: 0, to: 300, by: 3) {
            XCTAssertTrue(sim.cancel(handles[i]))
            cancelled.insert(i)
        }
        XCTAssertEqual(sim.pendingCount, 200)
        var fired = [Int]()
        sim.run { entry in
            let i = entry.payload
            fired.append(i)
            if i % 3 == 1, i + 1 < 300, sim.cancel(handles[i + 1]) { cancelled.insert(i + 1) }
        }
        XCTAssertTrue(Set(fired).isDisjoint(with: cancelled))
        XCTAssertEqual(fired.count + cancelled.count, 300)
        XCTAssertEqual(Set(fired).count, fired.count)
        let expected = Set((0..<300).filter { $0 % 3 == 1 }).union([50, 200])
        XCTAssertEqual(Set(fired), expected)
        XCTAssertEqual(cancelled.count, 198)
    }

    /// `cancel` answers whether it cancelled something: an event that already fired → false; the same
    /// pending event twice → true then false; a handle after its cancelled entry was discarded from the heap
    /// → still false, and `isPending` is false in each of these cases.
    func testCancelReportsWhetherTheEventWasPending() throws {
        let sim = try Simulation<String>()
        let early = try sim.schedule("early", at: 1)
        let late = try sim.schedule("late", at: 10)
        let later = try sim.schedule("later", at: 20)
        XCTAssertEqual(sim.next()?.payload, "early")
        XCTAssertFalse(sim.isPending(early))
        XCTAssertFalse(sim.cancel(early))
        XCTAssertTrue(sim.isPending(late))
        XCTAssertTrue(sim.cancel(late))
        XCTAssertFalse(sim.cancel(late))
        XCTAssertFalse(sim.isPending(late))
        XCTAssertTrue(sim.cancel(later))
        XCTAssertNil(sim.next(), "both remaining events were cancelled")
        XCTAssertEqual(sim.now, 1, "discarding cancelled events does not move the clock")
        XCTAssertFalse(sim.cancel(late))
        XCTAssertFalse(sim.cancel(later))
    }

    /// Cancelling at the current instant: A and B both at t = 1 s; A fires and cancels B, which is at the
    /// clock's own time (the case that needs a look into the heap) → true, and B never fires. A's own handle
    /// at that same time has fired → false.
    func testCancelAtTheCurrentInstant() throws {
        let sim = try Simulation<String>()
        let a = try sim.schedule("A", at: 1)
        let b = try sim.schedule("B", at: 1)
        var fired = [String]()
        sim.run { entry in
            fired.append(entry.payload)
            if entry.payload == "A" {
                XCTAssertFalse(sim.isPending(a))
                XCTAssertTrue(sim.isPending(b))
                XCTAssertTrue(sim.cancel(b))
                XCTAssertFalse(sim.cancel(a))
            }
        }
        XCTAssertEqual(fired, ["A"])
    }

    /// Mass cancellation triggers the heap rebuild (more than half of the stored entries cancelled):
    /// 1 000 events at t = 1000 − i (s); cancel every i not divisible by 10 (900 events). The 100 survivors
    /// t = 1000, 990, …, 10 must fire in increasing time order 10, 20, …, 1000, with the heap invariant
    /// intact after the rebuild and a pending count of 100.
    func testMassCancellationRebuildsHeapAndKeepsOrder() throws {
        let sim = try Simulation<Int>()
        var handles = [EventHandle]()
        for i in 0..<1000 { handles.append(try sim.schedule(1000 - i, at: Double(1000 - i))) }
        for i in 0..<1000 where i % 10 != 0 { XCTAssertTrue(sim.cancel(handles[i])) }
        XCTAssertEqual(sim.pendingCount, 100)
        XCTAssertTrue(sim.calendar.satisfiesHeapInvariant())
        XCTAssertLessThan(sim.calendar.storedCount, 1000, "the rebuild dropped cancelled entries")
        var fired = [Int]()
        sim.run { fired.append($0.payload) }
        XCTAssertEqual(fired, Array(stride(from: 10, through: 1000, by: 10)))
    }
}
