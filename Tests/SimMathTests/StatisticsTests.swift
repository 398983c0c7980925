import XCTest
@testable import SimMath

/// Means, variances, confidence intervals, batch means, quantiles, tallies, time-weighted averages.
final class StatisticsTests: XCTestCase {
    /// For xs = 1…10: mean 5.5; unbiased variance n(n+1)/12 = 110/12 = 9.1666…; t(0.975, 9) = 2.262157
    /// (Student-t table, e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2); half-width t·s/√n =
    /// 2.262157 · 3.0276504/√10 = 2.1658506. Tolerances 1e-12 (exact arithmetic) and 1e-6 (table digits).
    func testMeanVarianceAndStudentTInterval() {
        let xs = (1...10).map(Double.init)
        XCTAssertEqual(Statistics.mean(xs), 5.5, accuracy: 1e-12)
        XCTAssertEqual(Statistics.variance(xs), 110.0 / 12, accuracy: 1e-12)
        XCTAssertEqual(Statistics.studentTQuantile(0.975, degreesOfFreedom: 9), 2.262157, accuracy: 1e-6)
        let ci = Statistics.confidenceInterval(xs)
        XCTAssertEqual(ci.mean, 5.5, accuracy: 1e-12)
        XCTAssertEqual(ci.level, 0.95)
        let expectedHalfWidth = 2.262157 * (110.0 / 12).squareRoot() / 10.0.squareRoot()
        XCTAssertEqual(ci.halfWidth, expectedHalfWidth, accuracy: 1e-5)
        XCTAssertEqual(ci.lower, 5.5 - ci.halfWidth)
        XCTAssertTrue(ci.contains(4) && !ci.contains(8))
    }

    /// Degenerate inputs: empty mean is NaN; fewer than two values give variance 0 and an infinite
    /// half-width (no information about spread).
    func testDegenerateInputs() {
        XCTAssertTrue(Statistics.mean([]).isNaN)
        XCTAssertEqual(Statistics.variance([3]), 0)
        XCTAssertEqual(Statistics.confidenceInterval([3]).halfWidth, .infinity)
        XCTAssertEqual(Statistics.batchMeans([3]).halfWidth, .infinity)
        XCTAssertTrue(Statistics.quantile([], 0.5).isNaN)
    }

    /// Batch means on iid normal(10, 2) data: over 200 independent replications of 2,000 observations
    /// (20 batches of 100) the 95 % interval covers 10 in a fraction p̂ with standard error
    /// √(0.95·0.05/200) = 0.0154; assert p̂ ∈ [0.95 − 4·0.0154, 1] = [0.888, 1].
    func testBatchMeansCoversTrueMeanOnIidData() {
        var covered = 0
        for replication in 0..<200 {
            let stream = RandomStream(seed: 77, replication: replication, name: "iid")
            let xs = (0..<2000).map { _ in stream.normal(mean: 10, standardDeviation: 2) }
            if Statistics.batchMeans(xs, batches: 20).contains(10) { covered += 1 }
        }
        XCTAssertGreaterThanOrEqual(Double(covered) / 200, 0.888)
    }

    /// Batch means on a steady-state AR(1) series Xₜ = φXₜ₋₁ + εₜ (φ = 0.9, mean 0): the long-run variance
    /// is (1 + φ)/(1 − φ) = 19 times the marginal one, so the naive iid interval is √19 ≈ 4.4 times too
    /// narrow (coverage ≈ P(|Z| < 1.96/4.36) ≈ 0.35), while 20 batches of 500 ≫ the correlation time
    /// (1 + φ)/(1 − φ) ≈ 19 steps restore ≈ 0.95. Over 100 replications (SE of p̂ ≤ 0.05): batch coverage
    /// ≥ 0.95 − 4·0.022 = 0.86, naive coverage ≤ 0.35 + 4·0.048 ≈ 0.55.
    func testBatchMeansCorrectsForAutocorrelation() {
        var batchCovered = 0, naiveCovered = 0
        let phi = 0.9
        for replication in 0..<100 {
            let stream = RandomStream(seed: 78, replication: replication, name: "ar1")
            var x = stream.normal(mean: 0, standardDeviation: (1 / (1 - phi * phi)).squareRoot()) // stationary start
            var xs = [Double]()
            xs.reserveCapacity(10_000)
            for _ in 0..<10_000 {
                x = phi * x + stream.standardNormal()
                xs.append(x)
            }
            if Statistics.batchMeans(xs, batches: 20).contains(0) { batchCovered += 1 }
            if Statistics.confidenceInterval(xs).contains(0) { naiveCovered += 1 }
        }
        XCTAssertGreaterThanOrEqual(Double(batchCovered) / 100, 0.86)
        XCTAssertLessThanOrEqual(Double(naiveCovered) / 100, 0.55)
    }

    /// Batch means drops the n mod b oldest observations: xs = [100, 1, 2, …, 20] with 20 batches keeps
    /// 1…20, so each batch is one value and the mean is 10.5 (exact).
    func testBatchMeansDropsOldestRemainder() {
        let xs = [100.0] + (1...20).map(Double.init)
        XCTAssertEqual(Statistics.batchMeans(xs, batches: 20).mean, 10.5, accuracy: 1e-12)
    }

    /// GSL quantile of sorted data is linear interpolation at position (n − 1)p: for {1, 2, 3, 4, 5}
    /// (given shuffled) p = 0.5 → 3, p = 0.25 → 2, p = 0.1 → 1 + 0.4 = 1.4, p = 0.9 → 4.6, p = 0 → 1,
    /// p = 1 → 5, and p outside [0, 1] clamps. Tolerance 1e-12.
    func testQuantileOfKnownSet() {
        let xs: [Double] = [4, 1, 5, 3, 2]
        let expected: [(Double, Double)] = [(0.5, 3), (0.25, 2), (0.1, 1.4), (0.9, 4.6), (0, 1), (1, 5), (-1, 1), (2, 5)]
        for (p, q) in expected {
            XCTAssertEqual(Statistics.quantile(xs, p), q, accuracy: 1e-12, "p = \(p)")
        }
        XCTAssertEqual(Statistics.quantiles(xs, [0.5, 0.9]), [3, 4.6].map { $0 }, "one-sort variant")
        XCTAssertEqual(xs, [4, 1, 5, 3, 2], "input untouched")
    }

    /// Welford tally of {2, 4, 4, 4, 5, 5, 7, 9}: mean 40/8 = 5, Σ(x − 5)² = 32, variance 32/7,
    /// min 2, max 9; merging two halves gives the same (1e-12).
    func testTallyMatchesHandCalculationAndMerges() {
        let xs: [Double] = [2, 4, 4, 4, 5, 5, 7, 9]
        var all = Tally(), left = Tally(), right = Tally()
        for (i, x) in xs.enumerated() {
            all.add(x)
            if i < 3 { left.add(x) } else { right.add(x) }
        }
        XCTAssertEqual(all.count, 8)
        XCTAssertEqual(all.mean, 5, accuracy: 1e-12)
        XCTAssertEqual(all.variance, 32.0 / 7, accuracy: 1e-12)
        XCTAssertEqual(all.min, 2)
        XCTAssertEqual(all.max, 9)
        left.merge(right)
        XCTAssertEqual(left.count, 8)
        XCTAssertEqual(left.mean, 5, accuracy: 1e-12)
        XCTAssertEqual(left.variance, 32.0 / 7, accuracy: 1e-12)
        XCTAssertEqual(all.confidenceInterval().halfWidth, Statistics.confidenceInterval(xs).halfWidth, accuracy: 1e-12)
        XCTAssertEqual(Tally().variance, 0)
    }

    /// Step signal: 2 on [0, 3), 5 on [3, 4), 0 on [4, 10]. ∫ = 2·3 + 5·1 + 0·6 = 11, so the average over
    /// [0, 10] is 1.1; over [0, 3.5] it is (6 + 2.5)/3.5; the recorded integral up to the last update
    /// (t = 4) is 11. Tolerance 1e-12.
    func testTimeWeightedAverageOfStepSignal() {
        var signal = TimeWeightedAverage(startTime: 0, value: 2)
        signal.update(time: 3, value: 5)
        XCTAssertEqual(signal.average(until: 3.5), 8.5 / 3.5, accuracy: 1e-12)
        signal.update(time: 4, value: 0)
        XCTAssertEqual(signal.integral, 11, accuracy: 1e-12)
        XCTAssertEqual(signal.average(until: 10), 1.1, accuracy: 1e-12)
        XCTAssertEqual(signal.maximum, 5)
        XCTAssertEqual(signal.minimum, 0)
        XCTAssertEqual(TimeWeightedAverage(startTime: 5, value: 7).average(until: 5), 7)
    }
}
