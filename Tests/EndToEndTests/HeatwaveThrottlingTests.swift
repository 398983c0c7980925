import Foundation
import XCTest
@testable import FacilitySim
import Scenario

/// The shipped heatwave scenario under each clock controller (the file names `predictive`; the others are the
/// same spec with the controller changed).
final class HeatwaveThrottlingTests: XCTestCase {
    func run(_ controller: ThermalManagementBlock.Controller) throws -> RunSummary {
        var spec = try ScenarioLoader.load(path: ShippedScenarioTests.scenario("heatwave-throttling.yaml"))
        spec.thermalManagement.controller = controller
        return try FacilitySimulation(spec: spec).run().summary
    }

    /// A week from hour 4,512 (168 h); full clock exceeds 70 °C for most of it (floating supply up to ≈ 48 °C).
    /// Predictive holds every GPU ≤ 70 °C + 0.1 K and loses less throughput than reactive; reactive spends less
    /// time above 70 °C than none; the energy balance closes to ≤ 1e-9 in each run.
    func testControllersOnTheHeatwave() throws {
        let none = try run(.none), reactive = try run(.reactive), predictive = try run(.predictive)
        XCTAssertEqual(predictive.simulatedSeconds, 168 * 3600)
        XCTAssertGreaterThan(none.secondsAboveGpuLimit, 24 * 3600)
        XCTAssertLessThanOrEqual(predictive.maxGpuTemperatureCelsius, 70.1)
        XCTAssertLessThan(predictive.throughputLostFraction, reactive.throughputLostFraction)
        XCTAssertLessThan(reactive.secondsAboveGpuLimit, none.secondsAboveGpuLimit)
        for s in [none, reactive, predictive] { XCTAssertLessThanOrEqual(s.energyBalanceRelativeError, 1e-9, s.throttleController) }
    }
}
