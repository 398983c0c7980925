import Foundation
import XCTest
import FacilitySim
@testable import Reporting

/// The plan report: plan.json decoded, the recommended design and runners-up with their margins, and the
/// feasible-region chart with feasible and infeasible designs distinguished.
final class PlanReportTests: XCTestCase {
    /// A plan.json as `CapacityPlanResult.json()` writes it: five designs run over facility.gpus and one spare count,
    /// three feasible (gpus 1024, 1152, 1280), two infeasible (768, 896); 1024 recommended.
    static let plan = """
    {"closest": null, "conditions": ["tokens_per_second>=4000000.0", "max_gpu_temperature_celsius<=70.0"],
     "evaluations": 5, "grid_points": 120, "objective": "facility_energy_joules",
     "variables": ["facility.gpus", "reliability.cooling_units[0].spares"],
     "recommended": {"design": {"facility.gpus": 1024, "reliability.cooling_units[0].spares": 1}, "objective": 2.1e12, "feasible": true,
       "margins": [{"condition": "tokens_per_second>=4000000.0", "value": 4.2e6, "margin": 2e5, "relative_margin": 0.05},
                   {"condition": "max_gpu_temperature_celsius<=70.0", "value": 66.5, "margin": 3.5, "relative_margin": 0.05}]},
     "runners_up": [{"design": {"facility.gpus": 1152, "reliability.cooling_units[0].spares": 0}, "objective": 2.3e12, "feasible": true,
       "margins": [{"condition": "tokens_per_second>=4000000.0", "value": 4.7e6, "margin": 7e5, "relative_margin": 0.175},
                   {"condition": "max_gpu_temperature_celsius<=70.0", "value": 66.0, "margin": 4.0, "relative_margin": 0.0571}]}],
     "evaluated": [
       {"design": {"facility.gpus": 768, "reliability.cooling_units[0].spares": 0}, "objective": 1.6e12, "feasible": false, "margins": []},
       {"design": {"facility.gpus": 896, "reliability.cooling_units[0].spares": 1}, "objective": 1.85e12, "feasible": false, "margins": []},
       {"design": {"facility.gpus": 1024, "reliability.cooling_units[0].spares": 1}, "objective": 2.1e12, "feasible": true, "margins": []},
       {"design": {"facility.gpus": 1152, "reliability.cooling_units[0].spares": 0}, "objective": 2.3e12, "feasible": true, "margins": []},
       {"design": {"facility.gpus": 1280, "reliability.cooling_units[0].spares": 0}, "objective": "nan", "feasible": true, "margins": []}]}
    """

    /// The table holds the recommended design and the runner-up with each margin (3.5 K on the temperature bound,
    /// 3.5/70 = 5.00 %, the value printed with six significant digits as 66.5000, the margin with four as 3.500); the counts in the legend match plan.json's `evaluated` (3 feasible, 2 infeasible, the NaN
    /// objective counted in the text but not drawn); a plan without variables is a thrown error.
    func testTablesAndCounts() throws {
        let plan = try CapacityPlanResult.parse(Data(Self.plan.utf8))
        let html = PlanReport.html(plan, title: "p"), md = PlanReport.markdown(plan, title: "p")
        let feasible = plan.evaluated!.filter(\.feasible).count, infeasible = plan.evaluated!.count - feasible
        XCTAssertEqual([feasible, infeasible], [3, 2])
        for doc in [html, md] {
            XCTAssertTrue(doc.contains("facility.gpus=1024, reliability.cooling_units[0].spares=1"))
            XCTAssertTrue(doc.contains("66.5000 (margin 3.500, 5.00 %)"))
            XCTAssertTrue(doc.contains("runner-up 1"))
            XCTAssertTrue(doc.contains("Charted: \(feasible) feasible, \(infeasible) infeasible"))
        }
        XCTAssertThrowsError(try CapacityPlanResult.parse(Data(#"{"variables": []}"#.utf8)))
    }

    /// The chart is well-formed, has axis labels with units (facility_energy_joules up to 2.3e12 J is drawn in TJ), no overlapping labels,
    /// and draws 2 feasible + 2 infeasible + 1 recommended markers (the design with a NaN objective is not drawn, and
    /// the legend counts the designs drawn): feasible (2), infeasible (2), recommended.
    func testFeasibleRegionChart() throws {
        let svg = try XCTUnwrap(PlanReport.chart(try CapacityPlanResult.parse(Data(Self.plan.utf8))))
        let (inspector, error) = SVGInspector.inspect(svg)
        guard let inspector else { return XCTFail(error ?? "") }
        XCTAssertEqual(inspector.texts.first { $0.cls == "axis-label y" }?.content, "facility_energy_joules (TJ)")
        XCTAssertTrue(inspector.texts.first { $0.cls == "axis-label x" }?.content.hasPrefix("facility.gpus (units)") ?? false)
        XCTAssertEqual(inspector.texts.filter { $0.cls == "legend" }.map(\.content), ["feasible (2)", "infeasible (2)", "recommended"])
        XCTAssertEqual(inspector.elements["circle"], 5)
        XCTAssertNil(inspector.elements["polyline"], "designs are markers, not a line")
        XCTAssertTrue(inspector.overlaps.isEmpty, "\(inspector.overlaps)")
    }
}
