import Foundation
import XCTest
@testable import FacilityModels
@testable import FacilitySim

/// Issue 16: every parameter the run uses is in the catalogue, with its source or the flag "assumed" (summary.json's
/// list of exactly the parameters the run read is tested on the reference scenario in EndToEndTests).
final class PlantParameterCatalogueTests: XCTestCase {
    /// Every entry has a unit, a finite value inside its plausible range and a non-empty source; names are unique and
    /// round-trip through `PlantParameter(name:)`.
    func testEveryEntryIsComplete() {
        var names = Set<String>()
        for p in PlantParameter.allCases {
            let e = p.defaultEntry
            XCTAssertFalse(e.unit.isEmpty, e.name)
            XCTAssertTrue(e.value.isFinite, e.name)
            XCTAssertTrue(e.plausibleRange.contains(e.value), "\(e.name) = \(e.value) outside \(e.plausibleRange)")
            XCTAssertGreaterThan(e.source.text.count, 10, e.name)
            XCTAssertNotEqual(e.source.kind, "scenario", e.name)
            XCTAssertTrue(names.insert(e.name).inserted, "duplicate \(e.name)")
            XCTAssertEqual(PlantParameter(name: e.name), p)
        }
    }

    /// Reads are recorded: a fresh catalogue has read nothing; a subscript read records one parameter, `peek` none; a
    /// scenario override keeps the default's citation inside its `scenario` source.
    func testReadsAreRecorded() {
        let c = ParameterCatalogue(overrides: [.immersionJunctionToFluidKelvinPerWatt: 0.05])
        XCTAssertTrue(c.usedEntries.isEmpty)
        _ = c.peek(.psuEfficiency)
        XCTAssertTrue(c.usedEntries.isEmpty)
        XCTAssertEqual(c[.immersionJunctionToFluidKelvinPerWatt], 0.05)
        XCTAssertEqual(c.usedEntries.map(\.parameter), [.immersionJunctionToFluidKelvinPerWatt])
        XCTAssertEqual(c.usedEntries[0].source.kind, "scenario")
        XCTAssertTrue(c.usedEntries[0].source.text.contains("Birbarah"))
    }

    /// The plant model reads parameters only through the catalogue: its source files hold no `PlantDefaults` and no
    /// numeric literal beyond unit conversions and numerical guards (0, 1–5, 0.0, 1e-3, 1e-9, 273.15 K, 24 h, 365 d,
    /// 3,600 s). A new physical constant written into the plant fails here until it is a catalogue entry — so no
    /// parameter is used without being listed.
    func testThePlantHasNoUnlistedNumbers() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/FacilitySim/Fluid")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("FacilityPlant") }
        XCTAssertGreaterThanOrEqual(files.count, 4)
        let allowed: Set<String> = ["0", "1", "2", "3", "4", "5", "0.0", "1e-3", "1e-9", "273.15", "24", "365", "3600"]
        let literal = try NSRegularExpression(pattern: #"(?<![A-Za-z_0-9.])[0-9][0-9_]*(\.[0-9]+)?(e-?[0-9]+)?(?![A-Za-z_0-9])"#)
        for file in files {
            let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            XCTAssertFalse(text.contains("PlantDefaults"), file)
            for (n, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                var line = String(rawLine)
                if let comment = line.range(of: "//") { line = String(line[..<comment.lowerBound]) }
                line = line.replacingOccurrences(of: #""(\\.|[^"\\])*""#, with: "\"\"", options: .regularExpression)
                let range = NSRange(line.startIndex..., in: line)
                for m in literal.matches(in: line, range: range) {
                    let token = String(line[Range(m.range, in: line)!])
                    XCTAssertTrue(allowed.contains(token), "\(file):\(n + 1): literal \(token) is not a catalogue parameter")
                }
            }
        }
    }
}
