import XCTest
@testable import EventEngine

/// The server pool: FIFO service order, monitors, errors.
final class ServerPoolTests: XCTestCase {
    /// Two servers; customers 1…6 arrive at t = 0…5 s. Customers 1 and 2 seize the servers (true); 3…6
    /// queue (false). Releases at t = 6, 7, 8, 9 hand the freed server to the head of the line, so they
    /// return 3, 4, 5, 6 in arrival order (FIFO); releases at t = 10, 11 find the line empty (nil) and
    /// leave both servers idle.
    func testServerPoolServesWaitingCustomersFirstInFirstOut() throws {
        var pool = try ServerPool<Int>(servers: 2)
        var seized = [Bool]()
        for customer in 1...6 { seized.append(try pool.request(customer, at: Double(customer - 1))) }
        XCTAssertEqual(seized, [true, true, false, false, false, false])
        XCTAssertEqual(pool.queueLength, 4)
        XCTAssertEqual(pool.waitingCustomers, [3, 4, 5, 6])
        var served = [Int?]()
        for t in 6...11 { served.append(try pool.release(at: Double(t))) }
        XCTAssertEqual(served, [3, 4, 5, 6, nil, nil])
        XCTAssertEqual(pool.busyCount, 0)
        XCTAssertEqual(pool.queueLength, 0)
    }

    /// One server. A arrives at 0 (busy 1), B at 1 and C at 2 queue (line 1, 2); releases at 4 (B starts,
    /// line 1), 5 (C starts, line 0), 8 (idle). Over [0, 10]: ∫ line dt = 0·1 + 1·1 + 2·2 + 1·1 = 6 →
    /// mean 0.6; ∫ busy dt = 1·8 = 8 → mean 0.8; longest line 2. Exact.
    func testMonitorsMatchHandIntegrals() throws {
        var pool = try ServerPool<String>(servers: 1)
        XCTAssertTrue(try pool.request("A", at: 0))
        XCTAssertFalse(try pool.request("B", at: 1))
        XCTAssertFalse(try pool.request("C", at: 2))
        XCTAssertEqual(try pool.release(at: 4), "B")
        XCTAssertEqual(try pool.release(at: 5), "C")
        XCTAssertNil(try pool.release(at: 8))
        XCTAssertEqual(pool.queueMonitor.average(until: 10), 0.6, accuracy: 1e-15)
        XCTAssertEqual(pool.busyMonitor.average(until: 10), 0.8, accuracy: 1e-15)
        XCTAssertEqual(pool.queueMonitor.maximum, 2)
    }

    /// Misuse is an error, not a trap: a pool of 0 servers; releasing an idle pool; a request earlier than
    /// the last change.
    func testMisuseThrows() throws {
        XCTAssertThrowsError(try ServerPool<Int>(servers: 0)) { error in
            XCTAssertEqual(error as? EventEngineError, .invalidServerCount(0))
        }
        var pool = try ServerPool<Int>(servers: 1)
        XCTAssertThrowsError(try pool.release(at: 1)) { error in
            XCTAssertEqual(error as? EventEngineError, .releaseWithoutBusyServer)
        }
        XCTAssertTrue(try pool.request(1, at: 5))
        XCTAssertThrowsError(try pool.request(2, at: 4))
    }
}
