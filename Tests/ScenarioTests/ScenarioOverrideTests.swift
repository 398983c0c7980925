import Foundation
import XCTest
@testable import FacilitySim
@testable import Scenario

/// `--set PATH=VALUE` overrides, applied to the YAML before validation.
final class ScenarioOverrideTests: XCTestCase {
    static let scenarios = ScenarioLoaderTests.weatherDir

    let text = """
    name: t
    horizon: 24h
    facility:
      gpus: 64
    cooling_system:
      primary: liquid_immersion
    weather:
      synthetic:
        mean: 15°C
    """

    func parse(_ overrides: [ScenarioOverride]) throws -> ScenarioSpec {
        try ScenarioLoader.parse(text, file: "s.yaml", baseDirectory: Self.scenarios, overrides: overrides)
    }

    func diagnostics(_ overrides: [ScenarioOverride]) -> [Diagnostic] {
        do {
            _ = try parse(overrides)
            XCTFail("expected errors for \(overrides)")
        } catch let error as ScenarioError {
            return error.diagnostics
        } catch {
            XCTFail("unexpected \(error)")
        }
        return []
    }

    /// An existing field is replaced: 64 GPUs become 2048 (exact integer).
    func testReplacesAField() throws {
        XCTAssertEqual(try parse([]).facility.gpus, 64)
        XCTAssertEqual(try parse([ScenarioOverride(path: "facility.gpus", value: "2048")]).facility.gpus, 2048)
    }

    /// Units apply to overridden values: `2 d` is 2 × 86,400 = 172,800 s exactly; `35°C` on a field the file omits
    /// (the key is added) is 35 °C.
    func testUnitsApplyAndMissingKeysAreAdded() throws {
        let spec = try parse([try ScenarioOverride(argument: "horizon=2 d"),
                              try ScenarioOverride(argument: "heat_rejection.supply_setpoint=35°C")])
        XCTAssertEqual(spec.horizonSeconds, 172_800)
        XCTAssertEqual(spec.plant.supplySetpointCelsius, 35)
    }

    /// The later of two overrides of the same path wins (command-line order): 128 then 256 gives 256.
    func testLaterOverrideWins() throws {
        let spec = try parse([ScenarioOverride(path: "facility.gpus", value: "128"), ScenarioOverride(path: "facility.gpus", value: "256")])
        XCTAssertEqual(spec.facility.gpus, 256)
    }

    /// A bad value is reported by the validator (range 1…10,000,000 for `facility.gpus`), located at the line
    /// of the value it replaced (line 4 of the text) and naming the `--set` argument.
    func testBadValueNamesTheArgument() {
        let found = diagnostics([ScenarioOverride(path: "facility.gpus", value: "0")])
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.path, "facility.gpus")
        XCTAssertEqual(found.first?.line, 4)
        XCTAssertTrue(found.first?.message.hasPrefix("--set facility.gpus=0: ") == true, "\(found)")
        XCTAssertTrue(found.first?.message.contains("out of range") == true, "\(found)")
        let unit = diagnostics([ScenarioOverride(path: "horizon", value: "3 parsecs")])
        XCTAssertTrue(unit.first?.description.contains("--set horizon=3 parsecs") == true, "\(unit)")
    }

    /// An unknown path is an unknown key with its suggestion, naming the argument; an unknown top-level block too.
    func testUnknownPathNamesTheArgument() {
        let key = diagnostics([ScenarioOverride(path: "facility.gpuss", value: "8")])
        XCTAssertEqual(key.map(\.path), ["facility.gpuss"])
        XCTAssertTrue(key[0].message.contains("--set facility.gpuss=8") && key[0].message.contains("did you mean 'gpus'"), "\(key)")
        let block = diagnostics([ScenarioOverride(path: "facilty.gpus", value: "8")])
        XCTAssertEqual(block.map(\.path), ["facilty"])
        XCTAssertTrue(block[0].message.contains("--set facilty.gpus=8"), "\(block)")
    }

    /// A path through a scalar, a malformed argument or an unparsable value is a clear error, not a crash.
    func testStructuralErrors() {
        let through = diagnostics([ScenarioOverride(path: "facility.gpus.count", value: "8")])
        XCTAssertTrue(through.first?.message.contains("'facility.gpus' is a single value") == true, "\(through)")
        let index = diagnostics([ScenarioOverride(path: "facility[2]", value: "8")])
        XCTAssertTrue(index.first?.message.contains("not a list") == true, "\(index)")
        XCTAssertThrowsError(try ScenarioOverride(argument: "facility.gpus")) { error in
            XCTAssertTrue("\(error)".contains("--set facility.gpus: expected PATH=VALUE"), "\(error)")
        }
        XCTAssertThrowsError(try ScenarioOverride(argument: "facility..gpus=3"))
        let yaml = diagnostics([ScenarioOverride(path: "facility.gpus", value: "[1, 2")])
        XCTAssertTrue(yaml.first?.message.contains("not valid YAML") == true, "\(yaml)")
    }

    /// Overrides apply to a shipped file loaded from disk (reference-immersion has 1,024 GPUs).
    func testLoadFromPath() throws {
        let path = Self.scenarios.appendingPathComponent("reference-immersion.yaml").path
        XCTAssertEqual(try ScenarioLoader.load(path: path).facility.gpus, 1024)
        XCTAssertEqual(try ScenarioLoader.load(path: path, overrides: [ScenarioOverride(path: "facility.gpus", value: "2048")]).facility.gpus, 2048)
    }
}
