import Foundation
import XCTest
@testable import FacilitySim
@testable import Reporting
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The CI gate's verdicts and its JUnit XML.
final class CheckGateTests: XCTestCase {
    static func summary() throws -> RunSummary {
        var s = try ReportRenderingTests.fixture()
        s.maxGpuTemperatureCelsius = 68
        s.secondsAboveGpuLimit = 0
        s.pue = 1.10
        return s
    }

    /// A run hotter than its limit fails: 75 °C against its 70 °C threshold (+0.05 K) and max 72 °C, 120 s above against
    /// 0 s; the 68 °C run passes.
    func testHotterThanLimitFails() throws {
        var limits = LimitsSpec()
        limits.maxGpuTemperatureCelsius = 72
        limits.maxSecondsAboveGpuLimit = 0
        XCTAssertTrue(CheckGate.evaluate(try Self.summary(), limits: limits, baseline: nil).passed)
        var hot = try Self.summary()
        hot.maxGpuTemperatureCelsius = 75
        hot.secondsAboveGpuLimit = 120
        let result = CheckGate.evaluate(hot, limits: limits, baseline: nil)
        XCTAssertFalse(result.passed)
        XCTAssertEqual(result.rows.filter { !$0.passed }.map(\.metric), ["gpu_temperature_threshold", "seconds_above_gpu_limit", "max_gpu_temperature_celsius"])
        XCTAssertTrue(CheckGate.table([result]).contains("FAIL: 75 °C exceeds the limit 72 °C"), CheckGate.table([result]))
    }

    /// Drift: the default PUE tolerance is 0.5 % of the baseline 1.10 = 0.0055, so 1.104 (+0.004) passes and 1.12
    /// (+0.02) fails; a scenario tolerance of 2 % (0.022) lets 1.12 through. A minimum availability of 99.99 % fails
    /// the fixture's 99.971 %.
    func testDriftPastTolerance() throws {
        let base = try Self.summary()
        var now = base
        now.pue = 1.104
        XCTAssertTrue(CheckGate.evaluate(now, limits: nil, baseline: base).passed)
        now.pue = 1.12
        let drifted = CheckGate.evaluate(now, limits: nil, baseline: base)
        XCTAssertEqual(drifted.rows.filter { !$0.passed }.map(\.metric), ["pue"])
        var limits = LimitsSpec()
        limits.tolerances[.pue] = RegressionTolerance(relative: 0.02, absolute: 0)
        XCTAssertTrue(CheckGate.evaluate(now, limits: limits, baseline: base).passed)
        limits.minAvailability = 0.9999
        XCTAssertEqual(CheckGate.evaluate(now, limits: limits, baseline: base).rows.filter { !$0.passed }.map(\.metric), ["availability"])
    }

    /// A metric new since the baseline passes; one that disappeared fails; a required but missing baseline fails.
    func testAppearingAndDisappearingMetrics() throws {
        var base = try Self.summary()
        base.availability = nil
        XCTAssertTrue(CheckGate.evaluate(try Self.summary(), limits: nil, baseline: base).passed)
        XCTAssertFalse(CheckGate.evaluate(base, limits: nil, baseline: try Self.summary()).passed)
        XCTAssertFalse(CheckGate.evaluate(base, limits: nil, baseline: nil, missingBaseline: "b/summary.json").passed)
    }

    /// JUnit XML: root `testsuites` whose `tests`/`failures` sum its `testsuite`s; one `testcase` per row; a `failure`
    /// with a `message` on each violated row and none on passed rows (parsed with Foundation's XMLDocument).
    func testJUnitStructure() throws {
        var limits = LimitsSpec()
        limits.maxGpuTemperatureCelsius = 60
        let failing = CheckGate.evaluate(try Self.summary(), limits: limits, baseline: nil)
        var renamed = try Self.summary()
        renamed.scenario = "second & <quoted>"
        let passing = CheckGate.evaluate(renamed, limits: nil, baseline: try Self.summary())
        let xml = try XMLDocument(xmlString: JUnitReport.render([failing, passing]))
        let root = try XCTUnwrap(xml.rootElement())
        XCTAssertEqual(root.name, "testsuites")
        let suites = root.elements(forName: "testsuite")
        XCTAssertEqual(suites.count, 2)
        XCTAssertEqual(suites[1].attribute(forName: "name")?.stringValue, "second & <quoted>")
        let cases = suites.flatMap { $0.elements(forName: "testcase") }
        XCTAssertEqual(cases.count, failing.rows.count + passing.rows.count)
        XCTAssertEqual(root.attribute(forName: "tests")?.stringValue, String(cases.count))
        let failures = cases.flatMap { $0.elements(forName: "failure") }
        XCTAssertEqual(failures.count, 1)
        XCTAssertEqual(root.attribute(forName: "failures")?.stringValue, "1")
        XCTAssertEqual(failures[0].attribute(forName: "message")?.stringValue, "68 °C exceeds the limit 60 °C")
    }
}
