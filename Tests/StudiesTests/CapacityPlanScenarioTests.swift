import FacilitySim
import Foundation
import Scenario
import XCTest
@testable import Studies

/// The capacity-plan search driven by real runs of a scenario file, through `--set` overrides.
final class CapacityPlanScenarioTests: XCTestCase {
    /// GPUs 64…1024 step 64 (16 designs) of the one-day fixture hall. IT power is proportional to the GPU count
    /// (identical GPUs form one cohort; every per-GPU figure scales), so a target of 9.99 × the 64-GPU hall's mean
    /// IT power needs ⌈9.99⌉ × 64 = 640 GPUs (576 give only 9×). Minimising facility energy, which grows with the
    /// GPU count, the plan must recommend 640, as the exhaustive grid does, with fewer runs than the grid.
    func testPlanOverRealRunsMatchesTheGrid() throws {
        let directory = try StudyFixtures.temporaryDirectory(self)
        let path = try StudyFixtures.writeScenario(in: directory)
        let reference = try FacilitySimulation(spec: ScenarioLoader.load(path: path)).run().summary
        let variables = [CapacityPlanBlock.Variable(field: "facility.gpus", minimum: 64, maximum: 1024, step: 64)]
        let conditions = [PlanCondition(metric: "mean_it_power_watts", relation: .atLeast, bound: 9.99 * reference.meanItPowerWatts)]
        func search() throws -> CapacityPlanSearch {
            try CapacityPlanSearch(variables: variables, conditions: conditions, objective: "facility_energy_joules",
                                   evaluate: CapacityPlanScenario.evaluator(path: path, variables: variables, replications: 1, threads: 1))
        }
        var planned = try search()
        let result = try planned.run()
        XCTAssertEqual(result.recommended?.design, ["facility.gpus": 640])
        XCTAssertLessThan(result.evaluations, result.gridPoints)
        var grid = try search()
        let exhaustive = try grid.exhaustive()
        XCTAssertEqual(exhaustive.evaluations, 16)
        XCTAssertEqual(exhaustive.recommended?.design, result.recommended?.design)
        // The variable is a metric too, under its field path.
        XCTAssertEqual(planned.evaluated.last?.metrics.values["facility.gpus"].map { Int($0) }.map { $0 % 64 }, 0)
    }

    /// With two replications every metric carries a 95 % interval. The fixture's pumps and GPUs fail at random, so
    /// the replications differ (half-width > 0); the single run is replication 0, and with n = 2 the mean lies
    /// |a − b|/2 from it while the half-width is t(0.975, 1)·|a − b|/2 = 12.7·|a − b|/2, so the single run is inside.
    func testReplicationsGiveIntervals() throws {
        let directory = try StudyFixtures.temporaryDirectory(self)
        let path = try StudyFixtures.writeScenario(in: directory)
        let variables = [CapacityPlanBlock.Variable(field: "facility.gpus", minimum: 64, maximum: 128, step: 64)]
        let one = try CapacityPlanScenario.evaluator(path: path, variables: variables, replications: 1, threads: 1)([128])
        let two = try CapacityPlanScenario.evaluator(path: path, variables: variables, replications: 2, threads: 2)([128])
        let pue = try XCTUnwrap(two.confidence["pue"])
        XCTAssertGreaterThan(pue.halfWidth, 0)
        XCTAssertLessThanOrEqual(abs(try XCTUnwrap(two.values["pue"]) - (try XCTUnwrap(one.values["pue"]))), pue.halfWidth)
        XCTAssertNil(one.values["wall_seconds"])
    }

    /// A variable naming a field that does not exist is reported before any run, as a located scenario error
    /// naming the `--set` it became.
    func testBoundsAreValidatedFirst() throws {
        let directory = try StudyFixtures.temporaryDirectory(self)
        let path = try StudyFixtures.writeScenario(in: directory)
        let variables = [CapacityPlanBlock.Variable(field: "facility.gpuz", minimum: 64, maximum: 128, step: 64)]
        XCTAssertThrowsError(try CapacityPlanScenario.checkBounds(path: path, variables: variables)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("facility.gpuz"), text)
            XCTAssertTrue(text.contains("did you mean 'gpus'"), text)
        }
        let tooMany = [CapacityPlanBlock.Variable(field: "facility.gpus", minimum: 64, maximum: 20_000_000, step: 10_000_000)]
        XCTAssertThrowsError(try CapacityPlanScenario.checkBounds(path: path, variables: tooMany))
    }

    /// The `plan:` block is read and checked: variables, conditions, objective, replications; a bad condition and
    /// max < min are located errors.
    func testPlanBlock() throws {
        let block = """
        plan:
          variables:
            - {field: facility.gpus, min: 64, max: 512, step: 64}
            - {field: "reliability.cooling_units[0].spares", min: 0, max: 2, monotone: none}
          conditions: ["pue<=1.2", "mean_it_power_watts=1e5"]
          minimize: facility_energy_joules
          replications: 3
        """
        let spec = try ScenarioLoader.parse(StudyFixtures.text + "\n" + block, file: "p.yaml", baseDirectory: StudyFixtures.packageRoot)
        let plan = try XCTUnwrap(spec.plan)
        XCTAssertEqual(plan.variables.map(\.values.count), [8, 3])
        XCTAssertEqual(plan.variables[1].monotone, .none)
        XCTAssertEqual(plan.conditions, [PlanCondition(metric: "pue", relation: .atMost, bound: 1.2),
                                         PlanCondition(metric: "mean_it_power_watts", relation: .atLeast, bound: 1e5)])
        XCTAssertEqual(plan.minimize, "facility_energy_joules")
        XCTAssertEqual(plan.replications, 3)

        let bad = "plan:\n  variables:\n    - {field: facility.gpus, min: 512, max: 64}\n  conditions: [\"pue<1.2\"]\n"
        XCTAssertThrowsError(try ScenarioLoader.parse(StudyFixtures.text + "\n" + bad, file: "p.yaml", baseDirectory: StudyFixtures.packageRoot)) { error in
            let paths = (error as? ScenarioError)?.diagnostics.map(\.path) ?? []
            XCTAssertEqual(Set(paths), ["plan.variables[0].max", "plan.conditions[0]"], "\(error)")
        }
    }
}
