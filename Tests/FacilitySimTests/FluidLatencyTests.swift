import XCTest
@testable import FacilitySim

/// The fluid latency approximation's arithmetic, by hand (issue 15 item 5).
final class FluidLatencyTests: XCTestCase {
    /// Load 0.75 lies halfway between the levels 0.7 and 0.8 (indices 5 and 6); the quantile-by-quantile midpoint of
    /// [1, 2, 3, 4] and [3, 4, 5, 6] is [2, 3, 4, 5]; below 0.05 and above 0.9 the end levels are used.
    func testBracketAndInterpolation() {
        let b = LatencyCurve.bracket(0.75)
        XCTAssertEqual(b.lower, 5)
        XCTAssertEqual(b.upper, 6)
        XCTAssertEqual(b.weight, 0.5, accuracy: 1e-12)
        XCTAssertEqual(LatencyCurve.bracket(0.01).lower, 0)
        XCTAssertEqual(LatencyCurve.bracket(0.99).upper, LatencyCurve.loads.count - 1)
        var levels = Array(repeating: [1.0, 2, 3, 4], count: LatencyCurve.loads.count)
        levels[6] = [3, 4, 5, 6]
        XCTAssertEqual(LatencyCurve.interpolated(levels, load: 0.75, count: 4), [2, 3, 4, 5])
    }

    /// Every level holds [1, 2, 3, 4] s; two hours serve 100 and 300 requests. The mixture is that distribution:
    /// mean 2.5 s, p50 2 s, p99 4 s; of the 400 requests 100 finish within 1 s, 200 within 2 s and all within 5 s,
    /// so the cumulative counts are [0, 0, 100, 200, 400, 400] and the sum 400 × 2.5 = 1,000 s.
    func testMixtureByHand() throws {
        let levels = Array(repeating: [1.0, 2, 3, 4], count: LatencyCurve.loads.count)
        let curve = LatencyCurve(endToEnd: levels, timeToFirstToken: levels, timePerOutputToken: levels)
        let s = try XCTUnwrap(FluidLatency.summary(curve: curve, intervals: [(0.3, 100), (0.85, 300)]))
        XCTAssertEqual(s.endToEnd.mean, 2.5, accuracy: 1e-12)
        XCTAssertEqual(s.endToEnd.p50, 2)
        XCTAssertEqual(s.endToEnd.p99, 4)
        XCTAssertEqual(s.histogramCumulativeCounts, [0, 0, 100, 200, 400, 400])
        XCTAssertEqual(s.histogramSumSeconds, 1000, accuracy: 1e-9)
        XCTAssertNil(FluidLatency.summary(curve: curve, intervals: [(0, 0)]))
    }
}
