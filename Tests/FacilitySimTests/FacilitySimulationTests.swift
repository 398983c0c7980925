import Foundation
import XCTest
@testable import FacilityModels
@testable import FacilitySim

final class FacilitySimulationTests: XCTestCase {
    /// A day of 32 direct-to-chip H100s at constant full load in a constant synthetic climate.
    func makeSpec(load: LoadSpec = .constant(utilisation: 1), hours: Double = 24, limit: Double = 70) -> ScenarioSpec {
        ScenarioSpec(name: "unit", seed: 1, horizonSeconds: hours * 3600, samplingIntervalSeconds: 3600,
                     facility: FacilitySpec(accelerator: "H100-SXM", gpus: 32, gpusPerRack: 32),
                     coolingSystem: CoolingSystemBlock(primary: .directToChip),
                     thermalManagement: ThermalManagementBlock(gpuTemperatureThresholdCelsius: limit),
                     plant: PlantSpec(supplySetpointCelsius: 30),
                     weather: .synthetic(meanCelsius: 10, annualAmplitudeKelvin: 0, dailyAmplitudeKelvin: 0,
                                         hottestDayOfYear: 200, relativeHumidity: 0.5),
                     load: load)
    }

    /// Constant load in constant weather from the steady state stays at the steady state. The hand value:
    /// cold-plate coolant at 30 + 3 K (CDU approach) = 33 °C; node 2 (plate coolant) at
    /// 33 + (700 + captured other heat)/G₂ with G₂ = 2/60·0.9956·4177; module = node 2 + 700·(0.02 + 0.0172).
    func testSteadyStateHandValue() throws {
        let result = try FacilitySimulation(spec: makeSpec()).run()
        let server = (700.0 + 250) / 0.95
        let captured = 0.945 * server - 700
        let g2 = 2.0 / 60 * 0.9956 * 4177
        let expected = 33 + (700 + captured) / g2 + 700 * (0.02 + 0.0172)
        XCTAssertEqual(result.summary.maxGpuTemperatureCelsius, expected, accuracy: 1e-9)
        XCTAssertEqual(result.summary.meanItPowerWatts, 32 * server, accuracy: 1e-6)
        XCTAssertEqual(result.summary.secondsAboveGpuLimit, 0)
    }

    /// With the limit below the steady temperature, every GPU is above it the whole day:
    /// seconds above = 86,400 s and GPU-seconds above = 32·86,400.
    func testTimeAboveLimitWhenAlwaysAbove() throws {
        let result = try FacilitySimulation(spec: makeSpec(limit: 40)).run()
        XCTAssertEqual(result.summary.secondsAboveGpuLimit, 86_400, accuracy: 1e-6)
        XCTAssertEqual(result.summary.gpuSecondsAboveLimit, 32 * 86_400, accuracy: 1e-3)
    }

    /// The union of intervals above the limit counts overlapping time once: [0,2] ∪ [1,3] ∪ [5,6] = 4.
    func testUnionLength() {
        XCTAssertEqual(FacilitySimulation.unionLength([0...2, 1...3, 5...6]), 4)
        XCTAssertEqual(FacilitySimulation.unionLength([]), 0)
        XCTAssertEqual(FacilitySimulation.unionLength([2...2.5]), 0.5)
    }

    /// The time series has one row per sampling instant from 0 to the horizon inclusive, in order.
    func testTimeSeriesRows() throws {
        let result = try FacilitySimulation(spec: makeSpec(load: .diurnal(mean: 0.6, amplitude: 0.3, peakHour: 15))).run()
        let times = try XCTUnwrap(result.timeSeries.column("time_s"))
        XCTAssertEqual(times, (0...24).map { Double($0) * 3600 })
        let util = try XCTUnwrap(result.timeSeries.column("utilisation"))
        XCTAssertEqual(util.max()!, 0.6 + 0.3 * cos(2 * .pi * 0.5 / 24), accuracy: 1e-12, "peak hour 15:00–16:00 sampled at its middle")
    }

    /// An unknown accelerator is refused with the list of known names.
    func testUnknownAccelerator() {
        var spec = makeSpec()
        spec.facility.accelerator = "TPU-v9"
        XCTAssertThrowsError(try FacilitySimulation(spec: spec)) { error in
            XCTAssertTrue("\(error)".contains("H100-SXM"), "\(error)")
        }
    }
}
