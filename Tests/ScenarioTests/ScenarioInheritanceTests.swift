import Foundation
import XCTest
@testable import FacilitySim
@testable import Scenario
import Yams

/// `extends:`: a scenario inherits another file's fields; merges, paths, cycles and error locations.
final class ScenarioInheritanceTests: XCTestCase {
    static let scenarios = ScenarioLoaderTests.weatherDir

    /// A base with every required block; `weather/w.csv` and `load.csv` are relative to the base's directory.
    let base = """
    name: base
    horizon: 24h
    facility:
      gpus: 64
      gpus_per_tank: 16
    cooling_system:
      primary: liquid_immersion
      secondary: direct_to_chip
      heat_recovery: enabled
      redundancy: n+1
    heat_recovery:
      demand: 100 kW
    weather:
      file: weather/w.csv
    load:
      profile: hourly
      file: load.csv
    """

    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("extends-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("lib/weather"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("site"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.scenarios.appendingPathComponent("weather/tmy3-723170-greensboro-nc.csv"),
                                         to: directory.appendingPathComponent("lib/weather/w.csv"))
        try write("lib/load.csv", "0.5\n0.75\n")
        try write("lib/base.yaml", base)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: directory.appendingPathComponent(name))
    }

    func load(_ name: String) throws -> ScenarioSpec {
        try ScenarioLoader.load(path: directory.appendingPathComponent(name).path)
    }

    func diagnostics(_ name: String) -> [Diagnostic] {
        do {
            _ = try load(name)
            XCTFail("expected errors from \(name)")
        } catch let error as ScenarioError {
            return error.diagnostics
        } catch {
            XCTFail("unexpected \(error)")
        }
        return []
    }

    /// Deep merge: the child's `facility.gpus: 256` replaces the base's 64 while the base's sibling
    /// `gpus_per_tank: 16` survives; the child's name replaces the base's; blocks the child does not mention
    /// (cooling_system, heat_recovery) are inherited whole.
    func testChildOverridesMergeDeeply() throws {
        try write("site/child.yaml", """
        extends: ../lib/base.yaml
        name: child
        facility:
          gpus: 256
        """)
        let spec = try load("site/child.yaml")
        XCTAssertEqual(spec.name, "child")
        XCTAssertEqual(spec.facility.gpus, 256)
        XCTAssertEqual(spec.facility.gpusPerTank, 16)
        XCTAssertEqual(spec.coolingSystem.redundancy, .nPlus1)
        XCTAssertEqual(spec.plant.heatRecoveryDemandWatts, 100_000)
    }

    /// Relative paths resolve against the file that wrote them: the base's `weather/w.csv` and `load.csv` are
    /// found in `lib/` although the child lives in `site/`; a weather file the child writes resolves in `site/`.
    func testRelativePathsResolveAgainstTheWritingFile() throws {
        try write("site/child.yaml", "extends: ../lib/base.yaml\nname: child\n")
        let spec = try load("site/child.yaml")
        let lib = directory.appendingPathComponent("lib").standardizedFileURL.path
        guard case .tmy3(let weatherPath, _) = spec.weather else { return XCTFail("expected a TMY3 weather file") }
        XCTAssertEqual(weatherPath, lib + "/weather/w.csv")
        guard case .hourly(let values, let source) = spec.load else { return XCTFail("expected an hourly load") }
        XCTAssertEqual(values, [0.5, 0.75])
        XCTAssertEqual(source, lib + "/load.csv")

        try FileManager.default.createDirectory(at: directory.appendingPathComponent("site/weather"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: directory.appendingPathComponent("lib/weather/w.csv"),
                                         to: directory.appendingPathComponent("site/weather/own.csv"))
        try write("site/own.yaml", "extends: ../lib/base.yaml\nname: own\nweather:\n  file: weather/own.csv\n")
        guard case .tmy3(let ownPath, _) = try load("site/own.yaml").weather else { return XCTFail("expected TMY3") }
        XCTAssertEqual(ownPath, directory.appendingPathComponent("site").standardizedFileURL.path + "/weather/own.csv")
    }

    /// A chain of three files: the grandchild's value wins over the child's, which wins over the base's.
    func testChainOfThree() throws {
        try write("site/child.yaml", "extends: ../lib/base.yaml\nname: child\nfacility:\n  gpus: 128\n  gpus_per_tank: 8\n")
        try write("site/grandchild.yaml", "extends: child.yaml\nname: grandchild\nfacility:\n  gpus: 512\n")
        let spec = try load("site/grandchild.yaml")
        XCTAssertEqual(spec.name, "grandchild")
        XCTAssertEqual(spec.facility.gpus, 512)
        XCTAssertEqual(spec.facility.gpusPerTank, 8)
    }

    /// A null child value removes the inherited key: without `heat_recovery: ~` the disabled heat recovery
    /// would contradict the inherited `heat_recovery` block (a cross-field error).
    func testNullRemovesAnInheritedKey() throws {
        try write("site/child.yaml", """
        extends: ../lib/base.yaml
        cooling_system:
          heat_recovery: disabled
        heat_recovery: ~
        """)
        let spec = try load("site/child.yaml")
        XCTAssertFalse(spec.coolingSystem.heatRecovery)
        XCTAssertNil(spec.plant.heatRecoveryDemandWatts)

        try write("site/kept.yaml", "extends: ../lib/base.yaml\ncooling_system:\n  heat_recovery: disabled\n")
        XCTAssertTrue(diagnostics("site/kept.yaml").contains { $0.path == "heat_recovery" })
    }

    /// Lists and scalars replace the base's value whole (no element-wise merge).
    func testSequencesAndScalarsReplace() throws {
        let base = try XCTUnwrap(Yams.compose(yaml: "a:\n  list: [1, 2, 3]\n  x: 1\n  keep: 2\n"))
        let child = try XCTUnwrap(Yams.compose(yaml: "a:\n  list: [9]\n  x: {y: 1}\n"))
        let merged = ScenarioInheritance.merge(child, over: base)
        XCTAssertEqual(merged.mapping?["a"]?.mapping?["list"]?.sequence?.count, 1)
        XCTAssertEqual(merged.mapping?["a"]?.mapping?["x"]?.mapping?["y"]?.scalar?.string, "1")
        XCTAssertEqual(merged.mapping?["a"]?.mapping?["keep"]?.scalar?.string, "2")
    }

    /// A problem in an inherited field is reported at the base's file, line and column (line 4, column 9 is
    /// `-3` under `facility:` in the base), a problem in the child at the child's — both at once.
    func testErrorsNameTheFileThatWroteThem() throws {
        try write("lib/bad-base.yaml", base.replacingOccurrences(of: "gpus_per_tank: 16", with: "gpus_per_tank: -3"))
        try write("site/child.yaml", "extends: ../lib/bad-base.yaml\nname: child\nfacility:\n  gpus_per_server: 0\n")
        let found = diagnostics("site/child.yaml")
        let childFile = directory.appendingPathComponent("site/child.yaml").path
        let baseFile = directory.appendingPathComponent("site").path + "/../lib/bad-base.yaml"
        let inBase = try XCTUnwrap(found.first { $0.path == "facility.gpus_per_tank" })
        XCTAssertEqual(inBase.file, baseFile)
        XCTAssertEqual([inBase.line, inBase.column], [5, 18])
        let inChild = try XCTUnwrap(found.first { $0.path == "facility.gpus_per_server" })
        XCTAssertEqual(inChild.file, childFile)
        XCTAssertEqual([inChild.line, inChild.column], [4, 20])
    }

    /// A base that does not parse reports its own syntax error with its own name.
    func testSyntaxErrorInBase() throws {
        try write("lib/broken.yaml", "name: x\nfacility: [1, 2\n")
        try write("site/child.yaml", "extends: ../lib/broken.yaml\n")
        let found = diagnostics("site/child.yaml")
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found[0].file.hasSuffix("lib/broken.yaml"), found[0].description)
        XCTAssertTrue(found[0].message.contains("YAML syntax error"), found[0].message)
    }

    /// A missing base is an error at the child's `extends:` value (line 2, column 10).
    func testMissingBase() throws {
        try write("site/child.yaml", "name: child\nextends: nowhere.yaml\n")
        let found = diagnostics("site/child.yaml")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found[0].file, directory.appendingPathComponent("site/child.yaml").path)
        XCTAssertEqual([found[0].line, found[0].column], [2, 10])
        XCTAssertEqual(found[0].path, "extends")
        XCTAssertTrue(found[0].message.contains("not found"), found[0].message)
    }

    /// a → b → a is a cycle, reported where it closes: b's `extends:` line; a file extending itself too.
    func testCyclesAreRejected() throws {
        try write("site/a.yaml", "extends: b.yaml\nname: a\n")
        try write("site/b.yaml", "name: b\nextends: a.yaml\n")
        let found = diagnostics("site/a.yaml")
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found[0].file.hasSuffix("site/b.yaml"), found[0].description)
        XCTAssertEqual([found[0].line, found[0].column], [2, 10])
        XCTAssertTrue(found[0].message.contains("cycle"), found[0].message)

        try write("site/self.yaml", "extends: ./self.yaml\n")
        XCTAssertTrue(diagnostics("site/self.yaml").first?.message.contains("cycle") == true)
    }

    /// `--set` overrides apply to the merged tree: `facility.gpus_per_tank=8` replaces the base's 16 while the
    /// child's `gpus: 256` stays; an out-of-range override of an inherited field names the `--set` argument.
    func testOverridesApplyAfterTheMerge() throws {
        try write("site/child.yaml", "extends: ../lib/base.yaml\nname: child\nfacility:\n  gpus: 256\n")
        let path = directory.appendingPathComponent("site/child.yaml").path
        let spec = try ScenarioLoader.load(path: path, overrides: [ScenarioOverride(path: "facility.gpus_per_tank", value: "8")])
        XCTAssertEqual(spec.facility.gpusPerTank, 8)
        XCTAssertEqual(spec.facility.gpus, 256)
        // The replaced value was written in the base (line 5, column 18): the diagnostic points there, in the base.
        XCTAssertThrowsError(try ScenarioLoader.load(path: path, overrides: [ScenarioOverride(path: "facility.gpus_per_tank", value: "0")])) { error in
            let d = (error as? ScenarioError)?.diagnostics.first
            XCTAssertTrue(d?.message.contains("--set facility.gpus_per_tank=0") == true, "\(error)")
            XCTAssertEqual(d?.file, self.directory.appendingPathComponent("site").path + "/../lib/base.yaml")
            XCTAssertEqual([d?.line, d?.column], [5, 18])
        }
        // A key the override adds to the child's `facility` mapping is located at that mapping (its first key: line 4, column 3).
        XCTAssertThrowsError(try ScenarioLoader.load(path: path, overrides: [ScenarioOverride(path: "facility.gpuz", value: "1")])) { error in
            let d = (error as? ScenarioError)?.diagnostics.first { $0.path == "facility.gpuz" }
            XCTAssertEqual(d?.file, path)
            XCTAssertEqual([d?.line, d?.column], [4, 3])
        }
    }

    /// `extends:` must be a file name, not a list or mapping.
    func testExtendsMustBeAPath() throws {
        try write("site/child.yaml", "extends:\n  - a.yaml\n")
        let found = diagnostics("site/child.yaml")
        XCTAssertEqual(found.first?.path, "extends")
        XCTAssertEqual(found.first?.line, 2)
    }
}
