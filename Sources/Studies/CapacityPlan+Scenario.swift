import FacilitySim
import Foundation
import Scenario

/// Connects the capacity-plan search to real runs: a design is the scenario file with each variable's field
/// overridden (`--set facility.gpus=1536`, through `ScenarioLoader.load(path:overrides:)`, so every range and
/// cross-field rule checks the design), run for the plan's replications on the given threads.
public enum CapacityPlanScenario {
    /// Summary fields that are not figures of the design (`wall_seconds` is read from the host clock).
    static let excludedMetrics: Set<String> = ["wall_seconds", "seed", "replications"]

    /// The evaluator of a plan over the scenario at `path`: design values (in `variables` order) → metrics.
    ///
    /// Metrics are the numeric fields of `summary.json` under dotted snake_case keys, plus each variable's field
    /// path with its value. With `replications` > 1 each value is the mean over replications 0..<N and carries its
    /// Student-t 95 % interval (`ReplicationAggregate`), on which conditions are then checked.
    /// - Throws (from the closure): `ScenarioError` when a design does not validate; the simulation's errors.
    public static func evaluator(path: String, overrides: [ScenarioOverride] = [], variables: [CapacityPlanBlock.Variable],
                                 replications: Int, threads: Int) -> ([Int]) throws -> PlanMetrics {
        { values in
            let design = zip(variables, values).map { ScenarioOverride(path: $0.field, value: String($1)) }
            let spec = try ScenarioLoader.load(path: path, overrides: overrides + design)
            let results = try ReplicationRunner(threads: threads).run(spec, replications: replications)
            var metrics = try Self.metrics(results.map(\.summary))
            for (variable, value) in zip(variables, values) { metrics.values[variable.field] = Double(value) }
            return metrics
        }
    }

    /// The metrics of one design's replications.
    /// - Throws: an encoding error if a summary cannot round-trip JSON.
    static func metrics(_ summaries: [RunSummary]) throws -> PlanMetrics {
        if summaries.count == 1 {
            let leaves = try ReplicationAggregate.document(summaries[0]).numericLeaves()
            return PlanMetrics(values: leaves.filter { !excludedMetrics.contains($0.key) })
        }
        let aggregate = try ReplicationAggregate(summaries, wallSeconds: 0)
        var values = try ReplicationAggregate.document(aggregate.summary).numericLeaves().filter { !excludedMetrics.contains($0.key) }
        for (key, interval) in aggregate.intervals { values[key] = interval.mean }
        return PlanMetrics(values: values, confidence: aggregate.intervals.filter { !excludedMetrics.contains($0.key) })
    }

    /// Validates the scenario with every variable at its smallest and at its largest value (the others at their
    /// smallest), so a field that does not exist or does not take the range is reported before any run.
    /// - Throws: `ScenarioError` with the diagnostics (each naming the `--set` of the offending variable).
    public static func checkBounds(path: String, overrides: [ScenarioOverride] = [], variables: [CapacityPlanBlock.Variable]) throws {
        let lowest = variables.map { ScenarioOverride(path: $0.field, value: String($0.minimum)) }
        _ = try ScenarioLoader.load(path: path, overrides: overrides + lowest)
        for (i, variable) in variables.enumerated() where variable.values.count > 1 {
            var design = lowest
            design[i] = ScenarioOverride(path: variable.field, value: String(variable.values.last ?? variable.minimum))
            _ = try ScenarioLoader.load(path: path, overrides: overrides + design)
        }
    }
}

extension CapacityPlanSearch {
    /// Runs every design of the grid (for comparison with `run()`; the report then shows the grid's optimum).
    /// - Throws: the evaluator's errors.
    /// - Complexity: Πᵢ nᵢ runs.
    public mutating func exhaustive() throws -> CapacityPlanResult {
        var design = Design(repeating: 0, count: variables.count)
        let counts = variables.map { $0.values.count }
        outer: while true {
            _ = try metrics(design)
            for i in design.indices.reversed() {
                design[i] += 1
                if design[i] < counts[i] { continue outer }
                design[i] = 0
            }
            break
        }
        return result()
    }
}
