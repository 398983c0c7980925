import XCTest
import SimMath
@testable import Serving

/// Arrival processes against their analytic counts.
final class ArrivalProcessTests: XCTestCase {
    /// Poisson counts in [0, T] are Poisson(λT): with λ = 5 /s and T = 20 s, mean = variance = 100.
    /// Over 400 replications the sample mean has standard error √(100/400) = 0.5, so ±2 (4 SE); the
    /// sample variance has standard error ≈ √((λT + 2(λT)²)/n) = √(20100/400) ≈ 7.1, so ±25 (3.5 SE).
    func testPoissonCountMeanAndVarianceEqualLambdaT() throws {
        let process = ArrivalProcess.poisson(ratePerSecond: 5)
        var counts: [Double] = []
        for replication in 0..<400 {
            let stream = RandomStream(seed: 11, replication: replication, name: "arrivals")
            counts.append(Double(try process.arrivalTimes(untilSeconds: 20, stream: stream).count))
        }
        print(String(format: "Poisson counts: mean %.2f, variance %.2f (lambda T = 100)", Statistics.mean(counts), Statistics.variance(counts)))
        XCTAssertEqual(Statistics.mean(counts), 100, accuracy: 2)
        XCTAssertEqual(Statistics.variance(counts), 100, accuracy: 25)
    }

    /// Lewis–Shedler thinning: counts in [0, T] have mean Λ(T) = ∫λ. For mean 2 /s, amplitude 0.8, period
    /// 1000 s, peak at 250 s: Λ(T) = 2(T + 0.8·1000/(2π)(sin(2π(T−250)/1000) − sin(−2π·250/1000))).
    /// Λ(500) = 2(500 + 127.32·(1 + 1)) = 1509.3 (the high half of the cycle), Λ(1000) = 2000 exactly,
    /// Λ(1300) = 2(1300 + 127.32·(sin(2π·1.05) + 1)) = 2(1300 + 127.32 · 1.3090) = 2933.4. Over 200 replications the mean of counts has
    /// standard error √(Λ/200) ≤ 3.8, so ±1 % (≥ 4 SE).
    func testThinningMatchesIntegratedRate() throws {
        let process = ArrivalProcess.diurnal(.init(meanPerSecond: 2, amplitude: 0.8, peakSeconds: 250, periodSeconds: 1000))
        XCTAssertEqual(process.expectedArrivals(untilSeconds: 1000), 2000, accuracy: 1e-9)
        XCTAssertEqual(process.expectedArrivals(untilSeconds: 500), 2 * (500 + 800 / (2 * .pi) * 2), accuracy: 1e-9)
        var first: [Double] = [], all: [Double] = []
        for replication in 0..<200 {
            let stream = RandomStream(seed: 5, replication: replication, name: "diurnal")
            let times = try process.arrivalTimes(untilSeconds: 1300, stream: stream)
            first.append(Double(times.filter { $0 < 500 }.count))
            all.append(Double(times.count))
        }
        let expectedFirst = process.expectedArrivals(untilSeconds: 500)
        let expectedAll = process.expectedArrivals(untilSeconds: 1300)
        XCTAssertEqual(expectedFirst, 1509.3, accuracy: 0.1)
        XCTAssertEqual(expectedAll, 2933.4, accuracy: 0.1)
        print(String(format: "thinning: mean count %.1f vs Lambda(500) %.1f, %.1f vs Lambda(1300) %.1f",
                     Statistics.mean(first), expectedFirst, Statistics.mean(all), expectedAll))
        XCTAssertEqual(Statistics.mean(first), expectedFirst, accuracy: 0.01 * expectedFirst)
        XCTAssertEqual(Statistics.mean(all), expectedAll, accuracy: 0.01 * expectedAll)
    }

    /// The same seed gives the same requests; lengths follow their distributions (constant 7 → 7) and
    /// are clamped to [1, maxTokens] (normal(−50, 1) → 1; constant 5000 with maxTokens 1024 → 1024).
    func testGeneratorIsSeededAndClampsLengths() throws {
        let gen = try RequestGenerator(arrivals: .poisson(ratePerSecond: 3), promptTokens: .constant(7),
                                       outputTokens: .normal(mean: -50, standardDeviation: 1))
        let a = try gen.requests(untilSeconds: 100, arrivalStream: RandomStream(seed: 1, replication: 0, name: "a"),
                                 lengthStream: RandomStream(seed: 1, replication: 0, name: "l"))
        let b = try gen.requests(untilSeconds: 100, arrivalStream: RandomStream(seed: 1, replication: 0, name: "a"),
                                 lengthStream: RandomStream(seed: 1, replication: 0, name: "l"))
        XCTAssertEqual(a, b)
        XCTAssertFalse(a.isEmpty)
        XCTAssertTrue(a.allSatisfy { $0.promptTokens == 7 && $0.outputTokens == 1 })
        let big = try RequestGenerator(arrivals: .poisson(ratePerSecond: 1), promptTokens: .constant(5000),
                                       outputTokens: .constant(3), maxTokens: 1024)
        let offline = big.offlineRequests(count: 4, lengthStream: RandomStream(seed: 2, replication: 0, name: "l"))
        XCTAssertEqual(offline.map(\.promptTokens), [1024, 1024, 1024, 1024])
        XCTAssertTrue(offline.allSatisfy { $0.arrivalSeconds == 0 })
    }

    /// Bad parameters throw instead of trapping.
    func testInvalidParametersThrow() {
        XCTAssertThrowsError(try ArrivalProcess.poisson(ratePerSecond: 0).validate())
        XCTAssertThrowsError(try ArrivalProcess.diurnal(.init(meanPerSecond: 1, amplitude: 1.5, peakSeconds: 0)).validate())
        XCTAssertThrowsError(try RequestGenerator(arrivals: .poisson(ratePerSecond: 1),
                                                  promptTokens: .exponential(mean: -1), outputTokens: .constant(1)))
        XCTAssertThrowsError(try ArrivalProcess.poisson(ratePerSecond: 1)
            .arrivalTimes(untilSeconds: -1, stream: RandomStream(seed: 0, replication: 0, name: "x")))
    }
}
