import XCTest
@testable import EventEngine

/// Same-time ordering: events at one time fire by ascending priority, then in insertion order.
final class CalendarOrderTests: XCTestCase {
    /// Scheduled (label, time s, priority): A(5, 1), B(5, 0), C(5, 1), D(5, −3), E(5, 0), F(4, 10),
    /// G(6, −100). By time first: F (t = 4) fires before everything at t = 5 despite its priority 10,
    /// and G (t = 6) last despite −100. At t = 5 by priority: D (−3), then B and E (0) in insertion order,
    /// then A and C (1) in insertion order. Expected: F, D, B, E, A, C, G — exact.
    func testSameTimeEventsFireByPriorityThenInsertionOrder() throws {
        let sim = try Simulation<String>()
        try sim.schedule("A", at: 5, priority: 1)
        try sim.schedule("B", at: 5, priority: 0)
        try sim.schedule("C", at: 5, priority: 1)
        try sim.schedule("D", at: 5, priority: -3)
        try sim.schedule("E", at: 5)
        try sim.schedule("F", at: 4, priority: 10)
        try sim.schedule("G", at: 6, priority: -100)
        var fired = [String]()
        sim.run { fired.append($0.payload) }
        XCTAssertEqual(fired, ["F", "D", "B", "E", "A", "C", "G"])
    }

    /// The 16-bit priority packed into the ordering key keeps its signed order at the extremes:
    /// scheduled with priorities 32767, −32768, 0, −1, 1 at one time, they fire as −32768, −1, 0, 1, 32767.
    /// The handle and the fired entry report the priority and insertion sequence (0…4) they were given.
    func testPriorityExtremesKeepSignedOrder() throws {
        let sim = try Simulation<Int16>()
        var handles = [EventHandle]()
        for priority: Int16 in [.max, .min, 0, -1, 1] {
            handles.append(try sim.schedule(priority, at: 1, priority: priority))
        }
        XCTAssertEqual(handles.map(\.priority), [.max, .min, 0, -1, 1])
        XCTAssertEqual(handles.map(\.sequence), [0, 1, 2, 3, 4])
        var fired = [Int16]()
        while let entry = sim.next() {
            XCTAssertEqual(entry.priority, entry.payload)
            fired.append(entry.payload)
        }
        XCTAssertEqual(fired, [.min, -1, 0, 1, .max])
    }

    /// An event scheduled from a handler at the current time joins the same instant in key order:
    /// X (t = 2, priority 0) and Y (t = 2, priority 5) are pending; X schedules Z with delay 0 and
    /// priority −1. Z's key (2, −1) precedes Y's (2, 5), so the order is X, Z, Y, all at t = 2.
    func testEventScheduledAtCurrentTimeJoinsThatInstantInKeyOrder() throws {
        let sim = try Simulation<String>()
        try sim.schedule("X", at: 2)
        try sim.schedule("Y", at: 2, priority: 5)
        var fired = [String]()
        try sim.run { entry in
            fired.append(entry.payload)
            XCTAssertEqual(sim.now, 2)
            if entry.payload == "X" { try sim.schedule("Z", after: 0, priority: -1) }
        }
        XCTAssertEqual(fired, ["X", "Z", "Y"])
    }

    /// The calendar alone (without a clock) hands out entries in (time, priority, sequence) order and
    /// reports its pending count: 3 inserted, after one removal 2 remain and the first time is 3 s.
    func testCalendarRemovesInKeyOrder() throws {
        let calendar = EventCalendar<Int>(minimumCapacity: 1)
        try calendar.insert(30, at: 3)
        try calendar.insert(10, at: 1)
        try calendar.insert(31, at: 3, priority: -1)
        XCTAssertEqual(calendar.count, 3)
        XCTAssertEqual(calendar.removeFirst()?.payload, 10)
        XCTAssertEqual(calendar.count, 2)
        XCTAssertEqual(calendar.firstTime(), 3)
        XCTAssertEqual(calendar.removeFirst()?.payload, 31)
        XCTAssertEqual(calendar.removeFirst()?.payload, 30)
        XCTAssertNil(calendar.removeFirst())
        XCTAssertTrue(calendar.isEmpty)
        XCTAssertEqual(calendar.insertedCount, 3)
    }
}
