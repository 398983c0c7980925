import Foundation
import SimMath
import XCTest
@testable import FacilityModels

final class ThermalNodeTests: XCTestCase {
    /// A GPU module of C = 600 J/K on R = 0.06 K/W to 30 °C coolant, heated by 700 W from 30 °C:
    /// τ = R·C = 36 s, T∞ = 30 + 700·0.06 = 72 °C, T(τ) = 72 − 42·e⁻¹ = 56.5491 °C, T(10τ) = 72 − 42·e⁻¹⁰.
    /// Energy: P·t = heat to coolant + C·(T(t) − T₀), to 1e-9 relative.
    func testStepResponseAndSteadyState() throws {
        let node = ThermalNode(capacitanceJoulesPerKelvin: 600, resistanceKelvinPerWatt: 0.06)
        try node.validate()
        XCTAssertEqual(node.timeConstantSeconds, 36, accuracy: 1e-12)
        XCTAssertEqual(node.steadyCelsius(powerWatts: 700, boundaryCelsius: 30), 72, accuracy: 1e-12)
        XCTAssertEqual(node.celsius(after: 36, from: 30, powerWatts: 700, boundaryCelsius: 30), 72 - 42 * exp(-1), accuracy: 1e-12)
        XCTAssertEqual(node.celsius(after: 360, from: 30, powerWatts: 700, boundaryCelsius: 30), 72 - 42 * exp(-10), accuracy: 1e-12)
        let t = 100.0
        let heat = node.heatToBoundaryJoules(over: t, from: 30, powerWatts: 700, boundaryCelsius: 30)
        let stored = 600 * (node.celsius(after: t, from: 30, powerWatts: 700, boundaryCelsius: 30) - 30)
        XCTAssertEqual(700 * t, heat + stored, accuracy: 1e-9 * 700 * t)
        XCTAssertThrowsError(try ThermalNode(capacitanceJoulesPerKelvin: 0, resistanceKelvinPerWatt: 1).validate())
    }

    /// From 40 °C towards T∞ = 40 + 700·0.06 = 82 °C with τ = 36 s the node reaches 70 °C at
    /// t = τ·ln((40 − 82)/(70 − 82)) = 36·ln 3.5 = 45.0994 s; it never reaches 90 °C (above T∞), and
    /// with a 30 s horizon it does not reach 70 °C in time.
    func testCrossingTimeClosedForm() {
        let node = ThermalNode(capacitanceJoulesPerKelvin: 600, resistanceKelvinPerWatt: 0.06)
        let t = node.timeToReach(70, from: 40, powerWatts: 700, boundaryCelsius: 40)
        XCTAssertEqual(try XCTUnwrap(t), 36 * log(3.5), accuracy: 1e-12)
        XCTAssertNil(node.timeToReach(90, from: 40, powerWatts: 700, boundaryCelsius: 40))
        XCTAssertNil(node.timeToReach(70, from: 40, powerWatts: 700, boundaryCelsius: 40, horizonSeconds: 30))
        // Cooling down through 50 °C from 80 °C with no power to 40 °C coolant: t = 36·ln(40/10) = 36·ln 4.
        XCTAssertEqual(try XCTUnwrap(node.timeToReach(50, from: 80, powerWatts: 0, boundaryCelsius: 40)), 36 * log(4), accuracy: 1e-12)
    }
}

final class ThermalNetworkTests: XCTestCase {
    /// A direct-to-chip GPU: die+package C₁ = 150 J/K, 0.03 K/W to its cold plate and coolant
    /// C₂ = 2,000 J/K, which loses heat through ṁ·cp = 120 W/K to 32 °C supply water; 700 W into the
    /// die and 50 W (memory, VRMs) into the plate.
    func makeNetwork() throws -> ThermalNetwork {
        try ThermalNetwork(nodeNames: ["die", "plate"], capacitancesJoulesPerKelvin: [150, 2000],
                           links: [.init(0, 1, conductanceWattsPerKelvin: 1 / 0.03)],
                           boundaryLinks: [.init(node: 1, boundary: 0, conductanceWattsPerKelvin: 120)], boundaryCount: 1)
    }
    let inputs = ThermalNetwork.Inputs(powerWatts: [700, 50], boundaryCelsius: [32])

    /// Steady state by hand: all 750 W leave through 120 W/K, so T₂ = 32 + 750/120 = 38.25 °C and
    /// T₁ = 38.25 + 700·0.03 = 59.25 °C; the same as −A⁻¹b solved from the system matrix, and the
    /// trajectory after 10⁵ s (≫ the slow time constant, ≈ 19 s) sits there.
    func testSteadyStateMatchesMinusAInverseB() throws {
        let network = try makeNetwork()
        let steady = try network.steadyState(inputs)
        XCTAssertEqual(steady[0], 59.25, accuracy: 1e-10)
        XCTAssertEqual(steady[1], 38.25, accuracy: 1e-10)
        let system = try LinearThermalSystem(network: network, inputs: inputs)
        let viaA = try system.steadyState()
        XCTAssertEqual(viaA[0], 59.25, accuracy: 1e-10)
        XCTAssertEqual(viaA[1], 38.25, accuracy: 1e-10)
        let late = network.trajectory(from: [32, 32], inputs: inputs).state(at: 1e5)
        XCTAssertEqual(late[0], 59.25, accuracy: 1e-9)
        XCTAssertTrue(network.eigenvalues.allSatisfy { $0 < 0 })
    }

    /// The modal closed form and the matrix exponential both match GSL's rk8pd integration of
    /// C·dT/dt = −K·T + g to 1e-7 relative at times from well inside the fast mode to the steady state.
    func testExactAdvanceMatchesODEIntegrator() throws {
        let network = try makeNetwork()
        let start = [35.0, 33.0]
        let trajectory = network.trajectory(from: start, inputs: inputs)
        let system = try LinearThermalSystem(network: network, inputs: inputs)
        let ode = ODESystem(dimension: 2) { _, y, dy in
            dy[0] = (700 - (y[0] - y[1]) / 0.03) / 150
            dy[1] = (50 + (y[0] - y[1]) / 0.03 - 120 * (y[1] - 32)) / 2000
        }
        for t in [0.1, 1.0, 5.0, 60.0, 600.0] {
            var y = start
            try ODEIntegrator.integrate(ode, state: &y, from: 0, to: t, stepper: .rk8pd, absoluteTolerance: 1e-12, relativeTolerance: 1e-12)
            let exact = trajectory.state(at: t)
            let expm = try system.advance(start, by: t)
            for i in 0..<2 {
                XCTAssertEqual(exact[i], y[i], accuracy: 1e-7 * abs(y[i]), "modal, node \(i), t = \(t)")
                XCTAssertEqual(expm[i], y[i], accuracy: 1e-7 * abs(y[i]), "expm, node \(i), t = \(t)")
            }
        }
    }

    /// Energy balance over an interval: (700 + 50 W)·Δt = heat to the supply + Σ Cᵢ·ΔTᵢ, to 1e-9.
    func testEnergyBalanceOfAnInterval() throws {
        let network = try makeNetwork()
        let start = [45.0, 36.0], dt = 90.0
        let trajectory = network.trajectory(from: start, inputs: inputs)
        let stored = network.storedHeatJoules(trajectory.state(at: dt)) - network.storedHeatJoules(start)
        XCTAssertEqual(750 * dt, trajectory.heatToBoundariesJoules(until: dt) + stored, accuracy: 1e-9 * 750 * dt)
    }

    /// A one-node network is the single node: C = 600 J/K, G = 1/0.06 W/K to 40 °C, 700 W, from 40 °C,
    /// reaches 70 °C at 36·ln 3.5 = 45.0994 s (as `ThermalNode`); the sampled-then-Brent search of the
    /// matrix-exponential solution finds the same time to 1e-6 s.
    func testOneNodeCrossingAgainstAnalyticSolution() throws {
        let network = try ThermalNetwork(nodeNames: ["gpu"], capacitancesJoulesPerKelvin: [600], links: [],
                                         boundaryLinks: [.init(node: 0, boundary: 0, conductanceWattsPerKelvin: 1 / 0.06)], boundaryCount: 1)
        let inputs = ThermalNetwork.Inputs(powerWatts: [700], boundaryCelsius: [40])
        let crossings = try network.trajectory(from: [40], inputs: inputs).crossings(node: 0, celsius: 70, within: 300)
        XCTAssertEqual(crossings.count, 1)
        XCTAssertEqual(crossings[0].timeSeconds, 36 * log(3.5), accuracy: 1e-8)
        XCTAssertTrue(crossings[0].rising)
        let system = try LinearThermalSystem(network: network, inputs: inputs)
        XCTAssertEqual(try XCTUnwrap(system.firstCrossing(node: 0, celsius: 70, from: [40], within: 300)), 36 * log(3.5), accuracy: 1e-6)
        XCTAssertNil(try system.firstCrossing(node: 0, celsius: 90, from: [40], within: 300))
    }

    /// A two-node die heading past 70 °C (steady 59.25 °C + raised power): with 900 W into the die the
    /// steady die temperature is 32 + 950/120 + 900·0.03 = 66.92 °C — below 70 — so no crossing; with
    /// 1,100 W it is 32 + 1150/120 + 33 = 74.58 °C, so the die rises through 70 °C exactly once. The
    /// time agrees with the independent closed form of `ThermalChain` (one module per sink) to 1e-8 s
    /// and the temperature there is 70 °C to 1e-9 K.
    func testTwoNodeCrossingAgainstThermalChain() throws {
        let network = try makeNetwork()
        let cool = ThermalNetwork.Inputs(powerWatts: [900, 50], boundaryCelsius: [32])
        XCTAssertTrue(try network.trajectory(from: [40, 35], inputs: cool).crossings(node: 0, celsius: 70, within: 1e4).isEmpty)
        let hot = ThermalNetwork.Inputs(powerWatts: [1100, 50], boundaryCelsius: [32])
        let trajectory = network.trajectory(from: [40, 35], inputs: hot)
        let crossings = try trajectory.crossings(node: 0, celsius: 70, within: 1e4)
        XCTAssertEqual(crossings.count, 1)
        let t = crossings[0].timeSeconds
        XCTAssertEqual(trajectory.celsius(node: 0, at: t), 70, accuracy: 1e-9)
        let chain = ThermalChain(moduleCapacitanceJoulesPerKelvin: 150, moduleResistanceKelvinPerWatt: 0.03,
                                 sinkCapacitanceJoulesPerKelvin: 2000, modulesPerSink: 1, sinkConductanceWattsPerKelvin: 120)
        let reference = chain.trajectory(from: .init(moduleCelsius: 40, sinkCelsius: 35),
                                         inputs: .init(modulePowerWatts: 1100, sinkPowerWatts: 50, coolantCelsius: 32))
        XCTAssertEqual(t, try XCTUnwrap(reference.intervalAbove(70, until: 1e4)).lowerBound, accuracy: 1e-8)
        XCTAssertEqual(try trajectory.firstRisingCrossing(node: 0, celsius: 70, within: 1e4), t)
    }

    /// A die that was just loaded (cold die, 1,100 W) on a plate that is still hot from before
    /// (T₂ = 60 °C) with cold 10 °C supply water overshoots and falls back: it crosses 60 °C going up
    /// and then going down, and the exact maximum equals a fine scan of the exact solution.
    func testOvershootHasTwoCrossingsAndExactMaximum() throws {
        let network = try makeNetwork()
        let trajectory = network.trajectory(from: [30, 60], inputs: .init(powerWatts: [1100, 0], boundaryCelsius: [10]))
        let peak = try trajectory.maximum(node: 0, until: 600)
        let scanned = stride(from: 0.0, through: 600, by: 0.001).map { trajectory.celsius(node: 0, at: $0) }.max()!
        XCTAssertEqual(peak.celsius, scanned, accuracy: 1e-6)
        XCTAssertGreaterThan(peak.timeSeconds, 0)
        let crossings = try trajectory.crossings(node: 0, celsius: peak.celsius - 2, within: 600)
        XCTAssertEqual(crossings.map(\.rising), [true, false])
        for c in crossings { XCTAssertEqual(trajectory.celsius(node: 0, at: c.timeSeconds), peak.celsius - 2, accuracy: 1e-8) }
    }

    /// A node with no path to a boundary heats linearly, dT/dt = P/C = 100/1000 = 0.1 K/s, exactly;
    /// it has no steady state (the error says so).
    func testFloatingNodeHeatsLinearly() throws {
        let network = try ThermalNetwork(nodeNames: ["tank"], capacitancesJoulesPerKelvin: [1000], links: [], boundaryLinks: [], boundaryCount: 0)
        let trajectory = network.trajectory(from: [30], inputs: .init(powerWatts: [100], boundaryCelsius: []))
        XCTAssertEqual(trajectory.celsius(node: 0, at: 200), 50, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(trajectory.firstRisingCrossing(node: 0, celsius: 70, within: 1000)), 400, accuracy: 1e-8)
        XCTAssertThrowsError(try network.steadyState(.init(powerWatts: [100], boundaryCelsius: []))) {
            XCTAssertTrue("\($0)".contains("no steady state"))
        }
    }

    /// The three-node GPU chain (junction → case → coolant) matches GSL's integration to 1e-7 relative.
    /// Junction 50 J/K, 0.02 K/W to a 150 J/K case, 0.016 K/W to 2,000 J/K of coolant, 139 W/K to 30 °C.
    func testThreeNodeChainMatchesODE() throws {
        let network = try ThermalNetwork.gpuChain(junctionCapacitanceJoulesPerKelvin: 50, junctionToCaseKelvinPerWatt: 0.02,
                                                  caseCapacitanceJoulesPerKelvin: 150, caseToCoolantKelvinPerWatt: 0.016,
                                                  coolantCapacitanceJoulesPerKelvin: 2000, coolantConductanceWattsPerKelvin: 139)
        let inputs = ThermalNetwork.Inputs(powerWatts: [700, 0, 0], boundaryCelsius: [30])
        let ode = ODESystem(dimension: 3) { _, y, dy in
            let q01 = (y[0] - y[1]) / 0.02, q12 = (y[1] - y[2]) / 0.016
            dy[0] = (700 - q01) / 50
            dy[1] = (q01 - q12) / 150
            dy[2] = (q12 - 139 * (y[2] - 30)) / 2000
        }
        let trajectory = network.trajectory(from: [30, 30, 30], inputs: inputs)
        for t in [0.2, 3.0, 40.0, 400.0] {
            var y = [30.0, 30, 30]
            try ODEIntegrator.integrate(ode, state: &y, from: 0, to: t, stepper: .rk8pd, absoluteTolerance: 1e-12, relativeTolerance: 1e-12)
            let exact = trajectory.state(at: t)
            for i in 0..<3 { XCTAssertEqual(exact[i], y[i], accuracy: 1e-7 * abs(y[i]), "node \(i), t = \(t)") }
        }
    }
}

final class ThermalChainNetworkTests: XCTestCase {
    /// An immersion tank as `ThermalChain` (32 modules of 600 J/K at 0.06 K/W in 2 MJ/K of fluid, 3 kW/K
    /// to 30 °C water, 700 W per GPU, 4 kW other) and as its two-node network agree to 1e-9 K over an hour
    /// — two independent closed forms (the chain's 2×2 eigen-solution, the network's Jacobi modes).
    func testChainAndNetworkAgree() throws {
        let chain = ThermalChain(moduleCapacitanceJoulesPerKelvin: 600, moduleResistanceKelvinPerWatt: 0.06,
                                 sinkCapacitanceJoulesPerKelvin: 2e6, modulesPerSink: 32, sinkConductanceWattsPerKelvin: 3000)
        let inputs = ThermalChain.Inputs(modulePowerWatts: 700, sinkPowerWatts: 4000, coolantCelsius: 30)
        let a = chain.trajectory(from: .init(moduleCelsius: 35, sinkCelsius: 33), inputs: inputs)
        let b = try chain.network().trajectory(from: [35, 33], inputs: chain.networkInputs(inputs))
        for t in [0.0, 1, 30, 600, 3600] {
            XCTAssertEqual(a.state(at: t).moduleCelsius, b.celsius(node: 0, at: t), accuracy: 1e-9, "t = \(t)")
            XCTAssertEqual(a.state(at: t).sinkCelsius, b.celsius(node: 1, at: t), accuracy: 1e-9, "t = \(t)")
        }
        XCTAssertEqual(a.heatToCoolantJoules(until: 3600), b.heatToBoundariesJoules(until: 3600), accuracy: 1e-6 * a.heatToCoolantJoules(until: 3600))
    }
}

final class MatrixExponentialTests: XCTestCase {
    /// e^(θ·J) with J = [[0, 1], [−1, 0]] is the rotation [[cos θ, sin θ], [−sin θ, cos θ]] (complex
    /// eigenvalues ±i, which the symmetric path could not handle); θ = 7.3 needs several squarings.
    func testRotationGenerator() throws {
        let theta = 7.3
        let e = try SmallMatrix(rows: [[0, theta], [-theta, 0]]).exponential()
        XCTAssertEqual(e[0, 0], cos(theta), accuracy: 1e-13)
        XCTAssertEqual(e[0, 1], sin(theta), accuracy: 1e-13)
        XCTAssertEqual(e[1, 0], -sin(theta), accuracy: 1e-13)
        XCTAssertEqual(e[1, 1], cos(theta), accuracy: 1e-13)
    }

    /// (e^(−t) − ½)(e^(−t) − ¼) = e^(−2t) − ¾e^(−t) + ⅛ has its roots at t = ln 2 and t = ln 4 and
    /// changes sign at both; e^(−t) + 1 has none.
    func testExponentialSumRoots() throws {
        let h = ExponentialSum([.init(coefficient: 1, rate: -2), .init(coefficient: -0.75, rate: -1), .init(coefficient: 0.125, rate: 0)])
        let roots = try h.signChanges(in: 0, 10)
        XCTAssertEqual(roots.count, 2)
        XCTAssertEqual(roots[0], log(2), accuracy: 1e-9)
        XCTAssertEqual(roots[1], log(4), accuracy: 1e-9)
        XCTAssertTrue(try ExponentialSum([.init(coefficient: 1, rate: -1), .init(coefficient: 1, rate: 0)]).signChanges(in: 0, 10).isEmpty)
    }
}
