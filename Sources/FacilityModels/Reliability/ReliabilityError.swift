/// Errors for reliability parameters that cannot be honoured: the reliability models and the
/// redundancy-group simulation throw these instead of trapping on bad input from scenario files or flags.
public enum ReliabilityError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A numeric parameter outside its domain; the message names the parameter, its unit and the value.
    case invalidArgument(String)
    /// A redundancy string that is not one of `n`, `n+<k>` (k ≥ 1) or `2n` (case-insensitive).
    case invalidRedundancy(String)
    /// A component name that is not in ``ComponentReliability/catalogue``.
    case unknownComponent(name: String, known: [String])

    /// A one-line human-readable message.
    public var description: String {
        switch self {
        case let .invalidArgument(message):
            return "invalid reliability parameter: \(message)"
        case let .invalidRedundancy(text):
            return "invalid redundancy '\(text)': expected n, n+1, n+2, n+<k> or 2n"
        case let .unknownComponent(name, known):
            return "unknown component '\(name)'; known components: \(known.joined(separator: ", "))"
        }
    }

    /// Throws ``invalidArgument(_:)`` unless `value` is finite and > 0.
    static func requirePositive(_ value: Double, _ what: String) throws {
        if !(value.isFinite && value > 0) {
            throw ReliabilityError.invalidArgument("\(what) must be finite and > 0, got \(value)")
        }
    }

    /// Throws ``invalidArgument(_:)`` unless `value` is finite and ≥ 0.
    static func requireNonNegative(_ value: Double, _ what: String) throws {
        if !(value.isFinite && value >= 0) {
            throw ReliabilityError.invalidArgument("\(what) must be finite and ≥ 0, got \(value)")
        }
    }
}
