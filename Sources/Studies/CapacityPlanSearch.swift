import FacilitySim

/// The search of `factory-twin plan`: the design (one value per sizing variable) that minimises a metric while
/// meeting every condition, found with far fewer runs than the full grid.
///
/// It works against an evaluator closure (design → metrics), so it is tested on analytic examples and driven by
/// real runs alike. Every design is evaluated at most once (results are cached), in a deterministic order.
///
/// 1. **Feasible start.** The most capable corner (every `increasing` variable at its maximum, every `decreasing`
///    one at its minimum, the others mid-range). If it fails a condition, a descent on the total relative
///    violation walks to a feasible design (or reports the closest design when none is found).
/// 2. **Bisection on monotone variables**, one coordinate at a time with the others held: along an `increasing`
///    variable, designs below the smallest feasible value fail and the current value passes, so the boundary is
///    found in ⌈log₂ n⌉ runs. Rounds repeat until no coordinate moves (each round can only lower the values).
/// 3. **Local search** on the objective among feasible designs: single steps (±1 in one variable) and pair
///    moves (±1 in two variables, including trades of one for another); move to the best improving neighbour
///    until none improves. Objectives within a relative 1e-9 tie, and a tie goes to the smaller design.
///
/// With monotone conditions and an objective increasing in every variable, step 2 already ends on the cheapest
/// boundary design along each axis and step 3 checks trades between variables; without monotonicity the result is
/// a local optimum (the report says how many designs were run, so a grid can be run to compare).
/// - Complexity: about Σᵢ log₂ nᵢ runs per bisection round plus 2k² neighbours per local-search step for k
///   variables, instead of Πᵢ nᵢ for the grid.
public struct CapacityPlanSearch {
    /// A design: the index of each variable's value in `CapacityPlanBlock.Variable.values`.
    public typealias Design = [Int]

    /// What to search over and for.
    public var variables: [CapacityPlanBlock.Variable]
    public var conditions: [PlanCondition]
    /// The metric to minimise.
    public var objective: String
    /// Runs one design (variable values in `variables` order) and returns its metrics.
    public var evaluate: ([Int]) throws -> PlanMetrics

    /// Designs already run, with their metrics, in the order they were run.
    public private(set) var evaluated: [(design: Design, metrics: PlanMetrics)] = []
    private var cache: [Design: Int] = [:]
    private let grids: [[Int]]

    /// A search; `evaluate` receives the variables' values (not indices).
    /// - Throws: `CapacityPlanError` for an empty variable list or an empty range.
    public init(variables: [CapacityPlanBlock.Variable], conditions: [PlanCondition], objective: String,
                evaluate: @escaping ([Int]) throws -> PlanMetrics) throws {
        guard !variables.isEmpty else { throw CapacityPlanError.invalid("the plan lists no variables to size") }
        for v in variables where v.values.isEmpty || v.step < 1 {
            throw CapacityPlanError.invalid("\(v.field): no values between \(v.minimum) and \(v.maximum) with step \(v.step)")
        }
        self.variables = variables
        self.conditions = conditions
        self.objective = objective
        self.evaluate = evaluate
        self.grids = variables.map(\.values)
    }

    /// Number of designs in the full grid.
    public var gridPoints: Int { grids.reduce(1) { $0 * $1.count } }

    /// The values of a design.
    public func values(of design: Design) -> [Int] { zip(grids, design).map { $0[$1] } }

    // MARK: evaluation

    /// The metrics of `design`, running it only the first time.
    /// - Throws: the evaluator's error, or `CapacityPlanError.unknownMetric` when a condition or the objective names
    ///   a metric the run does not report.
    mutating func metrics(_ design: Design) throws -> PlanMetrics {
        if let i = cache[design] { return evaluated[i].metrics }
        let m = try evaluate(values(of: design))
        for name in conditions.map(\.metric) + [objective] where m.value(name) == nil {
            throw CapacityPlanError.unknownMetric(name, available: m.values.keys.sorted())
        }
        cache[design] = evaluated.count
        evaluated.append((design, m))
        return m
    }

    /// Margin of each condition (positive or zero: met), in the metric's unit, on the conservative value.
    func margins(_ m: PlanMetrics) -> [Double] {
        conditions.map { c in
            let v = m.conservativeValue(for: c) ?? .nan
            return c.relation == .atLeast ? v - c.bound : c.bound - v
        }
    }

    func isFeasible(_ m: PlanMetrics) -> Bool { margins(m).allSatisfy { $0 >= 0 } }

    /// Total relative violation: Σ max(0, −margin) / max(|bound|, 1e-12).
    func violation(_ m: PlanMetrics) -> Double {
        zip(conditions, margins(m)).reduce(0) { $0 + max(0, -$1.1) / max(abs($1.0.bound), 1e-12) }
    }

    mutating func feasible(_ design: Design) throws -> Bool { try isFeasible(metrics(design)) }

    mutating func cost(_ design: Design) throws -> Double { try metrics(design).value(objective) ?? .infinity }

    /// Objectives closer than this relative difference are a tie (rounding noise of sums over a year of events).
    static let tieTolerance = 1e-9

    /// Whether design `a` (objective `ca`) is preferred to `b` (objective `cb`): a lower objective beyond the tie
    /// tolerance, or a tie and a smaller design (fewer steps summed over the variables, then lexicographically), so
    /// that a variable the objective does not see (a spare that never runs) is not sized up for nothing.
    static func isBetter(_ a: Design, _ ca: Double, than b: Design, _ cb: Double) -> Bool {
        let tolerance = tieTolerance * max(abs(ca), abs(cb))
        if ca < cb - tolerance { return true }
        if ca > cb + tolerance { return false }
        let (sa, sb) = (a.reduce(0, +), b.reduce(0, +))
        return sa != sb ? sa < sb : a.lexicographicallyPrecedes(b)
    }

    // MARK: search

    /// Runs the search.
    /// - Throws: the evaluator's errors and `CapacityPlanError.unknownMetric`.
    public mutating func run() throws -> CapacityPlanResult {
        var current = variables.indices.map { i -> Int in
            switch variables[i].monotone {
            case .increasing: grids[i].count - 1
            case .decreasing: 0
            case .none: (grids[i].count - 1) / 2
            }
        }
        if try !feasible(current) {
            guard let start = try descendToFeasible(from: current) else { return result() }
            current = start
        }
        current = try bisectMonotoneVariables(from: current)
        current = try localSearch(from: current)
        return result()
    }

    /// Steps 2: coordinate bisection until no monotone variable moves.
    mutating func bisectMonotoneVariables(from start: Design) throws -> Design {
        var current = start
        var moved = true
        var rounds = 0
        while moved, rounds < 4 * variables.count {
            moved = false
            rounds += 1
            for i in variables.indices where variables[i].monotone != .none {
                let increasing = variables[i].monotone == .increasing
                // Feasible at `current[i]`; find the extreme feasible index towards the cheaper end.
                var lo = increasing ? 0 : current[i]
                var hi = increasing ? current[i] : grids[i].count - 1
                while lo < hi {
                    let mid = increasing ? (lo + hi) / 2 : (lo + hi + 1) / 2
                    var probe = current
                    probe[i] = mid
                    let ok = try feasible(probe)
                    if increasing { if ok { hi = mid } else { lo = mid + 1 } } else { if ok { lo = mid } else { hi = mid - 1 } }
                }
                let boundary = increasing ? hi : lo
                if boundary != current[i] {
                    current[i] = boundary
                    moved = true
                }
            }
        }
        return current
    }

    /// Step 3: best-improvement local search on the objective over feasible neighbours.
    mutating func localSearch(from start: Design) throws -> Design {
        var current = (design: start, cost: try cost(start))
        while true {
            var next = current
            for candidate in neighbours(of: current.design) {
                guard try feasible(candidate) else { continue }
                let c = try cost(candidate)
                if Self.isBetter(candidate, c, than: next.design, next.cost) { next = (candidate, c) }
            }
            if next.design == current.design { return current.design }
            current = next
        }
    }

    /// Step 1 fallback: walk to a design with no violation, by best-improvement descent on the total violation.
    mutating func descendToFeasible(from start: Design) throws -> Design? {
        var current = start
        var worst = try violation(metrics(current))
        while worst > 0 {
            var next: (design: Design, violation: Double)?
            for candidate in neighbours(of: current) {
                let v = try violation(metrics(candidate))
                if v < (next?.violation ?? worst) { next = (candidate, v) }
            }
            guard let next else { return nil }
            current = next.design
            worst = next.violation
        }
        return current
    }

    /// Designs one step away in one variable, or in two (same or opposite directions), inside the grid.
    func neighbours(of design: Design) -> [Design] {
        var result: [Design] = []
        func add(_ moves: [(Int, Int)]) {
            var d = design
            for (i, delta) in moves {
                d[i] += delta
                guard grids[i].indices.contains(d[i]) else { return }
            }
            result.append(d)
        }
        for i in variables.indices {
            for delta in [-1, 1] { add([(i, delta)]) }
        }
        for i in variables.indices {
            for j in variables.indices where j > i {
                for a in [-1, 1] { for b in [-1, 1] { add([(i, a), (j, b)]) } }
            }
        }
        return result
    }
}
