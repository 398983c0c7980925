import FacilitySim
import Foundation
import Scenario

/// One-at-a-time sensitivity of a scenario (the tornado of `factory-twin run --sensitivity`): every applicable
/// parameter at the low and at the high end of its range, every other input as the scenario writes it, same seed.
///
/// Each variant is the scenario file loaded with one more `--set` (so the validator checks it like any other) and
/// run as replication 0; runs are independent and come back in job order, so the result does not depend on the
/// thread count. The nominal run is not repeated: its metrics are given by the caller (the run it has just made).
/// - Complexity: 2 runs per applicable parameter (≈ 0.02 s each for a year of the reference hall, release build).
public struct SensitivityStudy: Sendable {
    /// The metrics charted, in order, with a fallback key when the first is absent (a run without the capacity
    /// weighting reports strict availability; one without tokens reports cost per GPU-hour).
    public static let metricChoices: [[String]] = [
        ["pue"],
        ["max_gpu_temperature_celsius"],
        ["capacity_weighted_availability", "availability"],
        ["economics.cost_per_million_tokens_usd", "economics.cost_per_gpu_hour_usd"],
    ]

    public var path: String
    public var overrides: [ScenarioOverride]
    /// The parameters varied; nil: `SensitivityCatalogue.parameters(readBy:)` of the nominal run.
    public var parameters: [SensitivityParameter]?
    public var threads: Int

    public init(path: String, overrides: [ScenarioOverride] = [], parameters: [SensitivityParameter]? = nil,
                threads: Int = ParallelRunner.availableCores) {
        self.path = path
        self.overrides = overrides
        self.parameters = parameters
        self.threads = max(1, threads)
    }

    /// The metrics of a summary the tornado reads (numeric `summary.json` leaves).
    /// - Throws: an encoding error if the summary cannot round-trip JSON.
    public static func leaves(_ summary: RunSummary) throws -> [String: Double] {
        try ReplicationAggregate.document(summary).numericLeaves()
    }

    /// Runs the study around `nominal` (the summary of the scenario as written, with the same overrides).
    /// - Throws: `ScenarioError` when the scenario itself does not load; the simulation's errors. A parameter whose
    ///   variant does not validate is recorded as not applicable with the validator's first message, not thrown.
    public func run(spec: ScenarioSpec, nominal: RunSummary) throws -> SensitivityResult {
        let nominalValues = try Self.leaves(nominal)
        let parameters = self.parameters ?? SensitivityCatalogue.parameters(readBy: nominal)
        let metrics = Self.metricChoices.compactMap { choices in choices.first { nominalValues[$0] != nil } }
        var jobs: [(parameter: Int, spec: ScenarioSpec)] = []
        var notApplicable: [Int: String] = [:]
        for (i, p) in parameters.enumerated() {
            if let reason = p.requires.missing(in: spec) { notApplicable[i] = reason; continue }
            do {
                for value in [p.low, p.high] {
                    var variant = try ScenarioLoader.load(path: path, overrides: overrides + [try ScenarioOverride(argument: p.override(value))])
                    variant.seed = spec.seed
                    jobs.append((i, variant))
                }
            } catch let error as ScenarioError {
                notApplicable[i] = error.diagnostics.first?.message ?? "\(error)"
                jobs.removeAll { $0.parameter == i }
            }
        }
        let specs = jobs.map(\.spec)
        let summaries = try ParallelRunner(threads: threads).map(count: specs.count) { j in
            try ReplicationRunner.runOne(specs[j], replication: spec.replication).summary
        }
        var values: [Int: [[String: Double]]] = [:]
        for (job, summary) in zip(jobs, summaries) {
            let all = try Self.leaves(summary)
            values[job.parameter, default: []].append(Dictionary(uniqueKeysWithValues: metrics.compactMap { m in all[m].map { (m, $0) } }))
        }
        let entries = parameters.enumerated().map { i, p in
            SensitivityResult.Parameter(name: p.name, unit: p.unit, low: p.low, high: p.high, source: p.source, assumed: p.assumed,
                                        lowValues: values[i]?.first ?? [:], highValues: values[i]?.last ?? [:],
                                        notApplicable: notApplicable[i])
        }
        return SensitivityResult(scenario: nominal.scenario, metrics: metrics,
                                 nominal: nominalValues.filter { metrics.contains($0.key) }, parameters: entries, runs: 1 + specs.count)
    }
}
