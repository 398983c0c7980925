import Foundation
import XCTest
@testable import FacilitySim
import Scenario

/// The shipped pump-failure scenario (issue 6 acceptance): a hot week, the spare pump out for maintenance, a
/// running pump failing at the hottest afternoon; the three clock controllers side by side.
final class PumpFailureHeatwaveTests: XCTestCase {
    func run(_ controller: ThermalManagementBlock.Controller, failure: Bool = true) throws -> RunSummary {
        var spec = try ScenarioLoader.load(path: ShippedScenarioTests.scenario("pump-failure-heatwave.yaml"))
        spec.thermalManagement.controller = controller
        if !failure { spec.reliability = ReliabilitySpec() }
        return try FacilitySimulation(spec: spec).run().summary
    }

    /// Without control the failure heats the GPUs well beyond the same week without it (half the flow doubles the
    /// tank-to-water rise); predictive keeps every GPU ≤ 70 °C + 0.1 K and loses less throughput (and fewer tokens) than reactive;
    /// the loop is short of a pump for exactly 39 h (availability ≤ 1 − 39/168 without throttling); energy closes.
    func testControllersThroughThePumpFailure() throws {
        let calm = try run(.none, failure: false)
        let none = try run(.none), reactive = try run(.reactive), predictive = try run(.predictive)
        XCTAssertGreaterThan(none.maxGpuTemperatureCelsius, calm.maxGpuTemperatureCelsius + 5)
        XCTAssertEqual(none.coolingUnitFailures, 2)
        XCTAssertEqual(try XCTUnwrap(none.availability), 1 - 39.0 / 168, accuracy: 1e-9)
        XCTAssertLessThanOrEqual(predictive.maxGpuTemperatureCelsius, 70.1)
        XCTAssertLessThan(predictive.throughputLostFraction, reactive.throughputLostFraction)
        XCTAssertLessThan(try XCTUnwrap(predictive.tokensLostToThrottling), try XCTUnwrap(reactive.tokensLostToThrottling))
        XCTAssertEqual(none.tokensLostToThrottling, 0)
        XCTAssertLessThan(reactive.secondsAboveGpuLimit, none.secondsAboveGpuLimit)
        for s in [calm, none, reactive, predictive] {
            XCTAssertLessThanOrEqual(s.energyBalanceRelativeError, 1e-9, s.throttleController)
        }
    }
}
