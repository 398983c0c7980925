import Foundation
import XCTest
@testable import FacilitySim
@testable import Scenario

/// `thermal_management.controller` and its parameters, and the `start:` hour.
final class ThrottlingScenarioTests: XCTestCase {
    static let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenarios")

    func text(_ thermal: String, extra: String = "") -> String {
        """
        name: t
        horizon: 24h
        \(extra)
        facility:
          gpus: 32
        cooling_system:
          primary: liquid_immersion
        thermal_management:
        \(thermal)
        weather:
          file: weather/tmy3-723170-greensboro-nc.csv
        """
    }

    func parse(_ t: String) throws -> ScenarioSpec { try ScenarioLoader.parse(t, file: "s.yaml", baseDirectory: Self.dir) }

    func messages(_ t: String) -> [String] {
        do { _ = try parse(t); return [] } catch let e as ScenarioError { return e.diagnostics.map(\.description) } catch { return ["\(error)"] }
    }

    /// Defaults: reactive when automatic_throttling is enabled, none when disabled; sensor period 1 s,
    /// actuation delay 0.1 s, hysteresis 3 K, forecast horizon 60 s (the sourced/assumed Operations defaults).
    func testDefaultsFollowAutomaticThrottling() throws {
        let on = try parse(text("  automatic_throttling: enabled")).thermalManagement
        XCTAssertEqual(on.controller, .reactive)
        XCTAssertEqual(on.sensorPeriodSeconds, 1)
        XCTAssertEqual(on.actuationDelaySeconds, 0.1)
        XCTAssertEqual(on.hysteresisKelvin, 3)
        XCTAssertEqual(on.forecastHorizonSeconds, 60)
        XCTAssertEqual(try parse(text("  automatic_throttling: disabled")).thermalManagement.controller, ThermalManagementBlock.Controller.none)
    }

    /// Explicit values with units: `predictive`, 500 ms, 50 ms, 2 K, 2 min → 0.5 s, 0.05 s, 2 K, 120 s.
    func testExplicitValuesWithUnits() throws {
        let t = try parse(text("""
          controller: predictive
          sensor_period: 500 ms
          actuation_delay: 50 ms
          hysteresis: 2 K
          forecast_horizon: 2 min
        """)).thermalManagement
        XCTAssertEqual(t.controller, .predictive)
        XCTAssertEqual(t.sensorPeriodSeconds, 0.5, accuracy: 1e-12)
        XCTAssertEqual(t.actuationDelaySeconds, 0.05, accuracy: 1e-12)
        XCTAssertEqual(t.hysteresisKelvin, 2, accuracy: 1e-12)
        XCTAssertEqual(t.forecastHorizonSeconds, 120, accuracy: 1e-12)
    }

    /// Cross-field and range rules give located errors: a controller with throttling disabled, a delay not
    /// shorter than the period, an unknown controller, a start that is not a whole hour.
    func testErrors() {
        XCTAssert(messages(text("  automatic_throttling: disabled\n  controller: reactive")).contains { $0.contains("controller") && $0.contains("automatic_throttling") })
        XCTAssert(messages(text("  sensor_period: 1 s\n  actuation_delay: 2 s")).contains { $0.contains("actuation_delay") && $0.contains("shorter") })
        XCTAssert(messages(text("  controller: smart")).contains { $0.contains("thermal_management.controller") })
        XCTAssert(messages(text("  controller: none", extra: "start: 90 min")).contains { $0.contains("start") && $0.contains("whole") })
    }

    /// `start: 4512h` → startHour 4,512 (8 July 00:00 of the TMY year).
    func testStart() throws {
        XCTAssertEqual(try parse(text("  controller: none", extra: "start: 4512h")).startHour, 4512)
        XCTAssertEqual(try parse(text("  controller: none")).startHour, 0)
    }
}
