import Foundation
import XCTest
import FacilitySim
import Scenario

/// Small scenarios for study tests: synthetic weather, one day, a few GPUs (each run takes milliseconds).
enum StudyFixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A one-day immersion hall of 64 GPUs under synthetic weather and a diurnal load, with pumps (MTBF 30 h, N+1) and
    /// GPUs (MTBF 200 h) failing often enough that replications differ.
    static let text = """
    name: study-fixture
    seed: 7
    horizon: 24h
    sampling_interval: 1h
    facility:
      gpus: 64
    cooling_system:
      primary: liquid_immersion
    thermal_management:
      gpu_temperature_threshold: 70°C
      automatic_throttling: enabled
    heat_rejection:
      supply_setpoint: 30°C
    weather:
      synthetic:
        mean: 20°C
    load:
      profile: diurnal
      mean: 0.7
      amplitude: 0.2
    reliability:
      cooling_units:
        - {name: facility_pumps, component: pump, needed: 2, spares: 1, role: coolant_flow, mtbf: 30h, mttr: 6h}
      gpu_failures: enabled
      gpu:
        mtbf: 200h
    """

    /// A fresh temporary directory, removed when the test ends.
    static func temporaryDirectory(_ test: XCTestCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("studies-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// Writes the fixture (with `extra` appended) into `directory` and returns its path.
    static func writeScenario(in directory: URL, extra: String = "") throws -> String {
        let url = directory.appendingPathComponent("fixture.yaml")
        try Data((text + "\n" + extra).utf8).write(to: url)
        return url.path
    }

    static func spec(overrides: [ScenarioOverride] = []) throws -> ScenarioSpec {
        try ScenarioLoader.parse(text, file: "fixture.yaml", baseDirectory: packageRoot, overrides: overrides)
    }
}
