import Foundation
import XCTest
@testable import Reporting

/// README figures that cannot go stale (issue 15 item 8): the README's generated tables are what `Reports/` gives.
final class ReadmeSyncTests: XCTestCase {
    static let root = ShippedScenarioTests.root

    /// Every generated block of README.md equals the block rendered from the committed `Reports/` summaries by the
    /// current code; the fix when it fails is `make reports` (or `factory-twin report Reports --sync-readme README.md`).
    func testReadmeMatchesReports() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let blocks = try ReadmeTables.blocks(reports: Self.root.appendingPathComponent("Reports"))
        XCTAssertEqual(Set(blocks.keys), [ReadmeTables.scenarioFigures, ReadmeTables.benchmarks, ReadmeTables.economics])
        for name in blocks.keys {
            XCTAssertTrue(readme.contains("<!-- generated: \(name) "), "README.md has no generated block '\(name)'")
            XCTAssertTrue(readme.contains("<!-- end generated: \(name) -->"), "README.md does not close the block '\(name)'")
        }
        let (_, changed) = ReadmeTables.sync(readme: readme, blocks: blocks)
        XCTAssertEqual(changed, [], "README.md disagrees with Reports/ in \(changed): run `factory-twin report Reports --sync-readme README.md`")
    }

    /// The check can fail: a README whose PUE cell was edited by hand (the reference's figure with its last digit
    /// changed) is out of sync in the scenario-figures block, and syncing restores the generated text exactly.
    func testEditedFigureIsDetected() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let blocks = try ReadmeTables.blocks(reports: Self.root.appendingPathComponent("Reports"))
        let figures = try XCTUnwrap(blocks[ReadmeTables.scenarioFigures])
        let line = try XCTUnwrap(figures.split(separator: "\n").first { $0.contains("[reference-immersion]") })
        let pue = String(line.split(separator: "|")[2].trimmingCharacters(in: .whitespaces))
        let edited = pue.dropLast() + (pue.last == "9" ? "0" : "9")
        let tampered = readme.replacingOccurrences(of: String(line), with: String(line).replacingOccurrences(of: "| \(pue) |", with: "| \(edited) |"))
        XCTAssertNotEqual(tampered, readme)
        let (restored, changed) = ReadmeTables.sync(readme: tampered, blocks: blocks)
        XCTAssertEqual(changed, [ReadmeTables.scenarioFigures])
        XCTAssertEqual(restored, ReadmeTables.sync(readme: readme, blocks: blocks).text)
    }
}
