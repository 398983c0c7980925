/// The scenario's `plan:` block (issue 7): the integer sizing variables `factory-twin plan` searches over, and
/// optionally the conditions and the objective of the search (the command line adds to or replaces them).
///
/// The simulation ignores this block; a plan runs the scenario once per design, each design overriding the
/// variables' fields (`facility.gpus: 1536`).
public struct CapacityPlanBlock: Sendable, Hashable {
    /// One integer field of the scenario the plan may size.
    public struct Variable: Sendable, Hashable {
        /// How the designs' feasibility changes with the variable (the search bisects monotone variables).
        public enum Monotonicity: String, Sendable, Hashable, CaseIterable {
            /// More is never less feasible (GPUs for a throughput target, spares for availability).
            case increasing
            /// Less is never less feasible.
            case decreasing
            /// No known direction: local search only.
            case none
        }

        /// Dotted field path, as `--set` and diagnostics write it, e.g. `facility.gpus`.
        public var field: String
        /// Smallest value tried.
        public var minimum: Int
        /// Largest value tried (`minimum + k·step` for the largest such k that does not exceed it).
        public var maximum: Int
        /// Spacing of the values tried (≥ 1).
        public var step: Int
        public var monotone: Monotonicity

        public init(field: String, minimum: Int, maximum: Int, step: Int = 1, monotone: Monotonicity = .increasing) {
            self.field = field
            self.minimum = minimum
            self.maximum = maximum
            self.step = step
            self.monotone = monotone
        }

        /// The values tried, ascending.
        public var values: [Int] { Array(stride(from: minimum, through: maximum, by: step)) }
    }

    /// The variables, in the order the search visits them.
    public var variables: [Variable]
    /// Conditions every recommended design must meet (`tokens_per_second>=50000`, `availability>=0.9995`).
    public var conditions: [PlanCondition]
    /// Summary metric to minimise (`gpus`, `facility_energy_joules`, `economics.cost_per_million_tokens_usd`).
    public var minimize: String?
    /// Runs per design; above 1, each condition is checked on its metric's 95 % confidence bound.
    public var replications: Int

    public init(variables: [Variable], conditions: [PlanCondition] = [], minimize: String? = nil, replications: Int = 1) {
        self.variables = variables
        self.conditions = conditions
        self.minimize = minimize
        self.replications = replications
    }
}
