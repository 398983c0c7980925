import Foundation
import XCTest
@testable import FacilityModels
@testable import FacilitySim

/// Clock control in a small facility: one tank of 32 immersed H100s on 30 °C water under a diurnal load (mean 0.7 ± 0.3,
/// peak 15:00), with the chip-to-fluid resistance set to 0.06 K/W (above the catalogue's 0.04 K/W default, so that the
/// controllers have work to do). At full clock and full load the GPUs settle at 42.5 + 700·0.06 = 84.5 °C
/// (as `testImmersionTankSteadyTemperature` with 0.06 K/W), so the afternoon exceeds 70 °C without control.
final class ThrottlingSimulationTests: XCTestCase {
    func spec(_ controller: ThermalManagementBlock.Controller, hours: Double = 48) -> ScenarioSpec {
        var plant = PlantSpec(supplySetpointCelsius: 30)
        plant.immersionJunctionToFluid = 0.06
        return ScenarioSpec(name: "throttle", horizonSeconds: hours * 3600, samplingIntervalSeconds: 600,
                     facility: FacilitySpec(accelerator: "H100-SXM", gpus: 32, gpusPerTank: 32),
                     coolingSystem: CoolingSystemBlock(primary: .liquidImmersion),
                     thermalManagement: ThermalManagementBlock(gpuTemperatureThresholdCelsius: 70, automaticThrottling: controller != .none,
                                                               controller: controller),
                     plant: plant,
                     weather: .synthetic(meanCelsius: 10, annualAmplitudeKelvin: 0, dailyAmplitudeKelvin: 0,
                                         hottestDayOfYear: 200, relativeHumidity: 0.5),
                     load: .diurnal(mean: 0.7, amplitude: 0.3, peakHour: 15))
    }

    /// Expected orderings (no closed form for the whole run, so the test asserts the properties the
    /// controllers are built for, each with its tolerance):
    /// - without control the GPUs exceed 70 °C for hours (the steady state at the afternoon load is ≈ 80 °C);
    /// - predictive keeps every GPU ≤ 70 °C + 0.1 K (each clock in force had an exact forecast ≤ 70 °C; the
    ///   margin covers Brent's tolerance only) and loses less throughput than reactive, which must hold a
    ///   hysteresis band below the limit and steps only one state per reading;
    /// - reactive spends less time above the limit than none (it overshoots only until its readings act);
    /// - the energy balance closes to ≤ 1e-9 in all three runs (clock changes are events, so inputs stay
    ///   piecewise constant).
    func testPredictiveBeatsReactiveBeatsNone() throws {
        let none = try FacilitySimulation(spec: spec(.none)).run().summary
        let reactive = try FacilitySimulation(spec: spec(.reactive)).run().summary
        let predictive = try FacilitySimulation(spec: spec(.predictive)).run().summary
        XCTAssertGreaterThan(none.maxGpuTemperatureCelsius, 75)
        XCTAssertGreaterThan(none.secondsAboveGpuLimit, 3600)
        XCTAssertEqual(none.throughputLostFraction, 0)
        XCTAssertEqual(none.throttledFraction, 0)
        XCTAssertLessThanOrEqual(predictive.maxGpuTemperatureCelsius, 70.1)
        XCTAssertGreaterThan(predictive.throttledFraction, 0)
        XCTAssertLessThan(predictive.throughputLostFraction, reactive.throughputLostFraction)
        XCTAssertLessThan(reactive.secondsAboveGpuLimit, none.secondsAboveGpuLimit)
        XCTAssertGreaterThan(reactive.clockChanges, 0)
        for s in [none, reactive, predictive] {
            XCTAssertLessThanOrEqual(s.energyBalanceRelativeError, 1e-9, s.throttleController)
            XCTAssert((0...1).contains(s.throttledFraction) && (0...1).contains(s.throughputLostFraction))
        }
        XCTAssertEqual([none, reactive, predictive].map(\.throttleController), ["none", "reactive", "predictive"])
        // Throttling lowers GPU power, so IT energy falls: none > reactive and none > predictive.
        XCTAssertLessThan(predictive.itEnergyJoules, none.itEnergyJoules)
        XCTAssertLessThan(reactive.itEnergyJoules, none.itEnergyJoules)
    }

    /// Throughput lost is bounded by the clock table: at the slowest state (f = 0.5) memory-bound decode keeps
    /// 1/(0.85 + 0.15/0.5) = 0.8696 of its throughput, so no run can lose more than 13.04 % (1e-12); and a
    /// run that is never throttled loses nothing.
    func testThroughputLossBoundedByTheSlowestState() throws {
        let s = try FacilitySimulation(spec: spec(.reactive)).run().summary
        XCTAssertLessThanOrEqual(s.throughputLostFraction, 1 - 1 / (0.85 + 0.15 / 0.5) + 1e-12)
        XCTAssertLessThanOrEqual(s.throughputLostFraction, s.throttledFraction)
    }

    /// Determinism: the same spec twice gives identical summaries (except the wall clock) and time series,
    /// for both controllers.
    func testDeterministic() throws {
        for controller in [ThermalManagementBlock.Controller.reactive, .predictive] {
            var a = try FacilitySimulation(spec: spec(controller, hours: 24)).run()
            var b = try FacilitySimulation(spec: spec(controller, hours: 24)).run()
            a.summary.wallSeconds = 0
            b.summary.wallSeconds = 0
            XCTAssertEqual(a.summary, b.summary)
            XCTAssertEqual(a.timeSeries, b.timeSeries)
        }
    }

    /// A start hour shifts the weather and load: starting at hour 15 of a diurnal load gives a first-hour
    /// utilisation of 0.7 + 0.3·cos(2π·0.5/24) (the 15:00–16:00 hour sampled at its middle), the same as
    /// hour 15 of a run from 0.
    func testStartHourShiftsTheProfiles() throws {
        var s = spec(.none, hours: 1)
        s.startHour = 15
        let result = try FacilitySimulation(spec: s).run()
        XCTAssertEqual(result.timeSeries.column("utilisation")!.first!, 0.7 + 0.3 * cos(2 * .pi * 0.5 / 24), accuracy: 1e-12)
    }
}
