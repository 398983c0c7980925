import Foundation
import XCTest
@testable import FacilitySim
import Reporting
import Scenario
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The CI gate over real runs: the committed baselines of Scenarios/ci pass, a hotter scenario and a drifted one fail;
/// the reference scenario's year report has well-formed, labelled charts and its cost figures.
final class CheckGateScenarioTests: XCTestCase {
    static let root = ShippedScenarioTests.root
    static let ci = root.appendingPathComponent("Scenarios/ci")

    static func evaluate(_ spec: ScenarioSpec) throws -> CheckResult {
        let summary = try FacilitySimulation(spec: spec).run().summary
        let file = ci.appendingPathComponent("baselines/\(spec.name)/summary.json")
        return CheckGate.evaluate(summary, limits: spec.limits, baseline: try ReportInput.readSummary(file))
    }

    /// Every Scenarios/ci scenario passes its limits and its committed baseline (the gate `make test` runs).
    func testCommittedBaselinesPass() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.ci.path).filter { $0.hasSuffix(".yaml") }.sorted()
        XCTAssertGreaterThanOrEqual(files.count, 3)
        for file in files {
            let result = try Self.evaluate(ScenarioLoader.load(path: Self.ci.appendingPathComponent(file).path))
            XCTAssertTrue(result.passed, CheckGate.table([result]))
            XCTAssertGreaterThan(result.rows.count, 8, "limits and regression rows for \(file)")
        }
    }

    /// Made hotter than its limit (weather +10 K, throttling off: the immersion GPUs reach ≈ 110 °C against 70 °C),
    /// the fixture fails on the peak temperature and the time above the limit.
    func testHotterScenarioFails() throws {
        let spec = try ScenarioLoader.load(path: Self.root.appendingPathComponent("Tests/Fixtures/ci-too-hot.yaml").path)
        let summary = try FacilitySimulation(spec: spec).run().summary
        let result = CheckGate.evaluate(summary, limits: spec.limits, baseline: nil)
        XCTAssertEqual(result.rows.filter { !$0.passed }.map(\.metric), ["gpu_temperature_threshold", "seconds_above_gpu_limit", "max_gpu_temperature_celsius"])
    }

    /// Drift: the CI immersion week at a mean load of 0.60 instead of 0.75 draws ≈ 15 % less energy, far beyond the
    /// 0.5 % tolerance on facility and IT energy, so the gate fails on them against the committed baseline.
    func testDriftedScenarioFails() throws {
        var spec = try ScenarioLoader.load(path: Self.ci.appendingPathComponent("ci-immersion-heatwave.yaml").path)
        spec.load = .diurnal(mean: 0.60, amplitude: 0.15, peakHour: 15)
        let failed = Set(try Self.evaluate(spec).rows.filter { !$0.passed }.map(\.metric))
        XCTAssertTrue(failed.isSuperset(of: ["facility_energy_joules", "it_energy_joules"]), "\(failed)")
    }

    /// A year of the reference scenario with the air-cooled baseline: every chart of report.html parses as XML and
    /// has both axis labels; the temperature chart is reduced to an envelope (the file stays under 1 MB); the cost is
    /// between the shared references' worked range of $0.9–1.9 per GPU-hour (before staff and maintenance) and the
    /// AWS reference of $3.90.
    func testReferenceYearReport() throws {
        let reference = try ShippedScenarioTests.run("reference-immersion.yaml")
        let air = try ShippedScenarioTests.run("traditional-air-cooled.yaml").summary
        let html = HTMLReport.render(ReportInput(summary: reference.summary, timeSeries: reference.timeSeries, baseline: air))
        XCTAssertLessThan(html.utf8.count, 1_000_000)
        var rest = html[...], count = 0
        while let start = rest.range(of: "<svg "), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
            let svg = String(rest[start.lowerBound..<end.upperBound])
            rest = rest[end.upperBound...]
            count += 1
            XCTAssertTrue(XMLParser(data: Data(svg.utf8)).parse(), "chart \(count) is not well-formed XML")
            XCTAssertTrue(svg.contains("class=\"axis-label x\""), "chart \(count) has no x-axis label")
            XCTAssertTrue(svg.contains("class=\"axis-label y\""), "chart \(count) has no y-axis label")
        }
        XCTAssertEqual(count, 9, "6 time-series charts, the latency histogram (fluid approximation, issue 15), energy and cost bars")
        let cost = try XCTUnwrap(reference.summary.economics?.costPerGpuHourUsd)
        XCTAssertGreaterThan(cost, 0.9)
        XCTAssertLessThan(cost, 3.90)
    }
}
