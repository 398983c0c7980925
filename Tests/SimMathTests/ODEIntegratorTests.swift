import Foundation
import XCTest
@testable import SimMath

/// ODE integration against closed-form thermal solutions.
final class ODEIntegratorTests: XCTestCase {
    private let rc = RCStep()

    private var rcSystem: ODESystem {
        let c = rc.capacitanceJoulesPerKelvin, r = rc.resistanceKelvinPerWatt
        let p = rc.powerWatts, tc = rc.coolantCelsius
        return ODESystem(dimension: 1,
                         derivative: { _, y, dydt in dydt[0] = (p - (y[0] - tc) / r) / c },
                         jacobian: { _, _, dfdy, dfdt in dfdy[0] = -1 / (r * c); dfdt[0] = 0 })
    }

    /// RC step response (see ``RCStep``): integrating 0 → 100 → 402.36 → 1000 s in legs matches
    /// T(t) = Tc + PR + (T0 − Tc − PR)e^(−t/RC) to 1e-7 relative, with the explicit rk8pd and rkf45 and
    /// the stiff msbdf and bsimp steppers (tolerances 1e-10 per step).
    func testRCStepResponseMatchesClosedForm() throws {
        for stepper in ODEStepper.allCases {
            var state = [rc.initialCelsius]
            var t = 0.0
            for next in [100.0, 402.3594781085251, 1000.0] {
                try ODEIntegrator.integrate(rcSystem, state: &state, from: t, to: next, stepper: stepper)
                t = next
                let exact = rc.temperature(atSeconds: t)
                XCTAssertEqual(state[0], exact, accuracy: 1e-7 * exact, "\(stepper) at t = \(t) s")
            }
        }
    }

    /// Integrating backwards from T(1000 s) to t = 0 recovers T0 = 30 °C (1e-7 relative).
    func testBackwardIntegration() throws {
        var state = [rc.temperature(atSeconds: 1000)]
        try ODEIntegrator.integrate(rcSystem, state: &state, from: 1000, to: 0)
        XCTAssertEqual(state[0], 30, accuracy: 30e-7)
    }

    /// The stiff two-node plant: chip (C₁ = 10 J/K) → R₁₂ = 0.01 K/W → coolant (C₂ = 10⁵ J/K)
    /// → R₂ₐ = 0.002 K/W → ambient Tₐ = 25 °C, P = 1000 W into the chip, both nodes start at 25 °C.
    /// y' = A y + b with A = [[−1/(C₁R₁₂), 1/(C₁R₁₂)], [1/(C₂R₁₂), −(1/R₁₂ + 1/R₂ₐ)/C₂]] = [[−10, 10], [0.001, −0.006]];
    /// eigenvalues λ = (tr ± √(tr² − 4 det))/2 ≈ −10.001 and −0.0049995 (stiffness ratio ≈ 2000).
    /// Steady state T₂* = Tₐ + P·R₂ₐ = 27 °C, T₁* = T₂* + P·R₁₂ = 37 °C, and
    /// y(t) = y* + c₁v₁e^(λ₁t) + c₂v₂e^(λ₂t), vᵢ = (A₁₂, λᵢ − A₁₁), c from y(0) = y0 by Cramer's rule.
    /// msbdf and bsimp (analytic Jacobian) and msbdf with the finite-difference Jacobian match it to 1e-7
    /// relative at t = 0.5, 50 and 1500 s.
    func testStiffTwoNodeSystemMatchesEigenSolution() throws {
        let c1 = 10.0, c2 = 1e5, r12 = 0.01, r2a = 0.002, ta = 25.0, p = 1000.0
        let a11 = -1 / (c1 * r12), a12 = 1 / (c1 * r12), a21 = 1 / (c2 * r12), a22 = -(1 / r12 + 1 / r2a) / c2
        let b = [p / c1, ta / (r2a * c2)]
        let derivative: (Double, UnsafePointer<Double>, UnsafeMutablePointer<Double>) -> Void = { _, y, dydt in
            dydt[0] = a11 * y[0] + a12 * y[1] + b[0]
            dydt[1] = a21 * y[0] + a22 * y[1] + b[1]
        }
        let withJacobian = ODESystem(dimension: 2, derivative: derivative) { _, _, dfdy, dfdt in
            dfdy[0] = a11; dfdy[1] = a12; dfdy[2] = a21; dfdy[3] = a22
            dfdt[0] = 0; dfdt[1] = 0
        }
        let withoutJacobian = ODESystem(dimension: 2, derivative: derivative)

        let tr = a11 + a22, det = a11 * a22 - a12 * a21
        let disc = (tr * tr - 4 * det).squareRoot()
        let l1 = (tr - disc) / 2, l2 = (tr + disc) / 2
        let steady = [ta + p * r2a + p * r12, ta + p * r2a]
        let d0 = [25 - steady[0], 25 - steady[1]]
        let v1 = [a12, l1 - a11], v2 = [a12, l2 - a11]
        let vdet = v1[0] * v2[1] - v2[0] * v1[1]
        let k1 = (d0[0] * v2[1] - v2[0] * d0[1]) / vdet, k2 = (v1[0] * d0[1] - d0[0] * v1[1]) / vdet
        func exact(_ t: Double) -> [Double] {
            (0..<2).map { steady[$0] + k1 * v1[$0] * exp(l1 * t) + k2 * v2[$0] * exp(l2 * t) }
        }
        XCTAssertEqual(steady[0], 37, accuracy: 1e-12)

        for (system, stepper) in [(withJacobian, ODEStepper.msbdf), (withJacobian, .bsimp), (withoutJacobian, .msbdf)] {
            var state = [25.0, 25.0]
            var t = 0.0
            for next in [0.5, 50, 1500] {
                try ODEIntegrator.integrate(system, state: &state, from: t, to: next, stepper: stepper)
                t = next
                let expected = exact(t)
                for i in 0..<2 {
                    XCTAssertEqual(state[i], expected[i], accuracy: 1e-7 * expected[i],
                                   "\(stepper) node \(i) at t = \(t) s, Jacobian \(system.jacobian != nil)")
                }
            }
        }
    }

    /// Stiffness made visible: over 1500 s the explicit rkf45 is stability-limited to steps of order
    /// 1/|λ_fast| ≈ 0.1 s, so ≥ 10⁴ steps; with a budget of 2000 steps it must fail with GSL_EMAXITER,
    /// while msbdf finishes within the same budget.
    func testExplicitStepperExhaustsBudgetOnStiffSystem() throws {
        let system = ODESystem(dimension: 2, derivative: { _, y, dydt in
            dydt[0] = -10 * y[0] + 10 * y[1] + 100
            dydt[1] = 0.001 * y[0] - 0.006 * y[1] + 0.125
        }, jacobian: { _, _, dfdy, dfdt in
            dfdy[0] = -10; dfdy[1] = 10; dfdy[2] = 0.001; dfdy[3] = -0.006
            dfdt[0] = 0; dfdt[1] = 0
        })
        var explicit = [25.0, 25.0]
        XCTAssertThrowsError(try ODEIntegrator.integrate(system, state: &explicit, from: 0, to: 1500, stepper: .rkf45,
                                                         absoluteTolerance: 1e-6, relativeTolerance: 1e-6,
                                                         initialStep: nil, maxSteps: 2000)) { error in
            XCTAssertEqual(error as? SimMathError, .gsl(code: 11, function: "gsl_odeiv2_driver_apply")) // GSL_EMAXITER
        }
        XCTAssertEqual(explicit, [25, 25], "state unchanged on error")
        var stiff = [25.0, 25.0]
        try ODEIntegrator.integrate(system, state: &stiff, from: 0, to: 1500, stepper: .msbdf,
                                    absoluteTolerance: 1e-6, relativeTolerance: 1e-6, initialStep: nil, maxSteps: 2000)
        // After 1500 s = 7.5 slow time constants (1/0.005 s) the coolant is at its steady 27 °C to within
        // e^−7.5 · (a few K) ≈ 0.002 K; assert 0.01 K.
        XCTAssertEqual(stiff[1], 27, accuracy: 0.01)
    }

    /// Bad input becomes a Swift error: wrong state length, non-finite times, zero tolerances,
    /// and a derivative that returns NaN (GSL_EBADFUNC = 9) all throw.
    func testBadInputThrows() {
        var state = [1.0, 2.0]
        XCTAssertThrowsError(try ODEIntegrator.integrate(rcSystem, state: &state, from: 0, to: 1))
        var one = [1.0]
        XCTAssertThrowsError(try ODEIntegrator.integrate(rcSystem, state: &one, from: 0, to: .infinity))
        XCTAssertThrowsError(try ODEIntegrator.integrate(rcSystem, state: &one, from: 0, to: 1,
                                                         absoluteTolerance: 0, relativeTolerance: 0))
        let broken = ODESystem(dimension: 1, derivative: { t, _, dydt in dydt[0] = t > 0.5 ? .nan : 1 })
        for stepper in ODEStepper.allCases {
            var y = [0.0]
            XCTAssertThrowsError(try ODEIntegrator.integrate(broken, state: &y, from: 0, to: 1, stepper: stepper)) { error in
                XCTAssertEqual(error as? SimMathError, .gsl(code: 9, function: "gsl_odeiv2_driver_apply"), "\(stepper)")
            }
            XCTAssertEqual(y, [0])
        }
    }
}
