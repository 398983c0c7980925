/// What `factory-twin plan SCENARIO --meet document` found: for each row of the document's benchmark table how many
/// designs passed it and, when none did, the binding constraint; the cheapest design passing every row that any
/// design can pass; and every design run with its cost, PUE and uptime and whether it is on the Pareto front.
/// Written as `document-plan.json` (snake_case keys) by Studies and read back by Reporting.
public struct DocumentPlanResult: Sendable, Codable, Equatable {
    /// One row of the benchmark table as a condition on the run's metrics.
    public struct Row: Sendable, Codable, Equatable {
        /// The row's name in the report's benchmark table.
        public var name: String
        /// The condition checked, e.g. `pue<=1.1005`.
        public var condition: String
        /// Designs run that met it.
        public var passedBy: Int
        /// The best value of its metric over the designs run (lowest for ≤, highest for ≥), and that design.
        public var bestValue: Double
        public var bestDesign: [String: String]
        /// Why no design can meet the row (nil when some design met it).
        public var binding: String?

        public init(name: String, condition: String, passedBy: Int, bestValue: Double, bestDesign: [String: String], binding: String?) {
            self.name = name
            self.condition = condition
            self.passedBy = passedBy
            self.bestValue = bestValue
            self.bestDesign = bestDesign
            self.binding = binding
        }
    }

    /// One design run.
    public struct Design: Sendable, Codable, Equatable {
        /// Axis name → option label.
        public var choices: [String: String]
        /// The objective (cost), PUE and uptime (capacity-weighted availability) of the design.
        public var cost: Double
        public var pue: Double
        public var uptime: Double
        /// Rows met, by name.
        public var passes: [String: Bool]
        /// Meets every row that some design can meet.
        public var feasible: Bool
        /// Not dominated in (cost ↓, PUE ↓, uptime ↑) by another feasible design.
        public var onFront: Bool

        public init(choices: [String: String], cost: Double, pue: Double, uptime: Double, passes: [String: Bool],
                    feasible: Bool, onFront: Bool) {
            self.choices = choices
            self.cost = cost
            self.pue = pue
            self.uptime = uptime
            self.passes = passes
            self.feasible = feasible
            self.onFront = onFront
        }
    }

    public var scenario: String
    /// The baseline design the improvement rows compare with, and its PUE (nil without one).
    public var baseline: String?
    public var baselinePue: Double?
    /// Axis names in order, and the metric minimised.
    public var axes: [String]
    public var objective: String
    public var gridPoints: Int
    public var evaluations: Int
    public var rows: [Row]
    /// Names of the rows no design met, left out when choosing the recommended design.
    public var relaxed: [String]
    /// The cheapest design meeting every row not in `relaxed`, or nil.
    public var recommended: Design?
    /// Every design run, in the order run.
    public var designs: [Design]

    public init(scenario: String, baseline: String?, baselinePue: Double?, axes: [String], objective: String, gridPoints: Int,
                evaluations: Int, rows: [Row], relaxed: [String], recommended: Design?, designs: [Design]) {
        self.scenario = scenario
        self.baseline = baseline
        self.baselinePue = baselinePue
        self.axes = axes
        self.objective = objective
        self.gridPoints = gridPoints
        self.evaluations = evaluations
        self.rows = rows
        self.relaxed = relaxed
        self.recommended = recommended
        self.designs = designs
    }
}
