/// A one-at-a-time sensitivity study of a run (`factory-twin run --sensitivity`): each parameter set to the low and
/// to the high end of its plausible range, every other input as in the scenario, and the change of each key metric.
/// Written as `sensitivity.json` (snake_case keys) by Studies and read back by Reporting for the tornado charts.
public struct SensitivityResult: Sendable, Codable, Equatable {
    /// One parameter and what its two ends gave.
    public struct Parameter: Sendable, Codable, Equatable {
        /// The scenario field varied, as `--set` writes it (`immersion.junction_to_fluid`).
        public var name: String
        /// Unit of `low` and `high` as the scenario writes it (`K/W`; empty for a bare number).
        public var unit: String
        /// Ends of the plausible range, in `unit`.
        public var low: Double
        public var high: Double
        /// Where the range comes from (paper, datasheet, table) or why it is an assumption.
        public var source: String
        /// True when the range is an assumption (nothing published was found).
        public var assumed: Bool
        /// Metric values at the low and at the high end, keyed as `metrics`; empty when not applicable.
        public var lowValues: [String: Double]
        public var highValues: [String: Double]
        /// Why the parameter was not varied (the scenario does not take it), or nil when it was.
        public var notApplicable: String?

        public init(name: String, unit: String, low: Double, high: Double, source: String, assumed: Bool,
                    lowValues: [String: Double], highValues: [String: Double], notApplicable: String? = nil) {
            self.name = name
            self.unit = unit
            self.low = low
            self.high = high
            self.source = source
            self.assumed = assumed
            self.lowValues = lowValues
            self.highValues = highValues
            self.notApplicable = notApplicable
        }

        /// |value at high − value at low| for `metric`, or nil when either end lacks it.
        public func swing(_ metric: String) -> Double? {
            guard let l = lowValues[metric], let h = highValues[metric], l.isFinite, h.isFinite else { return nil }
            return abs(h - l)
        }
    }

    /// The scenario studied.
    public var scenario: String
    /// Metric keys (`summary.json`, nested keys dotted) in chart order.
    public var metrics: [String]
    /// The metrics of the scenario as written (the nominal run).
    public var nominal: [String: Double]
    public var parameters: [Parameter]
    /// Simulations run (1 nominal + 2 per applicable parameter).
    public var runs: Int

    public init(scenario: String, metrics: [String], nominal: [String: Double], parameters: [Parameter], runs: Int) {
        self.scenario = scenario
        self.metrics = metrics
        self.nominal = nominal
        self.parameters = parameters
        self.runs = runs
    }

    /// The `count` applicable parameters with the largest swing of `metric`, largest first (ties: catalogue order).
    public func top(_ metric: String, count: Int) -> [Parameter] {
        let ranked = parameters.enumerated().compactMap { i, p -> (Int, Parameter, Double)? in
            guard p.notApplicable == nil, let s = p.swing(metric) else { return nil }
            return (i, p, s)
        }
        return ranked.sorted { $0.2 != $1.2 ? $0.2 > $1.2 : $0.0 < $1.0 }.prefix(count).map(\.1)
    }
}
