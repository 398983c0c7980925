import Foundation
import XCTest
import FacilitySim
@testable import Reporting

/// The sensitivity section of a run report: tornado charts, the table, and sensitivity.json read back.
final class SensitivityReportTests: XCTestCase {
    /// Three parameters on PUE around a nominal 1.10: A swings 1.08 → 1.15 (0.07), B 1.11 → 1.09 (0.02, the sign
    /// reversed), C not applicable. The chart must order A above B, draw 2 bars each (4 rects plus the frame), and
    /// leave C out; the table lists all three, C with its reason.
    static let result = SensitivityResult(
        scenario: "s", metrics: ["pue"], nominal: ["pue": 1.10],
        parameters: [
            .init(name: "b.param", unit: "K", low: 1, high: 2, source: "src B", assumed: false, lowValues: ["pue": 1.11], highValues: ["pue": 1.09]),
            .init(name: "a.param", unit: "K/W", low: 0.03, high: 0.08, source: "src A", assumed: true, lowValues: ["pue": 1.08], highValues: ["pue": 1.15]),
            .init(name: "c.param", unit: "", low: 0, high: 1, source: "src C", assumed: true, lowValues: [:], highValues: [:], notApplicable: "no tanks"),
        ], runs: 5)

    func testTornadoOrderAndFurniture() throws {
        let charts = SensitivityReport.charts(Self.result)
        XCTAssertEqual(charts.count, 1)
        let (inspector, error) = SVGInspector.inspect(charts[0].svg)
        guard let inspector else { return XCTFail(error ?? "") }
        let names = inspector.texts.filter { $0.cls == "tick y" }.map(\.content)
        XCTAssertEqual(names, ["a.param", "b.param"])
        XCTAssertEqual(inspector.texts.filter { $0.cls == "tick y range" }.map(\.content), ["0.03 … 0.08 K/W (assumed)", "1 … 2 K"])
        XCTAssertEqual(inspector.texts.first { $0.cls == "axis-label x" }?.content, "annual PUE (–)")
        XCTAssertNotNil(inspector.texts.first { $0.cls == "axis-label y" })
        XCTAssertEqual(inspector.elements["rect"], 5)
        XCTAssertTrue(inspector.overlaps.isEmpty, "\(inspector.overlaps)")
        // Every text inside the 760 px width (the legend's three entries included).
        for t in inspector.texts where !t.rotated { XCTAssertLessThanOrEqual(t.box.maxX, 760, t.content) }
        let md = SensitivityReport.markdown(Self.result)
        XCTAssertTrue(md.contains("not applicable: no tanks"))
        XCTAssertTrue(md.contains("1.08 → 1.15"))
    }

    /// sensitivity.json written by ResultWriter reads back equal, and a run report rendered with it carries the
    /// section; a malformed file is an error naming the file.
    func testRoundTripAndReportSection() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sens-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("sensitivity.json")
        try ResultWriter.sensitivityJSON(Self.result).write(to: file)
        XCTAssertEqual(try SensitivityReport.load(directory: directory), Self.result)
        try Data("{}".utf8).write(to: file)
        XCTAssertThrowsError(try SensitivityReport.load(directory: directory)) { error in
            XCTAssertTrue("\(error)".contains("sensitivity.json"), "\(error)")
        }
        try FileManager.default.removeItem(at: file)
        XCTAssertNil(try SensitivityReport.load(directory: directory))
    }
}
