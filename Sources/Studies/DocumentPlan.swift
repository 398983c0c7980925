import FacilitySim
import Foundation
import Reporting
import Scenario

/// `factory-twin plan SCENARIO --meet document`: the cheapest design over `DocumentDesignSpace` that passes every
/// row of the document's benchmark table, as `Benchmarks` judges the rows, found by `CapacityPlanSearch` (each axis
/// an integer variable, each design a real run of the scenario with the axis overrides).
///
/// A row no design can pass is the binding constraint: it is named with why (a bound beyond what PUE ≥ 1 allows, or
/// the best value any design run reached), left out, and the search repeats on the other rows, so the recommended
/// design passes every row that can be passed. Designs run once (cached across repeats), in a deterministic order.
public struct DocumentPlan {
    /// One benchmark row as a condition.
    public struct Row: Sendable {
        public var name: String
        public var condition: PlanCondition
    }

    /// The metric minimised: the total cost of ownership over the horizon.
    public static let objective = "economics.horizon_cost_usd"
    /// Derived metrics added to each design's summary leaves.
    static let uptimeKey = "uptime", pueRatioKey = "pue_ratio_vs_baseline", overheadRatioKey = "overhead_ratio_vs_baseline"

    public var path: String
    public var overrides: [ScenarioOverride]
    public var space: DocumentDesignSpace
    /// The baseline design's summary (the air-cooled hall), for the two "better than a traditional DC" rows.
    public var baseline: RunSummary?

    public init(path: String, overrides: [ScenarioOverride] = [], space: DocumentDesignSpace = .document, baseline: RunSummary?) {
        self.path = path
        self.overrides = overrides
        self.space = space
        self.baseline = baseline
    }

    /// The document's rows, with the bounds `Benchmarks` passes them at (PUE to 3 decimals, 0.05 K on the peak).
    public static func rows(limitCelsius: Double, baseline: RunSummary?) -> [Row] {
        var rows = [
            Row(name: "Inference throughput", condition: .init(metric: "tokens_per_second", relation: .atLeast, bound: Benchmarks.throughputRange.lowerBound)),
            Row(name: "PUE target", condition: .init(metric: "pue", relation: .atMost, bound: Benchmarks.pueTarget + 5e-4)),
        ]
        if baseline != nil {
            rows.append(Row(name: "Energy efficiency vs traditional DC — ratio of PUEs",
                            condition: .init(metric: pueRatioKey, relation: .atLeast, bound: Benchmarks.improvementRange.lowerBound)))
            rows.append(Row(name: "Energy efficiency vs traditional DC — ratio of overheads",
                            condition: .init(metric: overheadRatioKey, relation: .atLeast, bound: Benchmarks.improvementRange.lowerBound)))
        }
        rows += [
            Row(name: "Cost per inference below public cloud",
                condition: .init(metric: "economics.saving_versus_cloud_percent", relation: .atLeast, bound: Benchmarks.savingRange.lowerBound)),
            Row(name: "Uptime", condition: .init(metric: uptimeKey, relation: .atLeast, bound: Benchmarks.uptimeRange.lowerBound)),
            Row(name: "GPU temperature policy — time above the limit", condition: .init(metric: "seconds_above_gpu_limit", relation: .atMost, bound: 0)),
            Row(name: "GPU temperature policy — peak", condition: .init(metric: "max_gpu_temperature_celsius", relation: .atMost, bound: limitCelsius + 0.05)),
        ]
        return rows
    }

    /// The metrics of one design's run: summary leaves plus uptime (capacity-weighted availability, else strict) and
    /// the ratios to the baseline.
    func metrics(_ summary: RunSummary) throws -> PlanMetrics {
        var m = try CapacityPlanScenario.metrics([summary])
        if let u = summary.capacityWeightedAvailability ?? summary.availability { m.values[Self.uptimeKey] = u }
        if let b = baseline {
            m.values[Self.pueRatioKey] = b.pue / summary.pue
            m.values[Self.overheadRatioKey] = summary.pue > 1 ? (b.pue - 1) / (summary.pue - 1) : .infinity
        }
        return m
    }

    /// Why a row cannot be met whatever the design, known before any run: a PUE ratio needing PUE < 1.
    func analyticBinding(_ row: Row) -> String? {
        guard row.condition.metric == Self.pueRatioKey, let b = baseline else { return nil }
        let needed = b.pue / row.condition.bound
        guard needed < 1 else { return nil }
        return "PUE ≥ 1 by definition (The Green Grid): a \(Self.fixed(row.condition.bound, 1))× ratio to the baseline's PUE \(Self.fixed(b.pue, 3)) needs PUE ≤ \(Self.fixed(needed, 3)); only a baseline at PUE ≥ \(Self.fixed(row.condition.bound, 2)) leaves room."
    }

    /// Runs the plan (sequentially: every design is one run, in the search's deterministic order).
    /// - Throws: `ScenarioError` when a design does not validate; `CapacityPlanError.invalid` when the scenario lacks
    ///   a block a row needs (serving for tokens, economics for cost).
    public func run() throws -> DocumentPlanResult {
        let spec = try ScenarioLoader.load(path: path, overrides: overrides)
        var missing: [String] = []
        if spec.serving == nil { missing.append("a serving block (the throughput row: tokens/s)") }
        if spec.economics == nil { missing.append("an economics block (the cost row and the objective)") }
        guard missing.isEmpty else { throw CapacityPlanError.invalid("\(path): --meet document needs " + missing.joined(separator: " and ")) }
        let rows = Self.rows(limitCelsius: spec.thermalManagement.gpuTemperatureThresholdCelsius, baseline: baseline)
        let cache = DesignCache()
        // The rows judged here are the facility's; a training job sized for the scenario's own hall does not fit a
        // smaller design, so designs run without it (`run` judges the training row on the scenario's hall).
        let withoutJob = spec.training == nil ? [] : [ScenarioOverride(path: "workload.kind", value: "none")]
        let evaluate: ([Int]) throws -> PlanMetrics = { design in
            if let m = cache.metrics[design] { return m }
            let variant = try ScenarioLoader.load(path: path, overrides: overrides + withoutJob + space.overrides(design))
            let m = try metrics(try ReplicationRunner.runOne(variant, replication: 0).summary)
            cache.store(design, m)
            return m
        }
        let variables = space.axes.map { axis in
            CapacityPlanBlock.Variable(field: axis.name, minimum: 0, maximum: axis.options.count - 1, monotone: axis.monotone ? .increasing : .none)
        }
        var relaxed: [String: String] = [:]
        for row in rows { if let why = analyticBinding(row) { relaxed[row.name] = why } }
        var recommended: [Int]?
        while true {
            let active = rows.filter { relaxed[$0.name] == nil }
            var search = try CapacityPlanSearch(variables: variables, conditions: active.map(\.condition),
                                                objective: Self.objective, evaluate: evaluate)
            let result = try search.run()
            if let r = result.recommended {
                recommended = space.axes.map { r.design[$0.name] ?? 0 }
                break
            }
            guard !active.isEmpty else { break }
            relaxed.merge(bindings(active, cache: cache)) { a, _ in a }
        }
        return assemble(rows: rows, relaxed: relaxed, recommended: recommended, cache: cache)
    }

    /// Bindings of the rows no design run met; when each was met by some design but never all together, the row met
    /// by the fewest designs is the binding one.
    func bindings(_ active: [Row], cache: DesignCache) -> [String: String] {
        let all = cache.order.map { ($0, cache.metrics[$0]!) }
        func meets(_ row: Row, _ m: PlanMetrics) -> Bool { PlanConditionCheck.meets(row.condition, m) }
        var result: [String: String] = [:]
        for row in active where !all.contains(where: { meets(row, $0.1) }) {
            result[row.name] = bestDescription(row, all)
        }
        if result.isEmpty, let hardest = active.min(by: { a, b in all.filter { meets(a, $0.1) }.count < all.filter { meets(b, $0.1) }.count }) {
            let count = all.filter { meets(hardest, $0.1) }.count
            let others = active.filter { $0.name != hardest.name }.map(\.name).joined(separator: "; ")
            result[hardest.name] = "met by \(count) of \(all.count) designs run, but never together with every other row (\(others))."
        }
        return result
    }

    /// "best value … at design …" for a row no design met.
    func bestDescription(_ row: Row, _ all: [([Int], PlanMetrics)]) -> String {
        let c = row.condition
        let valued = all.compactMap { d, m in m.value(c.metric).map { (d, m, $0) } }
        guard let best = c.relation == .atMost ? valued.min(by: { $0.2 < $1.2 }) : valued.max(by: { $0.2 < $1.2 }) else {
            return "no design run reports \(c.metric)."
        }
        let design = space.labels(best.0).sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        var text = "no design of the \(all.count) run meets \(c); the best is \(Self.number(best.2)) (\(design))."
        if c.metric == "pue", let share = largestOverhead(best.1) { text += " Its largest overhead is \(share)." }
        return text
    }

    static func fixed(_ x: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", x) }
    static func number(_ x: Double) -> String { String(format: "%.6g", x) }

    /// The largest non-IT subsystem of a design as "name x.x % of IT energy".
    func largestOverhead(_ m: PlanMetrics) -> String? {
        guard let it = m.values["it_energy_joules"], it > 0 else { return nil }
        let prefix = "energy_by_subsystem_joules."
        let parts = m.values.filter { $0.key.hasPrefix(prefix) && $0.key != prefix + "it" }
        guard let top = parts.max(by: { $0.value < $1.value }) else { return nil }
        return "\(top.key.dropFirst(prefix.count)) at \(Self.fixed(100 * top.value / it, 1)) % of IT energy"
    }
}

/// Designs run with their metrics, in the order run (a class: the evaluator closure fills it).
final class DesignCache {
    private(set) var metrics: [[Int]: PlanMetrics] = [:]
    private(set) var order: [[Int]] = []

    func store(_ design: [Int], _ m: PlanMetrics) {
        if metrics[design] == nil { order.append(design) }
        metrics[design] = m
    }
}

/// Whether a metric meets a condition (the conservative value, as the search judges it).
enum PlanConditionCheck {
    static func meets(_ c: PlanCondition, _ m: PlanMetrics) -> Bool {
        guard let v = m.conservativeValue(for: c) else { return false }
        return c.relation == .atLeast ? v >= c.bound : v <= c.bound
    }
}
