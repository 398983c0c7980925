import Dispatch
import Foundation
import XCTest
@testable import SimMath

/// Table interpolation (linear and natural cubic spline).
final class InterpolatorTests: XCTestCase {
    /// Linear interpolation of the table x = {0, 10, 20, 40}, y = {0, 100, 150, 110} hits every table
    /// point, gives midpoints (5 → 50, 15 → 125, 30 → 130) and clamps outside (−5 → 0, 50 → 110),
    /// slope 10 on [0, 10] (exact to 1e-12).
    func testLinearHitsPointsMidpointsAndClamps() throws {
        let x: [Double] = [0, 10, 20, 40], y: [Double] = [0, 100, 150, 110]
        let f = try Interpolator(x: x, y: y)
        for (xi, yi) in zip(x, y) { XCTAssertEqual(f(xi), yi, accuracy: 1e-12) }
        for (xi, yi) in [(5.0, 50.0), (15, 125), (30, 130), (-5, 0), (50, 110)] {
            XCTAssertEqual(f(xi), yi, accuracy: 1e-12, "x = \(xi)")
        }
        XCTAssertEqual(f.derivative(5), 10, accuracy: 1e-12)
        XCTAssertEqual(f.domain, 0...40)
        XCTAssertTrue(f(.nan).isNaN)
    }

    /// A natural cubic spline reproduces linear data exactly (S'' ≡ 0 satisfies the natural end
    /// conditions and the interpolation conditions): y = 3x − 2 on x = {0, 1, 2.5, 4} at 0.3, 1.7, 3.9.
    func testNaturalSplineIsExactOnLinearData() throws {
        let x: [Double] = [0, 1, 2.5, 4]
        let f = try Interpolator(x: x, y: x.map { 3 * $0 - 2 }, method: .cubicSpline)
        for t in [0.3, 1.7, 3.9, 2.5] { XCTAssertEqual(f(t), 3 * t - 2, accuracy: 1e-12) }
    }

    /// Natural spline through (0, 0), (1, 1), (2, 0): with M₀ = M₂ = 0 and h = 1 the moment equation
    /// M₀ + 4M₁ + M₂ = 6(y₀ − 2y₁ + y₂) gives M₁ = −3, so on [0, 1]
    /// S(x) = M₁x³/6 + (y₁ − M₁/6)x = 1.5x − 0.5x³ and, by symmetry, S(x) = S(2 − x) on [1, 2].
    /// Check S(0.5) = 0.6875, S(0.25) = 0.3671875, S(1.5) = 0.6875, S'(0.5) = 1.5 − 1.5·0.25 = 1.125 (1e-12).
    func testNaturalSplineMatchesKnownCubic() throws {
        let f = try Interpolator(x: [0, 1, 2], y: [0, 1, 0], method: .cubicSpline)
        let s: (Double) -> Double = { x in 1.5 * x - 0.5 * x * x * x }
        for t in [0.0, 0.25, 0.5, 0.9, 1.0] { XCTAssertEqual(f(t), s(t), accuracy: 1e-12, "x = \(t)") }
        for t in [1.1, 1.5, 1.75, 2.0] { XCTAssertEqual(f(t), s(2 - t), accuracy: 1e-12, "x = \(t)") }
        XCTAssertEqual(f(0.5), 0.6875, accuracy: 1e-12)
        XCTAssertEqual(f.derivative(0.5), 1.125, accuracy: 1e-12)
        XCTAssertEqual(f(-1), 0)
        XCTAssertEqual(f(3), 0)
    }

    /// A two-point "cubic spline" is the straight line: (0, 1), (2, 5) at x = 0.5 → 2 (1e-12).
    func testTwoPointSplineIsLinear() throws {
        let f = try Interpolator(x: [0, 2], y: [1, 5], method: .cubicSpline)
        XCTAssertEqual(f(0.5), 2, accuracy: 1e-12)
    }

    /// Malformed tables throw invalidArgument: mismatched lengths, one point, unsorted x, duplicate x,
    /// non-finite values.
    func testMalformedTablesThrow() {
        let bad: [([Double], [Double])] = [
            ([0, 1, 2], [0, 1]), ([1], [1]), ([0, 2, 1], [0, 1, 2]), ([0, 1, 1], [0, 1, 2]), ([0, .nan], [0, 1]),
            ([0, 1], [0, .infinity]),
        ]
        for (x, y) in bad {
            for method in [Interpolator.Method.linear, .cubicSpline] {
                XCTAssertThrowsError(try Interpolator(x: x, y: y, method: method), "\(x) \(y)") { error in
                    guard case SimMathError.invalidArgument = error else { return XCTFail("got \(error)") }
                }
            }
        }
    }

    /// One Sendable interpolator shared by concurrent threads gives the same values as serial calls
    /// (exact equality; evaluation is read-only).
    func testSharedAcrossThreads() throws {
        let f = try Interpolator(x: [0, 1, 2, 3], y: [0, 1, 0, 1], method: .cubicSpline)
        let points = (0..<64).map { Double($0) * 3 / 63 }
        let serial = points.map { f($0) }
        let results = ResultBox(count: points.count)
        DispatchQueue.concurrentPerform(iterations: points.count) { i in
            results.set(i, f(points[i]))
        }
        XCTAssertEqual(results.values, serial)
    }
}

/// A lock-protected result array for the concurrency test.
private final class ResultBox: @unchecked Sendable {
    private var storage: [Double]
    private let lock = NSLock()
    init(count: Int) { storage = [Double](repeating: .nan, count: count) }
    func set(_ i: Int, _ v: Double) { lock.lock(); storage[i] = v; lock.unlock() }
    var values: [Double] { lock.lock(); defer { lock.unlock() }; return storage }
}
