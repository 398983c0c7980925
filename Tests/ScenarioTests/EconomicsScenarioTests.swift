import FacilityModels
import FacilitySim
import Foundation
import XCTest
@testable import Scenario

/// The `economics:` and `limits:` blocks (issue 8): units converted to the model's, errors located.
final class EconomicsScenarioTests: XCTestCase {
    static let head = """
    name: t
    horizon: 1 week
    facility:
      gpus: 64
    cooling_system:
      primary: liquid_immersion
    weather:
      synthetic:
        mean: 20°C

    """

    /// 5 years → 5; 6 % → 0.06; 80 USD/MWh → 0.08 USD/kWh; 0.31 MUSD → 310,000; 2.5 USD/h → 2.5 USD per GPU-hour;
    /// limits: 85 °C, 1 h → 3,600 s, 99.9 % → 0.999, PUE tolerance 0.1 % → 0.001 relative.
    func testBlocksConvertUnits() throws {
        let spec = try ScenarioLoader.parse(Self.head + """
        economics:
          server_price: 0.31 MUSD
          server_amortisation: 5 years
          cost_of_capital: 6 %
          energy_price: 80 USD/MWh
          cloud_reference:
            offering: test cloud
            price_per_gpu_hour: 2.5 USD/h
        limits:
          max_gpu_temperature_celsius: 85°C
          seconds_above_gpu_limit: 1 h
          min_availability: 99.9 %
          tolerances:
            pue: {relative: 0.1 %, absolute: 0}
        """, file: "t.yaml", baseDirectory: URL(fileURLWithPath: "/"))
        let p = try XCTUnwrap(spec.economics?.parameters)
        XCTAssertEqual(p.serverPriceUsd, 310_000, accuracy: 1e-6)
        XCTAssertEqual(p.serverYears, 5, accuracy: 1e-12)
        XCTAssertEqual(p.costOfCapital, 0.06, accuracy: 1e-12)
        XCTAssertEqual(p.energyPriceUsdPerKilowattHour, 0.08, accuracy: 1e-12)
        guard case .gpuHour(let name, let price)? = p.cloud else { return XCTFail("cloud reference \(String(describing: p.cloud))") }
        XCTAssertEqual(name, "test cloud")
        XCTAssertEqual(price, 2.5, accuracy: 1e-12)
        let limits = try XCTUnwrap(spec.limits)
        XCTAssertEqual(limits.maxGpuTemperatureCelsius, 85)
        XCTAssertEqual(limits.maxSecondsAboveGpuLimit, 3600)
        XCTAssertEqual(limits.minAvailability!, 0.999, accuracy: 1e-12)
        XCTAssertEqual(limits.tolerances[.pue], RegressionTolerance(relative: 0.001, absolute: 0))
    }

    /// Without the blocks there is no cost model and no limits.
    func testAbsentBlocks() throws {
        let spec = try ScenarioLoader.parse(Self.head, file: "t.yaml", baseDirectory: URL(fileURLWithPath: "/"))
        XCTAssertNil(spec.economics)
        XCTAssertNil(spec.limits)
    }

    /// Both cloud prices, a typo'd key and an unknown tolerance metric are each reported at their line.
    func testErrorsAreLocated() {
        XCTAssertThrowsError(try ScenarioLoader.parse(Self.head + """
        economics:
          energy_prise: 0.1 USD/kWh
          cloud_reference:
            offering: x
            price_per_gpu_hour: 2 USD/h
            price_per_million_tokens: 1 USD
        limits:
          tolerances:
            puee: {relative: 1 %}
        """, file: "t.yaml", baseDirectory: URL(fileURLWithPath: "/"))) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("t.yaml:11:3: error: economics.energy_prise: unknown key (did you mean 'energy_price'?)"), text)
            XCTAssertTrue(text.contains("economics.cloud_reference.price_per_million_tokens: give either"), text)
            XCTAssertTrue(text.contains("limits.tolerances.puee: unknown key (did you mean 'pue'?)"), text)
        }
    }

    /// An hourly price file (USD/kWh, one per line, header allowed) is read relative to the scenario; a price of
    /// 20 USD/kWh is outside −1…10 and refused with the CSV's own line.
    func testEnergyPriceFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ft-price-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "usd_per_kwh\n0.05\n0.12\n".write(to: dir.appendingPathComponent("p.csv"), atomically: true, encoding: .utf8)
        try "0.05\n20\n".write(to: dir.appendingPathComponent("bad.csv"), atomically: true, encoding: .utf8)
        let spec = try ScenarioLoader.parse(Self.head + "economics:\n  energy_price_file: p.csv\n", file: "t.yaml", baseDirectory: dir)
        XCTAssertEqual(spec.economics?.parameters.hourlyEnergyPricesUsdPerKilowattHour, [0.05, 0.12])
        XCTAssertThrowsError(try ScenarioLoader.parse(Self.head + "economics:\n  energy_price_file: bad.csv\n", file: "t.yaml",
                                                      baseDirectory: dir)) { error in
            XCTAssertTrue("\(error)".contains("bad.csv:2:1: price 20 is outside -1…10"), "\(error)")
        }
    }
}
