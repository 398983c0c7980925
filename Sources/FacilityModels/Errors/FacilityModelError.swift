/// A model parameter or input outside the range where the model means anything.
///
/// Thrown by the `validate()` methods and throwing initialisers of FacilityModels, so that a bad scenario
/// value becomes a readable message (which model, which parameter, what it was, what it must be)
/// instead of a trap or a NaN deep inside a simulation.
public enum FacilityModelError: Error, Equatable, CustomStringConvertible {
    /// `model.parameter` is `value`, but must satisfy `requirement` (e.g. "> 0").
    case invalidParameter(model: String, parameter: String, value: Double, requirement: String)
    /// A structural problem that is not one number (e.g. a thermal node with no path to a boundary).
    case invalidConfiguration(model: String, message: String)
    /// A lookup by name failed; `known` lists the names that exist.
    case unknownName(kind: String, name: String, known: [String])

    public var description: String {
        switch self {
        case let .invalidParameter(model, parameter, value, requirement):
            return "\(model).\(parameter) = \(value) is invalid: it must be \(requirement)"
        case let .invalidConfiguration(model, message):
            return "\(model): \(message)"
        case let .unknownName(kind, name, known):
            return "unknown \(kind) '\(name)'; known: \(known.joined(separator: ", "))"
        }
    }

    /// Throws `invalidParameter` unless `value` is finite and `> 0`.
    static func requirePositive(_ value: Double, _ model: String, _ parameter: String) throws {
        guard value.isFinite, value > 0 else {
            throw FacilityModelError.invalidParameter(model: model, parameter: parameter, value: value, requirement: "finite and > 0")
        }
    }

    /// Throws `invalidParameter` unless `value` is finite and `≥ 0`.
    static func requireNonNegative(_ value: Double, _ model: String, _ parameter: String) throws {
        guard value.isFinite, value >= 0 else {
            throw FacilityModelError.invalidParameter(model: model, parameter: parameter, value: value, requirement: "finite and ≥ 0")
        }
    }

    /// Throws `invalidParameter` unless `value` lies in `range`.
    static func require(_ value: Double, in range: ClosedRange<Double>, _ model: String, _ parameter: String) throws {
        guard value.isFinite, range.contains(value) else {
            throw FacilityModelError.invalidParameter(model: model, parameter: parameter, value: value,
                                                      requirement: "in [\(range.lowerBound), \(range.upperBound)]")
        }
    }

    /// Throws `invalidParameter` unless `value` is finite.
    static func requireFinite(_ value: Double, _ model: String, _ parameter: String) throws {
        guard value.isFinite else {
            throw FacilityModelError.invalidParameter(model: model, parameter: parameter, value: value, requirement: "finite")
        }
    }
}
