import XCTest
@testable import EventEngine

/// The clock: run(until:) boundaries, idle advance, and rejection of bad times.
final class SimulationClockTests: XCTestCase {
    /// Events at t = 1, 2, 3, 4, 5 s. `run(until: 3)` fires the events at or before 3 (inclusive limit:
    /// 1, 2, 3), leaves 2 pending with the next at 4 s and the clock at exactly 3 s. `run(until: 3.5)` fires
    /// nothing and moves the clock to 3.5 s. `run()` (no limit) fires 4 and 5 and stops the clock at the
    /// last event, 5 s. All exact.
    func testRunUntilStopsAtLimitAndLeavesLaterEventsPending() throws {
        let sim = try Simulation<Int>()
        for t in 1...5 { try sim.schedule(t, at: Double(t)) }
        var fired = [Int]()
        sim.run(until: 3) { fired.append($0.payload) }
        XCTAssertEqual(fired, [1, 2, 3])
        XCTAssertEqual(sim.now, 3)
        XCTAssertEqual(sim.pendingCount, 2)
        XCTAssertEqual(sim.nextEventTime(), 4)
        sim.run(until: 3.5) { fired.append($0.payload) }
        XCTAssertEqual(fired, [1, 2, 3])
        XCTAssertEqual(sim.now, 3.5)
        sim.run { fired.append($0.payload) }
        XCTAssertEqual(fired, [1, 2, 3, 4, 5])
        XCTAssertEqual(sim.now, 5)
        XCTAssertEqual(sim.firedCount, 5)
        XCTAssertEqual(sim.pendingCount, 0)
    }

    /// `next(until:)` on an idle simulation starting at 10 s: a finite limit 25 s moves the clock to 25 s;
    /// an infinite limit leaves it there; a limit in the past (7 s) does not move it back.
    func testNextUntilAdvancesIdleClockOnlyForward() throws {
        let sim = try Simulation<Int>(startTime: 10)
        XCTAssertNil(sim.next(until: 25))
        XCTAssertEqual(sim.now, 25)
        XCTAssertNil(sim.next())
        XCTAssertEqual(sim.now, 25)
        XCTAssertNil(sim.next(until: 7))
        XCTAssertEqual(sim.now, 25)
    }

    /// After the clock reaches 5 s: scheduling at 4 s is in the past → `invalidTime`; NaN and +∞ times are
    /// not finite → `invalidTime`; delays −1, NaN, +∞ → `invalidDelay`; a NaN start time →
    /// `invalidStartTime`. Nothing is scheduled by the failed calls (pending count stays 0).
    func testBadTimesThrowInsteadOfTrapping() throws {
        let sim = try Simulation<Int>()
        try sim.schedule(0, at: 5)
        _ = sim.next()
        XCTAssertEqual(sim.now, 5)
        XCTAssertThrowsError(try sim.schedule(1, at: 4)) { error in
            XCTAssertEqual(error as? EventEngineError, .invalidTime(time: 4, now: 5))
        }
        XCTAssertThrowsError(try sim.schedule(1, at: .nan))
        XCTAssertThrowsError(try sim.schedule(1, at: .infinity))
        for delay in [-1, Double.nan, .infinity] {
            XCTAssertThrowsError(try sim.schedule(1, after: delay)) { error in
                guard case .invalidDelay = error as? EventEngineError else { return XCTFail("\(error)") }
            }
        }
        XCTAssertThrowsError(try Simulation<Int>(startTime: .nan))
        XCTAssertEqual(sim.pendingCount, 0)
        XCTAssertFalse(EventEngineError.invalidDelay(-1).description.isEmpty)
    }

    /// Growth of the heap storage beyond its initial capacity (16) keeps every event: 1 000 events at
    /// times 1000, 999, …, 1 s fire in increasing time order 1, 2, …, 1000.
    func testStorageGrowthKeepsEveryEvent() throws {
        let sim = try Simulation<Int>(expectedPendingEvents: 1)
        for t in stride(from: 1000, through: 1, by: -1) { try sim.schedule(t, at: Double(t)) }
        var fired = [Int]()
        sim.run { fired.append($0.payload) }
        XCTAssertEqual(fired, Array(1...1000))
    }
}
