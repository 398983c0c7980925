import Foundation
import XCTest
@testable import FacilitySim
@testable import Reporting

/// A replicated run's report: availability and capacity-weighted availability with their 95 % intervals from
/// intervals.json, and the per-replication availability chart.
final class ReplicationReportTests: XCTestCase {
    /// intervals.json as `ReplicationAggregate.intervalsJSON()` writes it (three replications).
    static let intervals = """
    {"level": 0.95, "replications": 3, "fields": {
      "availability": {"mean": 0.99962, "half_width": 0.00012, "lower": 0.9995, "upper": 0.99974},
      "capacity_weighted_availability": {"mean": 0.99991, "half_width": 0.00004, "lower": 0.99987, "upper": 0.99995},
      "pue": {"mean": 1.1116, "half_width": 0.0003, "lower": 1.1113, "upper": 1.1119}}}
    """

    /// The table rows print mean [lower, upper] with five decimals: 0.99962 [0.99950, 0.99974] and
    /// 0.99991 [0.99987, 0.99995]; the uptime row judges the weighted lower bound 0.99987 ≥ 0.9995 (pass); both
    /// documents carry them; a malformed field is a thrown error naming it.
    func testIntervalsInTables() throws {
        var r = try ReplicationIntervals.parse(Data(Self.intervals.utf8))
        r.availability = [0.99950, 0.99962, 0.99974]
        r.capacityWeightedAvailability = [0.99987, 0.99991, 0.99995]
        let input = ReportInput(summary: try ReportRenderingTests.fixture(), replicated: r)
        for doc in [HTMLReport.render(input), MarkdownReport.render(input)] {
            XCTAssertTrue(doc.contains("0.99962 [0.99950, 0.99974]"))
            XCTAssertTrue(doc.contains("0.99991 [0.99987, 0.99995]"))
            XCTAssertTrue(doc.contains("0.99991 [0.99987, 0.99995] — pass on the lower bound"))
        }
        // With a service availability (issue 15) the uptime row judges it: lower bound 0.99996 ≥ 0.9995, pass, although
        // the capacity-weighted 0.98 [0.97990, 0.98010] would fail.
        let service = Self.intervals.replacingOccurrences(of: #""pue":"#, with: #""service_availability": {"mean": 0.99998, "half_width": 0.00002, "lower": 0.99996, "upper": 1.0}, "facility_availability": {"mean": 0.99998, "half_width": 0.00002, "lower": 0.99996, "upper": 1.0}, "pue":"#)
            .replacingOccurrences(of: #""mean": 0.99991, "half_width": 0.00004, "lower": 0.99987, "upper": 0.99995"#,
                                  with: #""mean": 0.98, "half_width": 0.0001, "lower": 0.9799, "upper": 0.9801"#)
        let rows = try ReplicationIntervals.parse(Data(service.utf8)).rows
        XCTAssertEqual(rows.first { $0.label.hasPrefix("Uptime benchmark") }?.value, "0.99998 [0.99996, 1.00000] — pass on the lower bound")
        XCTAssertNotNil(rows.first { $0.label.hasPrefix("Facility availability") })
        XCTAssertThrowsError(try ReplicationIntervals.parse(Data(#"{"replications": 2, "fields": {"pue": {"mean": 1}}}"#.utf8))) {
            XCTAssertTrue("\($0)".contains("pue"), "\($0)")
        }
    }

    /// The availability chart is well-formed, labelled, overlap-free, draws 3 + 3 replication dots and names the
    /// 99.95 % floor; a single run (no intervals) keeps the report without it.
    func testAvailabilityChart() throws {
        var r = try ReplicationIntervals.parse(Data(Self.intervals.utf8))
        r.availability = [0.99950, 0.99962, 0.99974]
        r.capacityWeightedAvailability = [0.99987, 0.99991, 0.99995]
        let chart = try XCTUnwrap(r.chart)
        let (inspector, error) = SVGInspector.inspect(chart.svg)
        guard let inspector else { return XCTFail(error ?? "") }
        XCTAssertEqual(inspector.texts.first { $0.cls == "axis-label x" }?.content, "replication (number)")
        XCTAssertEqual(inspector.texts.first { $0.cls == "axis-label y" }?.content, "availability (%)")
        XCTAssertEqual(inspector.elements["circle"], 6)
        XCTAssertTrue(inspector.overlaps.isEmpty, "\(inspector.overlaps)")
        XCTAssertTrue(inspector.texts.contains { $0.content == "uptime floor 99.95 %" })
        let single = HTMLReport.render(ReportInput(summary: try ReportRenderingTests.fixture()))
        XCTAssertFalse(single.contains("Availability over"))
        XCTAssertFalse(single.contains("Replications: means"))
    }
}
