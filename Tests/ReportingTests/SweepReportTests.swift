import Foundation
import XCTest
@testable import Reporting

/// The sweep report: sweep.csv parsed, one line per combination of the other axes, feasible points marked.
final class SweepReportTests: XCTestCase {
    static let csv = """
    index,heat_rejection.supply_setpoint,thermal_management.controller,pue,pue_ci95_low,pue_ci95_high,max_gpu_temperature_celsius,max_gpu_temperature_celsius_ci95_low,max_gpu_temperature_celsius_ci95_high,seconds_above_gpu_limit,seconds_above_gpu_limit_ci95_low,seconds_above_gpu_limit_ci95_high
    0,24°C,reactive,1.14,1.13,1.15,66.1,65.8,66.4,0,0,0
    1,32°C,reactive,1.105,1.10,1.11,70.1,69.9,70.3,1200,900,1500
    2,24°C,predictive,1.139,,,65.5,,,0,,
    3,32°C,predictive,1.104,,,69.99,,,0,,

    """

    /// Axes are the columns between `index` and the first metric; a missing interval (one replication) is nil;
    /// 70.1 °C with 1,200 s above is infeasible, 69.99 °C with none is feasible (limit 70 °C + 0.05 K).
    func testParseAndFeasibility() throws {
        let sweep = try SweepInput.parse(Self.csv)
        XCTAssertEqual(sweep.axes, ["heat_rejection.supply_setpoint", "thermal_management.controller"])
        XCTAssertEqual(sweep.metricNames, ["pue", "max_gpu_temperature_celsius", "seconds_above_gpu_limit"])
        XCTAssertNil(sweep.points[2].metrics["pue"]?.low)
        XCTAssertEqual(sweep.points[0].metrics["pue"]?.high, 1.15)
        XCTAssertEqual(sweep.points.map { SweepReport.feasible($0) }, [true, false, true, true])
        XCTAssertEqual(SweepInput.number("1_024"), 1024)
        XCTAssertEqual(SweepInput.number("28°C"), 28)
        XCTAssertThrowsError(try SweepInput.parse("index,a,pue,pue_ci95_low,pue_ci95_high\n0,1,2\n")) {
            XCTAssertTrue("\($0)".contains("line 2"), "\($0)")
        }
    }

    /// Three charts (temperature, time above, PUE), each well-formed with both axis labels and two series (one per
    /// controller) plus the 70 °C line in the temperature chart's legend.
    func testChartsPerMetricAndGroup() throws {
        let svgs = SweepReport.svgs(try SweepInput.parse(Self.csv))
        XCTAssertEqual(svgs.map(\.0), ["Peak GPU temperature", "Time above the GPU limit", "PUE"])
        for (title, svg) in svgs {
            let (inspector, error) = SVGInspector.inspect(svg)
            guard let inspector else { XCTFail("\(title): \(error ?? "")"); continue }
            XCTAssertNotNil(inspector.texts.first { $0.cls == "axis-label x" }, title)
            XCTAssertNotNil(inspector.texts.first { $0.cls == "axis-label y" }, title)
            let legend = inspector.texts.filter { $0.cls == "legend" }.map(\.content)
            XCTAssertEqual(legend.prefix(2), ["thermal_management.controller=reactive", "thermal_management.controller=predictive"], title)
            XCTAssertTrue(inspector.overlaps.isEmpty, "\(title): \(inspector.overlaps)")
        }
    }
}
