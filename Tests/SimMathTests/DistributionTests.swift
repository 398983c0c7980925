import Foundation
import XCTest
@testable import SimMath

/// Analytic moments, sampling and validation of ``Distribution``.
final class DistributionTests: XCTestCase {
    /// Analytic moments against hand-computed values (Python `math.gamma`, `math.exp`):
    /// - exponential(mean 2): mean 2, variance 2² = 4.
    /// - Weibull(k 1.5, λ 1000): mean λΓ(1 + 1/k) = 1000·Γ(5/3) = 902.7452929509336,
    ///   variance λ²(Γ(7/3) − Γ(5/3)²) = 10⁶(1.190639348758999 − 0.9027452929509336²) = 375690.28481393197.
    /// - lognormal(μ 1, σ 0.5): mean e^(μ+σ²/2) = e^1.125 = 3.080216848918031,
    ///   variance (e^σ² − 1)e^(2μ+σ²) = (e^0.25 − 1)e^2.25 = 2.694758124344947.
    /// - gamma(k 2.5, θ 3): mean kθ = 7.5, variance kθ² = 22.5.
    /// - normal(50, 5): 50, 25. uniform[2, 6): mean 4, variance 4²/12 = 4/3.
    /// - half-normal = truncatedNormal(0, 1, [0, ∞)): mean √(2/π) = 0.7978845608028654, variance 1 − 2/π = 0.3633802276324186.
    /// - truncatedNormal(0, 1, [−1, 2]): Z = Φ(2) − Φ(−1) = 0.8185946141203637,
    ///   mean (φ(−1) − φ(2))/Z = 0.22963717909132897, variance 1 + (−φ(−1) − 2φ(2))/Z − mean² = 0.5197625392115338.
    /// - empirical({1, 2, 5}, weights {1, 2, 1}): mean (1 + 4 + 5)/4 = 2.5, variance (2.25 + 2·0.25 + 6.25)/4 = 2.25.
    /// Tolerance 1e-12 relative (rounding only).
    func testAnalyticMomentsMatchHandValues() {
        let cases: [(Distribution, Double, Double)] = [
            (.constant(3), 3, 0),
            (.exponential(mean: 2), 2, 4),
            (.weibull(shape: 1.5, scale: 1000), 902.7452929509336, 375690.28481393197),
            (.lognormal(mu: 1, sigma: 0.5), 3.080216848918031, 2.694758124344947),
            (.gamma(shape: 2.5, scale: 3), 7.5, 22.5),
            (.normal(mean: 50, standardDeviation: 5), 50, 25),
            (.uniform(lower: 2, upper: 6), 4, 4.0 / 3),
            (.truncatedNormal(mean: 0, standardDeviation: 1, lower: 0, upper: .infinity),
             0.7978845608028654, 0.3633802276324186),
            (.truncatedNormal(mean: 0, standardDeviation: 1, lower: -1, upper: 2), 0.22963717909132897, 0.5197625392115338),
            (.empirical(values: [1, 2, 5], weights: [1, 2, 1]), 2.5, 2.25),
        ]
        for (d, mean, variance) in cases {
            XCTAssertEqual(d.mean, mean, accuracy: 1e-12 * max(abs(mean), 1), "\(d)")
            XCTAssertEqual(d.variance, variance, accuracy: 1e-12 * max(abs(variance), 1), "\(d)")
        }
    }

    /// Far-tail truncation exercises the precision path: normal(0, 1) on [5, ∞) has, with
    /// Q(5) = erfc(5/√2)/2 and φ(5) = e^(−12.5)/√(2π), mean φ(5)/Q(5) = 5.18650396712583 and variance
    /// 1 + 5·mean − mean² = 0.03269643461717564 (Python `math.erfc`; computing Q as 1 − Φ would lose
    /// 9 digits to cancellation). Tolerance 1e-9 relative.
    func testTailTruncatedNormalMoments() {
        let d = Distribution.truncatedNormal(mean: 0, standardDeviation: 1, lower: 5, upper: .infinity)
        XCTAssertEqual(d.mean, 5.18650396712583, accuracy: 5.2e-9)
        XCTAssertEqual(d.variance, 0.03269643461717564, accuracy: 3.3e-11)
    }

    /// lognormal(mean m, sd s) inverts the moment formulas: σ² = ln(1 + s²/m²), μ = ln m − σ²/2 give back
    /// mean m = 120 and variance s² = 900 exactly up to rounding (1e-12 relative).
    func testLognormalFromMeanAndStandardDeviation() throws {
        let d = Distribution.lognormal(mean: 120, standardDeviation: 30)
        try d.validate()
        XCTAssertEqual(d.mean, 120, accuracy: 120e-12)
        XCTAssertEqual(d.variance, 900, accuracy: 900e-12)
        XCTAssertThrowsError(try Distribution.lognormal(mean: -1, standardDeviation: 1).validate())
    }

    /// Sample moments of every distribution match the analytic ones. With n = 200,000 iid draws the
    /// sample mean has standard error √(σ²/n) and the sample variance √((μ₄ − σ⁴)/n), μ₄ the fourth
    /// central moment (estimated from the same sample, adequate for these light-tailed laws; CLT for
    /// the variance estimator). Assert |error| < 4 standard errors; a constant must be reproduced exactly.
    func testSampleMomentsMatchTheoryForEveryDistribution() throws {
        let distributions: [Distribution] = [
            .constant(3),
            .exponential(mean: 2),
            .weibull(shape: 1.5, scale: 1000),
            .lognormal(mu: 1, sigma: 0.5),
            .gamma(shape: 2.5, scale: 3),
            .gamma(shape: 0.5, scale: 2),
            .normal(mean: 50, standardDeviation: 5),
            .truncatedNormal(mean: 0, standardDeviation: 1, lower: 0, upper: .infinity),
            .truncatedNormal(mean: 0, standardDeviation: 1, lower: -1, upper: 2),
            .truncatedNormal(mean: 0, standardDeviation: 1, lower: 5, upper: .infinity),
            .truncatedNormal(mean: 10, standardDeviation: 4, lower: 0, upper: 12),
            .uniform(lower: 2, upper: 6),
            .empirical(values: [1, 2, 5], weights: [1, 2, 1]),
        ]
        let n = 200_000
        for (index, d) in distributions.enumerated() {
            try d.validate()
            let stream = RandomStream(seed: 2024, replication: index, name: "moments")
            var xs = [Double](repeating: 0, count: n)
            for i in 0..<n { xs[i] = stream.sample(d) }
            let mean = Statistics.mean(xs), variance = Statistics.variance(xs)
            var m4 = 0.0
            for x in xs { let d = x - mean; m4 += d * d * d * d }
            m4 /= Double(n)
            let seMean = (d.variance / Double(n)).squareRoot()
            let seVariance = (max(m4 - variance * variance, 0) / Double(n)).squareRoot()
            if d.variance == 0 {
                XCTAssertEqual(mean, d.mean, "\(d)")
                XCTAssertEqual(variance, 0, "\(d)")
            } else {
                XCTAssertEqual(mean, d.mean, accuracy: 4 * seMean, "mean of \(d)")
                XCTAssertEqual(variance, d.variance, accuracy: 4 * seVariance, "variance of \(d)")
            }
        }
    }

    /// Truncated-normal draws respect their bounds: every one of 50,000 draws of normal(1, 3) on [0, 2]
    /// lies in [0, 2] (rejection succeeds only ~26 % of the time here, so the inverse-CDF fallback runs).
    func testTruncatedNormalStaysInBounds() {
        let stream = RandomStream(seed: 5, replication: 0, name: "bounded")
        let d = Distribution.truncatedNormal(mean: 1, standardDeviation: 3, lower: 0, upper: 2)
        var tally = Tally()
        for _ in 0..<50_000 { tally.add(stream.sample(d)) }
        XCTAssertGreaterThanOrEqual(tally.min, 0)
        XCTAssertLessThanOrEqual(tally.max, 2)
        // Symmetric about 1 ⇒ mean 1, sd < (2 − 0)/√12 = 0.577 ⇒ 4 SE < 0.0104.
        XCTAssertEqual(tally.mean, 1, accuracy: 0.0104)
    }

    /// Empirical sampling with a zero weight never returns that value (probability 0, exact).
    func testEmpiricalZeroWeightIsNeverDrawn() {
        let stream = RandomStream(seed: 9, replication: 0, name: "discrete")
        let d = Distribution.empirical(values: [10, 20, 30], weights: [1, 0, 3])
        for _ in 0..<20_000 { XCTAssertNotEqual(stream.sample(d), 20) }
    }

    /// Every invalid parameter set is rejected with ``SimMathError/invalidArgument(_:)``.
    func testInvalidParametersThrow() {
        let bad: [Distribution] = [
            .constant(.nan),
            .exponential(mean: 0), .exponential(mean: -1), .exponential(mean: .infinity),
            .weibull(shape: 0, scale: 1), .weibull(shape: 1, scale: -2),
            .lognormal(mu: .nan, sigma: 1), .lognormal(mu: 0, sigma: 0),
            .gamma(shape: -1, scale: 1), .gamma(shape: 1, scale: 0),
            .normal(mean: .infinity, standardDeviation: 1), .normal(mean: 0, standardDeviation: 0),
            .truncatedNormal(mean: 0, standardDeviation: 1, lower: 2, upper: 1),
            .truncatedNormal(mean: 0, standardDeviation: 1, lower: .nan, upper: 1),
            .truncatedNormal(mean: 0, standardDeviation: 1, lower: 50, upper: .infinity),
            .truncatedNormal(mean: 0, standardDeviation: -1, lower: 0, upper: 1),
            .uniform(lower: 1, upper: 1), .uniform(lower: 0, upper: .infinity),
            .empirical(values: [], weights: []),
            .empirical(values: [1, 2], weights: [1]),
            .empirical(values: [1, 2], weights: [0, 0]),
            .empirical(values: [1, 2], weights: [1, -0.5]),
            .empirical(values: [1, .nan], weights: [1, 1]),
        ]
        for d in bad {
            XCTAssertThrowsError(try d.validate(), "\(d)") { error in
                guard case SimMathError.invalidArgument = error else {
                    return XCTFail("expected invalidArgument for \(d), got \(error)")
                }
            }
        }
    }

    /// Distributions round-trip through JSON (Codable) unchanged (exact equality).
    func testCodableRoundTrip() throws {
        let ds: [Distribution] = [
            .weibull(shape: 1.2, scale: 8760),
            .truncatedNormal(mean: 1, standardDeviation: 2, lower: 0, upper: 5),
            .empirical(values: [1, 2], weights: [0.25, 0.75]),
        ]
        let data = try JSONEncoder().encode(ds)
        XCTAssertEqual(try JSONDecoder().decode([Distribution].self, from: data), ds)
    }
}
