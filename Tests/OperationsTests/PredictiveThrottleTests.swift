import FacilityModels
import XCTest
@testable import Operations

final class PredictiveThrottleTests: XCTestCase {
    /// H100-SXM power model and an immersion chain (0.06 K/W, 600 J/K; tank of 32 modules) starting hot.
    let accelerator = try! AcceleratorCatalogue.spec(named: "H100-SXM")
    let chain = ThermalChain(moduleCapacitanceJoulesPerKelvin: 600, moduleResistanceKelvinPerWatt: 0.06,
                             sinkCapacitanceJoulesPerKelvin: 1.2e6, modulesPerSink: 32, sinkConductanceWattsPerKelvin: 2560)

    func forecast(state: ThermalChain.State, utilisation u: Double, window: Double) -> (Int) -> Double {
        { index in
            let inputs = ThermalChain.Inputs(modulePowerWatts: self.accelerator.powerWatts(utilisation: u, clock: self.accelerator.clockStates[index]),
                                             sinkPowerWatts: 32 * 300, coolantCelsius: 30)
            return self.chain.trajectory(from: state, inputs: inputs).maximumModuleCelsius(until: window)
        }
    }

    /// Brute force: for each clock state, sample the exact module temperature every 10 ms over the 60 s window
    /// and take the maximum; the expected choice is the first (highest) clock whose sampled maximum is ≤ 70 °C.
    /// The predictive controller (closed-form peak) must choose the same state, for several starting states
    /// and loads; the test checks that no sampled peak lies within 1e-3 K of 70 °C, where the 10 ms sampling
    /// could disagree with the exact peak.
    func testChoosesHighestClockWhoseExactForecastPeakIsUnderThreshold() throws {
        let p = try PredictiveThrottle(thresholdCelsius: 70, forecastHorizonSeconds: 60)
        let cases: [(ThermalChain.State, Double)] = [(.init(moduleCelsius: 66, sinkCelsius: 41), 0.9),
                                                     (.init(moduleCelsius: 69, sinkCelsius: 43), 0.75),
                                                     (.init(moduleCelsius: 60, sinkCelsius: 39), 1.0),
                                                     (.init(moduleCelsius: 55, sinkCelsius: 35), 0.6)]
        var nontrivial = 0
        for (state, u) in cases {
            var brute = accelerator.clockStates.count - 1
            for index in accelerator.clockStates.indices {
                let inputs = ThermalChain.Inputs(modulePowerWatts: accelerator.powerWatts(utilisation: u, clock: accelerator.clockStates[index]),
                                                 sinkPowerWatts: 32 * 300, coolantCelsius: 30)
                let trajectory = chain.trajectory(from: state, inputs: inputs)
                let peak = stride(from: 0.0, through: 60.0, by: 0.01).map { trajectory.moduleCelsius(at: $0) }.max()!
                XCTAssertGreaterThan(abs(peak - 70), 1e-3)
                if peak <= 70 { brute = index; break }
            }
            if brute > 0 { nontrivial += 1 }
            let o = ThrottleObservation(timeSeconds: 0, junctionCelsius: state.moduleCelsius, clockIndex: 0,
                                        clockStateCount: accelerator.clockStates.count,
                                        forecastPeakCelsius: forecast(state: state, utilisation: u, window: 60))
            XCTAssertEqual(p.decide(o), brute, "state \(state), u \(u)")
        }
        XCTAssertGreaterThan(nontrivial, 0, "at least one case must need throttling")
    }

    /// When no state keeps the forecast under the threshold (already at 75 °C: the peak over the window is at
    /// least the present 75 °C), the controller runs at the slowest state, index 10 of 11; without a forecast
    /// it keeps the clock it has.
    func testSlowestWhenNothingIsSafeAndUnchangedWithoutForecast() throws {
        let p = try PredictiveThrottle(thresholdCelsius: 70)
        let hot = ThermalChain.State(moduleCelsius: 75, sinkCelsius: 45)
        let o = ThrottleObservation(timeSeconds: 0, junctionCelsius: 75, clockIndex: 2, clockStateCount: 11,
                                    forecastPeakCelsius: forecast(state: hot, utilisation: 1, window: 60))
        XCTAssertEqual(p.decide(o), 10)
        XCTAssertEqual(p.decide(ThrottleObservation(timeSeconds: 0, junctionCelsius: 75, clockIndex: 2, clockStateCount: 11)), 2)
        XCTAssertEqual(ThrottleController.none.decide(o), 2)
        XCTAssertThrowsError(try PredictiveThrottle(thresholdCelsius: 70, forecastHorizonSeconds: 0))
    }

    /// The crossing helper: first time above 70 °C on a rising trajectory matches a bisection on the exact
    /// solution to 1e-6 s; a window that starts above returns its start; below-level search on the same
    /// rising trajectory from a point already above the level returns nil.
    func testFirstTimeCrossingHelpers() {
        let trajectory = chain.trajectory(from: .init(moduleCelsius: 60, sinkCelsius: 41),
                                          inputs: .init(modulePowerWatts: 640, sinkPowerWatts: 32 * 250, coolantCelsius: 30))
        var lo = 0.0, hi = 600.0
        XCTAssertGreaterThan(trajectory.moduleCelsius(at: hi), 70)
        for _ in 0..<80 { let mid = 0.5 * (lo + hi); if trajectory.moduleCelsius(at: mid) > 70 { hi = mid } else { lo = mid } }
        let t = trajectory.firstTime(moduleAbove: 70, from: 0, until: 600)
        XCTAssertEqual(t ?? -1, hi, accuracy: 1e-6)
        XCTAssertEqual(trajectory.firstTime(moduleAbove: 70, from: hi + 1, until: 600), hi + 1)
        XCTAssertNil(trajectory.firstTime(moduleBelow: 60, from: hi, until: 600))
    }
}
