import XCTest
import SimMath
@testable import FacilityModels

final class ThermalChainTests: XCTestCase {
    /// An immersion tank: module C₁ = 600 J/K, R₁₂ = 0.06 K/W; 32 modules in a tank of C₂ = 2 MJ/K
    /// losing heat through G₂ = 3 kW/K to 30 °C water; 700 W per GPU and 4 kW of other heat.
    let chain = ThermalChain(moduleCapacitanceJoulesPerKelvin: 600, moduleResistanceKelvinPerWatt: 0.06,
                             sinkCapacitanceJoulesPerKelvin: 2e6, modulesPerSink: 32, sinkConductanceWattsPerKelvin: 3000)
    let inputs = ThermalChain.Inputs(modulePowerWatts: 700, sinkPowerWatts: 4000, coolantCelsius: 30)

    /// Steady state by hand: T₂ = 30 + (32·700 + 4000)/3000 = 38.8 °C; T₁ = 38.8 + 700·0.06 = 80.8 °C.
    func testSteadyState() {
        let s = chain.steadyState(inputs)
        XCTAssertEqual(s.sinkCelsius, 38.8, accuracy: 1e-12)
        XCTAssertEqual(s.moduleCelsius, 80.8, accuracy: 1e-12)
        let late = chain.trajectory(from: .init(moduleCelsius: 30, sinkCelsius: 30), inputs: inputs).state(at: 1e6)
        XCTAssertEqual(late.moduleCelsius, 80.8, accuracy: 1e-9)
    }

    /// The closed form matches GSL's rk8pd integration of the two ODEs to 1e-7 relative at several times.
    func testClosedFormMatchesODEIntegration() throws {
        let start = ThermalChain.State(moduleCelsius: 35, sinkCelsius: 33)
        let trajectory = chain.trajectory(from: start, inputs: inputs)
        let c1 = 600.0, r = 0.06, c2 = 2e6, m = 32.0, g = 3000.0
        let system = ODESystem(dimension: 2) { _, y, dy in
            dy[0] = (700 - (y[0] - y[1]) / r) / c1
            dy[1] = (m * (y[0] - y[1]) / r + 4000 - g * (y[1] - 30)) / c2
        }
        for t in [0.5, 10.0, 600.0, 7200.0] {
            var y = [start.moduleCelsius, start.sinkCelsius]
            try ODEIntegrator.integrate(system, state: &y, from: 0, to: t, stepper: .msbdf,
                                        absoluteTolerance: 1e-11, relativeTolerance: 1e-11)
            let exact = trajectory.state(at: t)
            XCTAssertEqual(exact.moduleCelsius, y[0], accuracy: 1e-7 * abs(y[0]), "t = \(t)")
            XCTAssertEqual(exact.sinkCelsius, y[1], accuracy: 1e-7 * abs(y[1]), "t = \(t)")
        }
    }

    /// Energy balance of one interval: heat in (32·700 + 4000 W)·Δt = heat to coolant + Δ stored, to 1e-9.
    func testEnergyBalanceOfOneInterval() {
        let start = ThermalChain.State(moduleCelsius: 50, sinkCelsius: 36)
        let dt = 3600.0
        let trajectory = chain.trajectory(from: start, inputs: inputs)
        let heatIn = (32 * 700 + 4000) * dt
        let stored = chain.storedHeatJoules(trajectory.state(at: dt)) - chain.storedHeatJoules(start)
        let out = trajectory.heatToCoolantJoules(until: dt)
        XCTAssertEqual(heatIn, out + stored, accuracy: 1e-9 * heatIn)
    }

    /// A single-node limit check: with C₂ → huge and the sink pinned at its start value, the module
    /// follows T₁(t) = T∞ + (T₀ − T∞)e^(−t/τ), τ = C₁R₁₂ = 36 s; from 40 °C towards 40 + 700·0.06 = 82 °C
    /// it crosses 70 °C at t = −τ·ln((70 − 82)/(40 − 82)) = 36·ln(3.5) = 45.0994 s.
    func testCrossingTimeAgainstSingleNodeSolution() throws {
        let pinned = ThermalChain(moduleCapacitanceJoulesPerKelvin: 600, moduleResistanceKelvinPerWatt: 0.06,
                                  sinkCapacitanceJoulesPerKelvin: 1e15, modulesPerSink: 1, sinkConductanceWattsPerKelvin: 1)
        let trajectory = pinned.trajectory(from: .init(moduleCelsius: 40, sinkCelsius: 40),
                                           inputs: .init(modulePowerWatts: 700, sinkPowerWatts: 0, coolantCelsius: 40))
        let above = try XCTUnwrap(trajectory.intervalAbove(70, until: 200))
        XCTAssertEqual(above.lowerBound, 36 * log(3.5), accuracy: 1e-6)
        XCTAssertEqual(above.upperBound, 200)
        XCTAssertNil(trajectory.intervalAbove(90, until: 200))
    }

    /// A module that heats (its power rose) while the tank cools (its water got colder) overshoots and
    /// then falls: the maximum lies inside the interval, at the closed-form extremum, and is larger
    /// than at both ends; a dense scan of the exact solution finds no larger value.
    func testInteriorMaximum() throws {
        let fastSink = ThermalChain(moduleCapacitanceJoulesPerKelvin: 600, moduleResistanceKelvinPerWatt: 0.06,
                                    sinkCapacitanceJoulesPerKelvin: 2e4, modulesPerSink: 1, sinkConductanceWattsPerKelvin: 200)
        let trajectory = fastSink.trajectory(from: .init(moduleCelsius: 40, sinkCelsius: 60),
                                             inputs: .init(modulePowerWatts: 700, sinkPowerWatts: 0, coolantCelsius: 10))
        let t = 2000.0
        let s = try XCTUnwrap(trajectory.moduleExtremumTime(before: t))
        let peak = trajectory.maximumModuleCelsius(until: t)
        XCTAssertGreaterThan(peak, trajectory.moduleCelsius(at: 0))
        XCTAssertGreaterThan(peak, trajectory.moduleCelsius(at: t))
        let scanned = stride(from: 0.0, through: t, by: 0.01).map(trajectory.moduleCelsius(at:)).max()!
        XCTAssertEqual(peak, scanned, accuracy: 1e-6)
        XCTAssertEqual(trajectory.moduleCelsius(at: s), peak, accuracy: 1e-12)
        // Above 75 °C: one sub-interval around the peak whose ends are crossings.
        let above = try XCTUnwrap(trajectory.intervalAbove(peak - 1, until: t))
        XCTAssertEqual(trajectory.moduleCelsius(at: above.lowerBound), peak - 1, accuracy: 1e-6)
        XCTAssertEqual(trajectory.moduleCelsius(at: above.upperBound), peak - 1, accuracy: 1e-6)
        XCTAssertLessThan(above.lowerBound, s)
        XCTAssertGreaterThan(above.upperBound, s)
    }
}
