import SimMath
import XCTest

/// `NonlinearLeastSquares` against fits with closed forms.
final class NonlinearLeastSquaresTests: XCTestCase {
    /// A straight line y = a + b·x through 20 points with deterministic "noise" eᵢ = 0.3·sin(7i):
    /// ordinary least squares gives, in closed form, b = Sxy/Sxx, a = ȳ − b·x̄, s² = SSR/(n − 2),
    /// se(b) = s/√Sxx and se(a) = s·√(1/n + x̄²/Sxx) (any regression text, e.g. Draper & Smith ch. 1).
    /// The nonlinear fit (bounds far away, so the logistic map does not bind) must agree to 1e-6 relative
    /// on the estimates and the standard errors, and the 95 % half-width must be t(0.975, 18) = 2.1009·se.
    func testStraightLineMatchesOrdinaryLeastSquares() throws {
        let n = 20
        let x = (0..<n).map { Double($0) * 0.5 }
        let y = x.enumerated().map { i, xi in 1.5 + 0.8 * xi + 0.3 * sin(7 * Double(i)) }
        let xBar = x.reduce(0, +) / Double(n), yBar = y.reduce(0, +) / Double(n)
        let sxx = x.reduce(0) { $0 + ($1 - xBar) * ($1 - xBar) }
        let sxy = zip(x, y).reduce(0) { $0 + ($1.0 - xBar) * ($1.1 - yBar) }
        let b = sxy / sxx, a = yBar - b * xBar
        let ssr = zip(x, y).reduce(0) { $0 + pow($1.1 - a - b * $1.0, 2) }
        let s = (ssr / Double(n - 2)).squareRoot()
        let fit = try NonlinearLeastSquares.fit(initial: [0, 0], lower: [-100, -100], upper: [100, 100], residualCount: n) { p, r in
            for i in 0..<n { r[i] = p[0] + p[1] * x[i] - y[i] }
        }
        XCTAssertTrue(fit.converged)
        XCTAssertEqual(fit.estimate[0], a, accuracy: 1e-6 * abs(a))
        XCTAssertEqual(fit.estimate[1], b, accuracy: 1e-6 * abs(b))
        XCTAssertEqual(fit.standardErrors[1], s / sxx.squareRoot(), accuracy: 1e-6 * s / sxx.squareRoot())
        let seA = s * (1 / Double(n) + xBar * xBar / sxx).squareRoot()
        XCTAssertEqual(fit.standardErrors[0], seA, accuracy: 1e-6 * seA)
        XCTAssertEqual(fit.t975, 2.1009, accuracy: 1e-4)
        XCTAssertEqual(fit.intervals95[1].upperBound - fit.estimate[1], 2.1009 * fit.standardErrors[1], accuracy: 1e-4 * fit.standardErrors[1])
        // Correlation of intercept and slope: −x̄/√(x̄² + Sxx/n).
        XCTAssertEqual(fit.correlation[0][1], -xBar / (xBar * xBar + sxx / Double(n)).squareRoot(), accuracy: 1e-6)
        XCTAssertEqual(fit.unidentifiable(), [false, false])
    }

    /// Exponential decay y = A·e^(−k·t) sampled without noise at t = 0…9 s, A = 3, k = 0.4 /s: the fit from
    /// (1, 0.1) must find (3, 0.4) to 1e-6 and leave a cost near 0 (< 1e-12).
    func testExponentialDecayIsRecoveredExactly() throws {
        let t = (0..<10).map(Double.init)
        let y = t.map { 3 * exp(-0.4 * $0) }
        let fit = try NonlinearLeastSquares.fit(initial: [1, 0.1], lower: [0.01, 0.001], upper: [100, 10], residualCount: t.count) { p, r in
            for i in t.indices { r[i] = p[0] * exp(-p[1] * t[i]) - y[i] }
        }
        XCTAssertEqual(fit.estimate[0], 3, accuracy: 1e-6)
        XCTAssertEqual(fit.estimate[1], 0.4, accuracy: 1e-6)
        XCTAssertLessThan(fit.cost, 1e-12)
    }

    /// y = (a + b)·x with noise: only a + b is identifiable, so the Jacobian has rank 1 and both a and b
    /// must be flagged unidentifiable.
    func testCollinearParametersAreFlagged() throws {
        let x = (1...30).map(Double.init)
        let y = x.enumerated().map { i, v in 2 * v + 0.1 * sin(3 * Double(i)) }
        let fit = try NonlinearLeastSquares.fit(initial: [0.5, 0.7], lower: [-10, -10], upper: [10, 10], residualCount: x.count) { p, r in
            for i in x.indices { r[i] = (p[0] + p[1]) * x[i] - y[i] }
        }
        XCTAssertEqual(fit.estimate[0] + fit.estimate[1], 2, accuracy: 1e-2)
        XCTAssertEqual(fit.unidentifiable(), [true, true])
    }

    /// y = 5·x but the slope is bounded to (0, 2): the fit must stay inside the bounds, end within 0.1 % of
    /// the bound span of 2 and flag the slope (the bound, not the data, holds it).
    func testBoundsHoldAndAreFlagged() throws {
        let x = (1...10).map(Double.init)
        let fit = try NonlinearLeastSquares.fit(initial: [1], lower: [0], upper: [2], residualCount: x.count, maxIterations: 500) { p, r in
            for i in x.indices { r[i] = p[0] * x[i] - 5 * x[i] }
        }
        XCTAssertLessThan(fit.estimate[0], 2)
        XCTAssertGreaterThan(fit.estimate[0], 2 - 2e-3)
        XCTAssertEqual(fit.unidentifiable(), [true])
    }

    /// An initial value outside its bounds is an argument error, not a crash.
    func testInitialOutsideBoundsThrows() {
        XCTAssertThrowsError(try NonlinearLeastSquares.fit(initial: [3], lower: [0], upper: [2], residualCount: 5) { _, r in
            for i in r.indices { r[i] = 0 }
        })
    }
}
