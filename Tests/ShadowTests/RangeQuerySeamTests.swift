import Foundation
import Scenario
import Shadow
import Telemetry
import XCTest

/// The seam a Prometheus `query_range` client plugs into: a source answering the map's queries over a range must give
/// the same comparison as the CSV holding the same samples.
final class RangeQuerySeamTests: XCTestCase {
    /// The first 600 rows of the shipped week, served column by column (in another column order, as a server would)
    /// by a stand-in for `PrometheusClient.queryRange`, and the same rows read from CSV: equal comparisons, exactly.
    func testQueriedTableComparesLikeTheCSV() throws {
        let spec = try ScenarioLoader.load(path: ShadowAcceptanceTests.path("reference-hall-week.yaml"))
        let plant = try ShadowPlant(spec: spec)
        let map = try SignalMap.read(path: ShadowAcceptanceTests.path("reference-hall-week.map.yaml"), tanks: plant.tanks)
        let text = try String(contentsOfFile: ShadowAcceptanceTests.path("reference-hall-week.csv"), encoding: .utf8)
        let head = text.split(separator: "\n").prefix(601).joined(separator: "\n") + "\n"
        let csv = try CSVTelemetryReader.parse(Data(head.utf8), source: "week.csv")
        let served = try ShadowTelemetry.read(map: map, startSeconds: csv.timestamps.first!, endSeconds: csv.timestamps.last!,
                                              stepSeconds: 60) { queries, start, end, _ in
            var t = TelemetryTable(source: "prometheus", columns: queries.reversed())
            for (r, time) in csv.timestamps.enumerated() where time >= start && time <= end {
                t.append(timestamp: time, values: t.columns.map { csv.values[r][csv.columnIndex($0)!] })
            }
            return t
        }
        let a = try ShadowData.align(csv, map: map, tanks: plant.tanks)
        let b = try ShadowData.align(served, map: map, tanks: plant.tanks)
        XCTAssertEqual(SignalComparison.compare(a, plant.predict(a, values: plant.scenarioValues)),
                       SignalComparison.compare(b, plant.predict(b, values: plant.scenarioValues)))
    }
}
