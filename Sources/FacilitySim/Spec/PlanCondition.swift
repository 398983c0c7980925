/// A condition on a run's summary metric that a capacity plan must meet: `metric<=bound`, `metric>=bound`, or a
/// target `metric=bound` (meaning at least the bound: a throughput target is a floor).
public struct PlanCondition: Sendable, Hashable, CustomStringConvertible {
    /// Which side of the bound is allowed.
    public enum Relation: String, Sendable, Hashable {
        case atMost = "<="
        case atLeast = ">="
    }

    /// Metric name as `summary.json` spells it (`max_gpu_temperature_celsius`; nested fields dotted).
    public var metric: String
    public var relation: Relation
    /// The bound, in the metric's own unit.
    public var bound: Double

    public init(metric: String, relation: Relation, bound: Double) {
        self.metric = metric
        self.relation = relation
        self.bound = bound
    }

    /// Parses `metric<=bound`, `metric>=bound` or `metric=bound` (a target: at least the bound).
    /// - Throws: `PlanCondition.SyntaxError` when there is no relation, no metric or the bound is not a finite number.
    public init(parsing text: String) throws {
        let trimmed = text.filter { !$0.isWhitespace }
        let relations: [(String, Relation)] = [("<=", .atMost), (">=", .atLeast), ("=", .atLeast)]
        for (symbol, relation) in relations {
            guard let range = trimmed.range(of: symbol) else { continue }
            let metric = String(trimmed[..<range.lowerBound])
            let boundText = String(trimmed[range.upperBound...])
            guard !metric.isEmpty, metric.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }) else {
                throw SyntaxError(text: text, message: "'\(metric)' is not a metric name (letters, digits, '_' and '.')")
            }
            guard let bound = Double(boundText), bound.isFinite else {
                throw SyntaxError(text: text, message: "'\(boundText)' is not a finite number")
            }
            self.init(metric: metric, relation: relation, bound: bound)
            return
        }
        throw SyntaxError(text: text, message: "expected METRIC<=BOUND, METRIC>=BOUND or METRIC=TARGET (at least TARGET)")
    }

    /// `metric<=bound` or `metric>=bound`.
    public var description: String { "\(metric)\(relation.rawValue)\(bound)" }

    /// A condition that could not be parsed.
    public struct SyntaxError: Error, Sendable, CustomStringConvertible {
        /// The text as given.
        public var text: String
        /// What is wrong with it.
        public var message: String
        public var description: String { "'\(text)': \(message)" }
    }
}
