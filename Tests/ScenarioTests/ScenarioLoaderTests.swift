import Foundation
import XCTest
@testable import FacilitySim
@testable import Scenario

final class ScenarioLoaderTests: XCTestCase {
    static let weatherDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenarios")

    let valid = """
    name: t
    horizon: 24h
    facility:
      gpus: 64
    cooling_system:
      primary: liquid_immersion
      secondary: direct_to_chip
      power_usage_effectiveness_target: 1.1
      heat_recovery: enabled
      redundancy: n+1
    thermal_management:
      gpu_temperature_threshold: 70°C
      automatic_throttling: enabled
      predictive_maintenance: ai_based
    heat_recovery:
      demand: 100 kW
    weather:
      file: weather/tmy3-723170-greensboro-nc.csv
    """

    func parse(_ text: String) throws -> ScenarioSpec { try parseScenario(text) }

    func diagnostics(_ text: String) -> [Diagnostic] { scenarioDiagnostics(text) }

    /// The document's blocks are accepted verbatim and their values converted.
    func testDocumentBlocksVerbatim() throws {
        let spec = try parse(valid)
        XCTAssertEqual(spec.coolingSystem.primary, .liquidImmersion)
        XCTAssertEqual(spec.coolingSystem.secondary, .directToChip)
        XCTAssertEqual(spec.coolingSystem.redundancy, .nPlus1)
        XCTAssertEqual(spec.coolingSystem.powerUsageEffectivenessTarget, 1.1)
        XCTAssertTrue(spec.coolingSystem.heatRecovery)
        XCTAssertEqual(spec.thermalManagement.gpuTemperatureThresholdCelsius, 70)
        XCTAssertEqual(spec.thermalManagement.predictiveMaintenance, .aiBased)
        XCTAssertEqual(spec.horizonSeconds, 86_400)
        XCTAssertEqual(spec.plant.heatRecoveryDemandWatts, 100_000)
    }

    /// Several problems in one file are all reported, each at its own line and column with its field path:
    /// a misspelt key (with a suggestion), a bad unit, an unknown enumeration value.
    func testAllProblemsReportedWithLocations() {
        let text = valid
            .replacingOccurrences(of: "  redundancy: n+1", with: "  redundancyy: n+1")
            .replacingOccurrences(of: "70°C", with: "70 W")
            .replacingOccurrences(of: "primary: liquid_immersion", with: "primary: liquid_imersion")
        let d = diagnostics(text)
        XCTAssertEqual(d.count, 3, d.map(\.description).joined(separator: "\n"))
        let lines = d.map(\.description)
        XCTAssert(lines.contains { $0.hasPrefix("s.yaml:10:3: error: cooling_system.redundancyy: unknown key (did you mean 'redundancy'?)") }, "\(lines)")
        XCTAssert(lines.contains { $0.hasPrefix("s.yaml:12:30: error: thermal_management.gpu_temperature_threshold: unknown unit 'W'") }, "\(lines)")
        XCTAssert(lines.contains { $0.hasPrefix("s.yaml:6:12: error: cooling_system.primary: 'liquid_imersion' is not one of") && $0.contains("did you mean 'liquid_immersion'") }, "\(lines)")
    }

    /// YAML syntax errors, empty files, non-mappings and missing required blocks are errors with a location.
    func testStructuralErrors() {
        XCTAssertTrue(diagnostics("name: [unclosed").first?.description.contains("YAML syntax error") ?? false)
        XCTAssertTrue(diagnostics("").first?.message.contains("empty") ?? false)
        XCTAssertTrue(diagnostics("- a\n- b").first?.message.contains("expected a mapping") ?? false)
        let missing = diagnostics("name: x\nhorizon: 1h\n").map(\.path)
        XCTAssertTrue(missing.contains("facility") && missing.contains("cooling_system") && missing.contains("weather"), "\(missing)")
    }

    /// Range and cross-field rules: a load above 100 %, sampling longer than the horizon, NaN, a heat-recovery
    /// block while heat recovery is disabled, a missing weather file.
    func testRangeAndCrossFieldRules() {
        let bad = valid
            .replacingOccurrences(of: "horizon: 24h", with: "horizon: 24h\nsampling_interval: 2d\nload:\n  profile: diurnal\n  mean: 0.9\n  amplitude: 0.2")
            .replacingOccurrences(of: "gpus: 64", with: "gpus: .nan")
            .replacingOccurrences(of: "heat_recovery: enabled", with: "heat_recovery: disabled")
            .replacingOccurrences(of: "tmy3-723170", with: "missing")
        let paths = Set(diagnostics(bad).map(\.path))
        XCTAssertEqual(paths, ["sampling_interval", "load.amplitude", "facility.gpus", "heat_recovery", "weather.file"])
    }

    /// A load file with a value above 1 is refused with its own file:line.
    func testHourlyLoadFileErrors() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ft-load-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "utilisation\n0.5\n1.5\n".write(to: dir.appendingPathComponent("l.csv"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try HourlyLoadFile.read(dir.appendingPathComponent("l.csv"))) { error in
            XCTAssertTrue("\(error)".contains("l.csv:3:1"), "\(error)")
        }
    }
}

/// Parses scenario text as `s.yaml` beside the shipped scenarios (so `weather/…` paths resolve).
func parseScenario(_ text: String) throws -> ScenarioSpec {
    try ScenarioLoader.parse(text, file: "s.yaml", baseDirectory: ScenarioLoaderTests.weatherDir)
}

/// The diagnostics of scenario text that must be invalid (a test failure when it loads or fails otherwise).
func scenarioDiagnostics(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> [Diagnostic] {
    do {
        _ = try parseScenario(text)
        XCTFail("expected errors", file: file, line: line)
    } catch let error as ScenarioError {
        return error.diagnostics
    } catch {
        XCTFail("unexpected \(error)", file: file, line: line)
    }
    return []
}
