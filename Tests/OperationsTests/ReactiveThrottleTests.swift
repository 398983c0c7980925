import FacilityModels
import XCTest
@testable import Operations

final class ReactiveThrottleTests: XCTestCase {
    func observation(_ celsius: Double, clock: Int, count: Int = 11) -> ThrottleObservation {
        ThrottleObservation(timeSeconds: 0, junctionCelsius: celsius, clockIndex: clock, clockStateCount: count)
    }

    /// Threshold 70 °C, hysteresis 3 K: a reading of 70.5 °C (> 70) steps down one state (3 → 4); 68 °C lies in
    /// the band [67, 70] and holds (3 → 3); 66.9 °C (< 67) steps up one state (3 → 2). Exact integers.
    func testStepsDownAboveThresholdAndUpOnlyBelowHysteresisBand() throws {
        let r = try ReactiveThrottle(thresholdCelsius: 70, hysteresisKelvin: 3)
        XCTAssertEqual(r.decide(observation(70.5, clock: 3)), 4)
        XCTAssertEqual(r.decide(observation(70.0, clock: 3)), 3, "at the threshold itself: not above, holds")
        XCTAssertEqual(r.decide(observation(68, clock: 3)), 3)
        XCTAssertEqual(r.decide(observation(67.0, clock: 3)), 3, "at threshold − hysteresis: not below, holds")
        XCTAssertEqual(r.decide(observation(66.9, clock: 3)), 2)
    }

    /// At either end of the clock table the controller cannot step further: slowest (10 of 11) stays 10 when
    /// hot, full clock (0) stays 0 when cool.
    func testClampsAtTheEndsOfTheClockTable() throws {
        let r = try ReactiveThrottle(thresholdCelsius: 70)
        XCTAssertEqual(r.decide(observation(90, clock: 10)), 10)
        XCTAssertEqual(r.decide(observation(20, clock: 0)), 0)
    }

    /// Parameters out of range are refused with an error (no trap): period ≤ 0, negative hysteresis,
    /// actuation delay not shorter than the period.
    func testRejectsBadParameters() {
        XCTAssertThrowsError(try ReactiveThrottle(thresholdCelsius: 70, sensorPeriodSeconds: 0))
        XCTAssertThrowsError(try ReactiveThrottle(thresholdCelsius: 70, hysteresisKelvin: -1))
        XCTAssertThrowsError(try ReactiveThrottle(thresholdCelsius: 70, sensorPeriodSeconds: 1, actuationDelaySeconds: 1))
    }

    /// A hot-start immersion chain (0.06 K/W, 600 J/K module; 32 modules in a tank) heating at 640 W from 60 °C:
    /// the first reading that triggers is the first tick k·P at which the exact module temperature is above
    /// 70 °C. Expected value by brute force: scan every tick of P = 1 s (and P = 0.25 s) with the closed-form
    /// temperature until one is above 70 °C. The event-driven answer must be that same tick, exactly.
    func testNextDecisionTimeIsTheFirstTriggeringTickByBruteForce() throws {
        let chain = ThermalChain(moduleCapacitanceJoulesPerKelvin: 600, moduleResistanceKelvinPerWatt: 0.06,
                                 sinkCapacitanceJoulesPerKelvin: 1.2e6, modulesPerSink: 32, sinkConductanceWattsPerKelvin: 2560)
        let state = ThermalChain.State(moduleCelsius: 60, sinkCelsius: 41)
        let inputs = ThermalChain.Inputs(modulePowerWatts: 640, sinkPowerWatts: 32 * 250, coolantCelsius: 30)
        let trajectory = chain.trajectory(from: state, inputs: inputs)
        let start = 7200.0   // the trajectory begins at an hourly step, absolute 2 h
        for period in [1.0, 0.25] {
            let r = try ReactiveThrottle(thresholdCelsius: 70, sensorPeriodSeconds: period, actuationDelaySeconds: 0)
            var brute: Double?
            var k = 0.0
            while k * period <= 3600 {
                if trajectory.moduleCelsius(at: k * period) > 70 { brute = start + k * period; break }
                k += 1
            }
            let expected = try XCTUnwrap(brute, "the chain must cross 70 °C within the hour for this test to mean anything")
            let t = r.nextDecisionTime(trajectory: trajectory, start: start, from: start, until: start + 3600,
                                       canStepDown: true, canStepUp: false)
            XCTAssertEqual(t, expected, "period \(period) s")
        }
    }

    /// Cooling after a step down: from 72 °C at 320 W the module falls through 67 °C; with step-up allowed the
    /// first triggering tick is the first k·P with T < 67 °C (brute-force scan as above); with step-up not
    /// allowed (already at full clock) there is no reading that changes anything: nil.
    func testNextDecisionTimeForStepUpAndWhenNothingCanChange() throws {
        let chain = ThermalChain(moduleCapacitanceJoulesPerKelvin: 600, moduleResistanceKelvinPerWatt: 0.06,
                                 sinkCapacitanceJoulesPerKelvin: 1.2e6, modulesPerSink: 32, sinkConductanceWattsPerKelvin: 2560)
        let trajectory = chain.trajectory(from: .init(moduleCelsius: 72, sinkCelsius: 40),
                                          inputs: .init(modulePowerWatts: 320, sinkPowerWatts: 32 * 250, coolantCelsius: 30))
        let r = try ReactiveThrottle(thresholdCelsius: 70, hysteresisKelvin: 3)
        var k = 0.0
        while trajectory.moduleCelsius(at: k) >= 67 { k += 1 }
        XCTAssertLessThan(k, 3600)
        // With step-down allowed the module is still above 70 °C at the first tick ≥ 0.5 s, t = 1 s
        // (≈ 72 − 13 K·1/36 s ≈ 71.6 °C, module time constant 36 s), so that reading steps down.
        XCTAssertGreaterThan(trajectory.moduleCelsius(at: 1), 70)
        XCTAssertEqual(r.nextDecisionTime(trajectory: trajectory, start: 0, from: 0.5, until: 3600, canStepDown: true, canStepUp: true), 1)
        XCTAssertEqual(r.nextDecisionTime(trajectory: trajectory, start: 0, from: 1.5, until: 3600, canStepDown: false, canStepUp: true), k)
        XCTAssertNil(r.nextDecisionTime(trajectory: trajectory, start: 0, from: 1.5, until: 3600, canStepDown: false, canStepUp: false))
    }
}
