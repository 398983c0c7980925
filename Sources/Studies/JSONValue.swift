import Foundation

/// A JSON document as a value, decoded without loss: integers stay integers, numbers keep every bit
/// (Swift's JSON coders print the shortest representation that reads back to the same `Double`).
///
/// Used to treat a `RunSummary` generically — flatten its numeric fields to dotted keys, average them, and
/// rebuild a summary — so fields that other issues add are aggregated without code here naming them.
public enum JSONValue: Codable, Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null; return }
        if let v = try? container.decode(Bool.self) { self = .bool(v); return }
        if let v = try? container.decode(Int.self) { self = .integer(v); return }
        if let v = try? container.decode(Double.self) { self = .number(v); return }
        if let v = try? container.decode(String.self) { self = .string(v); return }
        if let v = try? container.decode([JSONValue].self) { self = .array(v); return }
        self = .object(try container.decode([String: JSONValue].self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let v): try container.encode(v)
        case .integer(let v): try container.encode(v)
        case .number(let v): try container.encode(v)
        case .string(let v): try container.encode(v)
        case .array(let v): try container.encode(v)
        case .object(let v): try container.encode(v)
        }
    }

    /// The value as a `Double` when it is a number (integer or not).
    public var double: Double? {
        switch self {
        case .integer(let v): return Double(v)
        case .number(let v): return v
        default: return nil
        }
    }

    /// Every numeric leaf under dotted keys (`pue`, `energy_by_subsystem_joules.it`, `latency_seconds.end_to_end.p99`);
    /// array elements are indexed (`availability_ci95[0]`).
    /// - Complexity: O(size of the document).
    public func numericLeaves(prefix: String = "") -> [String: Double] {
        switch self {
        case .integer, .number:
            return double.map { [prefix: $0] } ?? [:]
        case .object(let fields):
            var out: [String: Double] = [:]
            for (key, value) in fields {
                out.merge(value.numericLeaves(prefix: prefix.isEmpty ? key : "\(prefix).\(key)")) { a, _ in a }
            }
            return out
        case .array(let items):
            var out: [String: Double] = [:]
            for (i, value) in items.enumerated() {
                out.merge(value.numericLeaves(prefix: "\(prefix)[\(i)]")) { a, _ in a }
            }
            return out
        default:
            return [:]
        }
    }

    /// The value at a path of object keys, or nil.
    public func value(at keys: [String]) -> JSONValue? {
        var current = self
        for key in keys {
            guard case .object(let fields) = current, let next = fields[key] else { return nil }
            current = next
        }
        return current
    }

    /// A copy with `value` at a path of object keys (missing objects on the way are created).
    public func setting(_ value: JSONValue, at keys: ArraySlice<String>) -> JSONValue {
        guard let key = keys.first else { return value }
        var fields: [String: JSONValue] = [:]
        if case .object(let existing) = self { fields = existing }
        fields[key] = (fields[key] ?? .null).setting(value, at: keys.dropFirst())
        return .object(fields)
    }

    /// A JSON encoder with the project's result conventions: snake_case keys, sorted, pretty-printed,
    /// non-finite numbers as strings (`inf`, `nan`).
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }

    /// The decoder matching `encoder()`.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return decoder
    }
}
