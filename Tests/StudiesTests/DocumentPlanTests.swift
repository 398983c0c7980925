import FacilitySim
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Reporting
import Scenario
import XCTest
@testable import Studies

/// `plan --meet document` over real runs of the reference hall, on an 8-design space and a one-day horizon so the
/// whole grid can be run to check the search.
final class DocumentPlanTests: XCTestCase {
    static let reference = StudyFixtures.packageRoot.appendingPathComponent("Scenarios/reference-immersion.yaml").path
    static let airCooled = StudyFixtures.packageRoot.appendingPathComponent("Scenarios/traditional-air-cooled.yaml").path
    static let day = [ScenarioOverride(path: "horizon", value: "24h")]

    /// Two supply temperatures × two coolants × two hall sizes.
    static let space: DocumentDesignSpace = {
        let full = DocumentDesignSpace.document.axes
        func pick(_ name: String, _ labels: [String]) -> DocumentDesignSpace.Axis {
            var axis = full.first { $0.name == name }!
            axis.options = axis.options.filter { labels.contains($0.label) }
            return axis
        }
        return DocumentDesignSpace(axes: [pick("supply temperature", ["24 °C", "30 °C"]), pick("coolant", ["tanks + cold plates", "cold plates only"]),
                                          pick("hall size", ["8 GPUs", "16 GPUs"])])
    }()

    static func baseline() throws -> RunSummary {
        try ReplicationRunner.runOne(ScenarioLoader.load(path: airCooled, overrides: day), replication: 0).summary
    }

    /// The search's recommendation is the cheapest design of the full 8-design grid that passes every row that some
    /// design passes (brute force over the same runs: each design's metrics recomputed independently). The ratio of
    /// PUEs needs PUE ≤ baseline/1.5, below 1 for any baseline under 1.5, so it is relaxed before any run with that
    /// reason; each row's pass count equals the count over the designs listed; on the front no design is dominated by
    /// another passing design, and every passing design off the front is dominated by one on it. The report's two
    /// front projections are well-formed XML with axis labels and mark the recommendation.
    func testRecommendationIsTheGridOptimumAndTheFrontIsNonDominated() throws {
        let base = try Self.baseline()
        XCTAssertLessThan(base.pue, 1.5)
        let plan = DocumentPlan(path: Self.reference, overrides: Self.day, space: Self.space, baseline: base)
        let result = try plan.run()
        let ratio = try XCTUnwrap(result.rows.first { $0.condition.hasPrefix("pue_ratio_vs_baseline") })
        XCTAssertTrue(ratio.binding?.hasPrefix("PUE ≥ 1 by definition") ?? false, ratio.binding ?? "nil")
        XCTAssertTrue(result.relaxed.contains(ratio.name))
        let spec = try ScenarioLoader.load(path: Self.reference, overrides: Self.day)
        let rows = DocumentPlan.rows(limitCelsius: spec.thermalManagement.gpuTemperatureThresholdCelsius, baseline: base)
            .filter { !result.relaxed.contains($0.name) }
        var best: (cost: Double, labels: [String: String])?
        for design in Self.grid(Self.space) {
            // As the plan runs its designs: without the reference's training job, which needs 1,024 GPUs.
            let variant = try ScenarioLoader.load(path: Self.reference, overrides: Self.day + [ScenarioOverride(path: "workload.kind", value: "none")]
                                                  + Self.space.overrides(design))
            let m = try plan.metrics(ReplicationRunner.runOne(variant, replication: 0).summary)
            guard rows.allSatisfy({ PlanConditionCheck.meets($0.condition, m) }), let cost = m.value(DocumentPlan.objective) else { continue }
            if best == nil || cost < best!.cost { best = (cost, Self.space.labels(design)) }
        }
        let recommended = try XCTUnwrap(result.recommended)
        XCTAssertEqual(recommended.choices, best?.labels)
        XCTAssertEqual(recommended.cost, best?.cost ?? .nan, accuracy: 1e-9 * recommended.cost)
        for row in result.rows {
            XCTAssertEqual(row.passedBy, result.designs.filter { $0.passes[row.name] == true }.count, row.name)
        }
        let passing = result.designs.filter(\.feasible)
        for d in passing where d.onFront { XCTAssertFalse(passing.contains { DocumentPlan.dominates($0, d) }) }
        for d in passing where !d.onFront { XCTAssertTrue(passing.contains { $0.onFront && DocumentPlan.dominates($0, d) }) }
        XCTAssertTrue(recommended.onFront, "the cheapest passing design cannot be beaten on cost")
        try checkReport(result)
    }

    func checkReport(_ result: DocumentPlanResult) throws {
        let html = DocumentPlanReport.html(result)
        let svgs = SVGInspectorLite.svgElements(in: html)
        XCTAssertEqual(svgs.count, 2)
        for svg in svgs {
            let parser = XMLParser(data: Data(svg.utf8))
            XCTAssertTrue(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
            XCTAssertTrue(svg.contains("class=\"axis-label x\""))
            XCTAssertTrue(svg.contains(">recommended</text>"))
        }
        XCTAssertTrue(DocumentPlanReport.markdown(result).contains("binding constraint"))
        let directory = try StudyFixtures.temporaryDirectory(self)
        let file = directory.appendingPathComponent("document-plan.json")
        try DocumentPlan.json(result).write(to: file)
        XCTAssertEqual(try DocumentPlanReport.load(file), result, "document-plan.json reads back equal for `factory-twin report`")
    }

    /// A scenario without serving (no tokens, so no throughput row) is refused before any run, naming the file.
    func testScenarioWithoutServingIsRefused() {
        XCTAssertThrowsError(try DocumentPlan(path: Self.airCooled, overrides: Self.day, baseline: nil).run()) { error in
            XCTAssertTrue("\(error)".contains("traditional-air-cooled.yaml: --meet document needs a serving block"), "\(error)")
        }
    }

    /// Dominance: lower cost, lower PUE, higher uptime; equal designs do not dominate each other.
    func testDominance() {
        func d(_ c: Double, _ p: Double, _ u: Double) -> DocumentPlanResult.Design {
            .init(choices: [:], cost: c, pue: p, uptime: u, passes: [:], feasible: true, onFront: false)
        }
        XCTAssertTrue(DocumentPlan.dominates(d(1, 1.1, 0.999), d(2, 1.1, 0.999)))
        XCTAssertTrue(DocumentPlan.dominates(d(1, 1.1, 0.9999), d(1, 1.1, 0.999)))
        XCTAssertFalse(DocumentPlan.dominates(d(1, 1.2, 0.9999), d(2, 1.1, 0.999)))
        XCTAssertFalse(DocumentPlan.dominates(d(1, 1.1, 0.999), d(1, 1.1, 0.999)))
    }

    /// Every design of a space, first axis slowest.
    static func grid(_ space: DocumentDesignSpace) -> [[Int]] {
        space.axes.reduce([[]]) { partial, axis in partial.flatMap { p in axis.options.indices.map { p + [$0] } } }
    }
}

/// The `<svg>` elements of an HTML document (the Reporting tests' inspector is not visible here).
enum SVGInspectorLite {
    static func svgElements(in html: String) -> [String] {
        var result: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "<svg "), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
            result.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return result
    }
}
