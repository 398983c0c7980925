import XCTest
@testable import SimMath

/// Brent root finding on the RC step response.
final class RootFindingTests: XCTestCase {
    private let rc = RCStep()

    /// The 70 °C crossing of the RC step response (``RCStep``) is t = −RC·ln((70 − Tc − PR)/(T0 − Tc − PR))
    /// = 250·ln 5 = 402.3594781085251 s. Brent with absolute tolerance 1e-9 s finds it within 1e-8 s,
    /// with the bounds in either order.
    func testBrentFindsRCCrossingTime() throws {
        let expected = -250 * log((70 - 30 - 50) / (30 - 30 - 50.0))
        XCTAssertEqual(expected, 402.3594781085251, accuracy: 1e-9)
        let root = try RootFinding.brent(lower: 0, upper: 2000) { rc.temperature(atSeconds: $0) - 70 }
        XCTAssertEqual(root, expected, accuracy: 1e-8)
        let reversed = try RootFinding.brent(lower: 2000, upper: 0) { rc.temperature(atSeconds: $0) - 70 }
        XCTAssertEqual(reversed, expected, accuracy: 1e-8)
    }

    /// T(100 s) = 80 − 50e^(−0.4) = 46.48 °C < 70 °C and T(0) = 30 °C: no sign change on [0, 100], so
    /// Brent throws noBracket carrying f(0) = −40 and f(100) = T(100) − 70 (exact values).
    func testBrentWithoutSignChangeThrowsNoBracket() {
        XCTAssertThrowsError(try RootFinding.brent(lower: 0, upper: 100) { rc.temperature(atSeconds: $0) - 70 }) { error in
            XCTAssertEqual(error as? SimMathError,
                           .noBracket(lower: 0, upper: 100, fLower: -40, fUpper: rc.temperature(atSeconds: 100) - 70))
            XCTAssertTrue("\(error)".contains("no sign change"))
        }
    }

    /// A root exactly at an end point is returned as is (x² − 4 on [2, 5] → 2, exact), and x³ − 2
    /// on [0, 2] converges to 2^(1/3) = 1.2599210498948732 within 1e-9.
    func testEndPointRootAndCubeRoot() throws {
        XCTAssertEqual(try RootFinding.brent(lower: 2, upper: 5) { $0 * $0 - 4 }, 2)
        XCTAssertEqual(try RootFinding.brent(lower: 0, upper: 2) { $0 * $0 * $0 - 2 }, 1.2599210498948732, accuracy: 1e-9)
    }

    /// Bad input is an error: non-finite bounds, NaN at an end, and a budget of one iteration on a
    /// bracket [0, 2000] that needs several (didNotConverge).
    func testBadInputAndIterationBudget() {
        XCTAssertThrowsError(try RootFinding.brent(lower: 0, upper: .infinity) { $0 - 1 })
        XCTAssertThrowsError(try RootFinding.brent(lower: 0, upper: 1) { _ in .nan })
        XCTAssertThrowsError(try RootFinding.brent(lower: 0, upper: 2000, maxIterations: 1) {
            rc.temperature(atSeconds: $0) - 70
        }) { error in
            guard case SimMathError.didNotConverge = error else { return XCTFail("got \(error)") }
        }
    }
}
