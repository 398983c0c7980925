/// What `factory-twin plan` found: the recommended design, the runners-up, each with its margin on every
/// condition, and how many runs it took against the full grid. Written as `plan.json` (snake_case keys) by Studies'
/// search and read back by Reporting, so the type lives with the other result types.
public struct CapacityPlanResult: Sendable, Codable, Equatable {
    /// One condition checked on one design.
    public struct Margin: Sendable, Codable, Equatable {
        /// The condition as written, e.g. `max_gpu_temperature_celsius<=70.0`.
        public var condition: String
        /// The value it was checked on (the pessimistic 95 % bound with replications), in the metric's unit.
        public var value: Double
        /// Value minus bound for `>=`, bound minus value for `<=`: ≥ 0 when met, in the metric's unit.
        public var margin: Double
        /// `margin / |bound|` (0 for a zero bound).
        public var relativeMargin: Double

        public init(condition: String, value: Double, margin: Double, relativeMargin: Double) {
            self.condition = condition
            self.value = value
            self.margin = margin
            self.relativeMargin = relativeMargin
        }
    }

    /// One design that was run.
    public struct Candidate: Sendable, Codable, Equatable {
        /// Field path and value of each variable, in the plan's order.
        public var design: [String: Int]
        /// The objective's value (mean over replications).
        public var objective: Double
        public var feasible: Bool
        public var margins: [Margin]

        public init(design: [String: Int], objective: Double, feasible: Bool, margins: [Margin]) {
            self.design = design
            self.objective = objective
            self.feasible = feasible
            self.margins = margins
        }
    }

    /// Variable field paths, in order.
    public var variables: [String]
    public var conditions: [String]
    /// The metric minimised.
    public var objective: String
    /// Designs in the full grid, and designs the search ran.
    public var gridPoints: Int
    public var evaluations: Int
    /// The cheapest feasible design run, or nil when none met every condition.
    public var recommended: Candidate?
    /// The next cheapest feasible designs run (at most three), leaving out designs that only add units to a
    /// better-ranked one for the same objective.
    public var runnersUp: [Candidate]
    /// Without a feasible design: the design closest to meeting the conditions (least total relative violation).
    public var closest: Candidate?
    /// Every design run, in the order the search ran them (for the report's feasible-region chart).
    public var evaluated: [Candidate]? = nil

    public init(variables: [String], conditions: [String], objective: String, gridPoints: Int, evaluations: Int,
                recommended: Candidate?, runnersUp: [Candidate], closest: Candidate?, evaluated: [Candidate]? = nil) {
        self.variables = variables
        self.conditions = conditions
        self.objective = objective
        self.gridPoints = gridPoints
        self.evaluations = evaluations
        self.recommended = recommended
        self.runnersUp = runnersUp
        self.closest = closest
        self.evaluated = evaluated
    }
}

