import Foundation
import XCTest
@testable import Scenario

/// `docs/scenario-reference.md` matches the code: its examples are loaded, not just shown.
final class DocumentationExampleTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// One example: its marker line (`valid`, `valid PATH`, `invalid NAME`), its YAML, and the ```text block after it.
    struct Example { var marker: [String]; var yaml: String; var output: String? }

    static func examples() throws -> [Example] {
        let text = try String(contentsOf: root.appendingPathComponent("docs/scenario-reference.md"), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        func block(after index: Int, fence: String) -> (String, Int)? {
            guard let start = lines[index...].firstIndex(of: fence),
                  let end = lines[(start + 1)...].firstIndex(of: "```") else { return nil }
            return (lines[(start + 1)..<end].joined(separator: "\n") + "\n", end)
        }
        var result: [Example] = []
        for (i, line) in lines.enumerated() where line.hasPrefix("<!-- example: ") {
            let marker = line.dropFirst("<!-- example: ".count).replacingOccurrences(of: " -->", with: "").split(separator: " ").map(String.init)
            guard let (yaml, end) = block(after: i + 1, fence: "```yaml") else { continue }
            result.append(Example(marker: marker, yaml: yaml, output: marker.first == "invalid" ? block(after: end + 1, fence: "```text")?.0 : nil))
        }
        return result
    }

    /// Every `valid` example loads (weather paths resolve against `Scenarios/`); a `valid PATH` example is that file,
    /// byte for byte; the `invalid` example prints exactly the diagnostics shown under it, in file order.
    func testExamplesMatchTheLoader() throws {
        let examples = try Self.examples()
        XCTAssertGreaterThanOrEqual(examples.filter { $0.marker.first == "valid" }.count, 7)
        XCTAssertEqual(examples.filter { $0.marker.first == "invalid" }.count, 1)
        let scenarios = Self.root.appendingPathComponent("Scenarios")
        for example in examples {
            switch example.marker.first {
            case "valid":
                if example.marker.count > 1 {
                    let file = try String(contentsOf: Self.root.appendingPathComponent(example.marker[1]), encoding: .utf8)
                    XCTAssertEqual(example.yaml, file, "\(example.marker[1]) differs from its copy in the reference")
                }
                XCTAssertNoThrow(try ScenarioLoader.parse(example.yaml, file: "example.yaml", baseDirectory: scenarios), "\(example.yaml.prefix(80))")
            case "invalid":
                XCTAssertThrowsError(try ScenarioLoader.parse(example.yaml, file: example.marker[1], baseDirectory: scenarios)) { error in
                    XCTAssertEqual("\(error)\n", example.output)
                }
            default:
                XCTFail("unknown example marker \(example.marker)")
            }
        }
    }

    /// The worked example with every block: the values written in other units arrive converted — 75 % → 0.75,
    /// 158 °F → (158 − 32)·5/9 = 70 °C, 1200 L → 1.2 m³, 1_024 → 1024, 1 week → 604,800 s, the alias `*redundancy`
    /// → n+1, and the weather offset adds to the synthetic mean (15 + 5 = 20 °C).
    func testEveryDefaultExampleConverts() throws {
        let example = try XCTUnwrap(Self.examples().first { $0.yaml.contains("name: every-default") })
        let spec = try ScenarioLoader.parse(example.yaml, file: "e.yaml", baseDirectory: Self.root)
        XCTAssertEqual(spec.facility.primaryShare, 0.75, accuracy: 1e-15)
        XCTAssertEqual(spec.thermalManagement.gpuTemperatureThresholdCelsius, 70, accuracy: 1e-12)
        XCTAssertEqual(spec.plant.immersionFluidVolume ?? 0, 1.2, accuracy: 1e-15)
        XCTAssertEqual(spec.facility.gpus, 1024)
        XCTAssertEqual(spec.horizonSeconds, 604_800)
        XCTAssertEqual(spec.plant.upsRedundancy, .nPlus1)
        guard case .synthetic(let mean, _, _, _, _) = spec.weather else { return XCTFail("synthetic weather") }
        XCTAssertEqual(mean, 20, accuracy: 1e-12)
    }
}
