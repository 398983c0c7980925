import XCTest
@testable import EventEngine

/// Time-weighted monitor and tally, against hand calculations.
final class MonitorTests: XCTestCase {
    /// Signal 2 on [0, 3), 5 on [3, 4), 0 on [4, 10]: ∫ = 2·3 + 5·1 + 0·6 = 11, average over [0, 10] =
    /// 1.1; minimum 0, maximum 5. After `reset(at: 4)` the window is [4, 10] with the signal 0: average 0;
    /// then 3 from t = 8: ∫ over [4, 10] = 3·2 = 6, average 1.0. Exact in binary floating point.
    func testTimeWeightedAverageMatchesHandIntegral() throws {
        var monitor = TimeWeightedMonitor(startTime: 0, value: 2)
        try monitor.record(5, at: 3)
        try monitor.record(0, at: 4)
        XCTAssertEqual(monitor.integral(until: 10), 11)
        XCTAssertEqual(monitor.average(until: 10), 1.1, accuracy: 1e-15)
        XCTAssertEqual(monitor.minimum, 0)
        XCTAssertEqual(monitor.maximum, 5)
        try monitor.reset(at: 4)
        XCTAssertEqual(monitor.average(until: 10), 0)
        try monitor.record(3, at: 8)
        XCTAssertEqual(monitor.average(until: 10), 1.0)
        XCTAssertEqual(monitor.maximum, 3)
        XCTAssertThrowsError(try monitor.record(1, at: 7)) { error in
            XCTAssertEqual(error as? EventEngineError, .timeWentBackwards(time: 7, last: 8))
        }
    }

    /// Welford's update on 10⁹ + {4, 7, 13, 16}: mean 10⁹ + 10, unbiased variance
    /// ((−6)² + (−3)² + 3² + 6²)/3 = 90/3 = 30 — the classic case where the naive Σx² − n·x̄² formula loses
    /// every digit in double precision. Tolerance 1e-6 relative; min/max exact.
    func testTallyIsStableForLargeOffsets() {
        var tally = TallyMonitor()
        for x in [4.0, 7, 13, 16] { tally.add(1e9 + x) }
        XCTAssertEqual(tally.count, 4)
        XCTAssertEqual(tally.mean, 1e9 + 10, accuracy: 1e-6)
        XCTAssertEqual(tally.variance, 30, accuracy: 30e-6)
        XCTAssertEqual(tally.minimum, 1e9 + 4)
        XCTAssertEqual(tally.maximum, 1e9 + 16)
        XCTAssertEqual(tally.sum, 4e9 + 40, accuracy: 1e-3)
        tally.reset()
        XCTAssertEqual(tally.count, 0)
        XCTAssertEqual(tally.variance, 0)
    }
}
