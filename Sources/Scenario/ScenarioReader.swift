import Foundation
import Yams

/// Collects every problem found while reading one scenario file.
final class ScenarioReader {
    /// The file name printed in diagnostics.
    let file: String
    /// Which file of an `extends:` chain wrote each node (nil: every node is in `file`).
    let sources: ScenarioSources?
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, sources: ScenarioSources? = nil) {
        self.file = file
        self.sources = sources
    }

    func error(at node: Node?, _ path: String, _ message: String) {
        let mark = node?.mark
        diagnostics.append(Diagnostic(file: sources?.source(of: node).file ?? file, line: mark?.line ?? 1, column: mark?.column ?? 1,
                                      path: path, message: message))
    }

    /// The root mapping of a parsed document, or a diagnostic when the file is empty or not a mapping.
    func root(_ node: Node?) -> MappingCursor? {
        guard let node else {
            error(at: nil, "", "the file is empty; a scenario is a YAML mapping with at least `name:` and `facility:`")
            return nil
        }
        return MappingCursor(reader: self, node: node, path: "")
    }
}

/// A view of one YAML mapping that reads typed, unit-checked fields and remembers which keys it read,
/// so that unknown keys (typos) are reported with a suggestion.
final class MappingCursor {
    let reader: ScenarioReader
    let node: Node
    let path: String
    private var pairs: [(key: String, keyNode: Node, value: Node)] = []
    private var known: Set<String> = []

    /// Wraps `node`; reports an error when it is not a mapping (the cursor is then empty).
    init?(reader: ScenarioReader, node: Node, path: String) {
        self.reader = reader
        self.node = node
        self.path = path
        guard let mapping = node.mapping else {
            reader.error(at: node, path, "expected a mapping of `key: value` lines, found \(MappingCursor.describe(node))")
            return nil
        }
        var seen: Set<String> = []
        for (k, v) in mapping {
            guard let key = k.scalar?.string else {
                reader.error(at: k, child("?"), "keys must be plain words, found \(MappingCursor.describe(k))")
                continue
            }
            if !seen.insert(key).inserted {
                reader.error(at: k, child(key), "key appears twice in the same mapping")
                continue
            }
            pairs.append((key, k, v))
        }
    }

    func child(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The value node of `key`, marking the key as known.
    func value(_ key: String) -> Node? {
        known.insert(key)
        return pairs.first { $0.key == key }?.value
    }

    func contains(_ key: String) -> Bool { pairs.contains { $0.key == key } }

    /// The mapping's keys in file order.
    var keys: [String] { pairs.map(\.key) }

    /// Declares keys that are accepted but read elsewhere (or deliberately ignored).
    func accept(_ keys: String...) { known.formUnion(keys) }

    /// Reports every key that no reader asked for, with a "did you mean" suggestion.
    func rejectUnknownKeys() {
        for pair in pairs where !known.contains(pair.key) {
            reader.error(at: pair.keyNode, child(pair.key),
                         "unknown key\(Suggestion.hint(for: pair.key, among: known.sorted()))")
        }
    }

    // MARK: typed fields

    /// A quantity with a unit, converted to the canonical unit of `dimension`; `nil` (after a diagnostic)
    /// when required and missing or invalid, `defaultValue` when absent.
    func quantity(_ key: String, _ dimension: Dimension, default defaultValue: Double? = nil,
                  range: ClosedRange<Double>? = nil, required: Bool = false) -> Double? {
        guard let node = value(key) else {
            if required { reader.error(at: self.node, child(key), "missing required field (\(QuantityParser.name(dimension)))") }
            return defaultValue
        }
        guard let scalar = node.scalar else {
            reader.error(at: node, child(key), "expected a \(QuantityParser.name(dimension)) such as \(example(dimension)), found \(MappingCursor.describe(node))")
            return defaultValue
        }
        do {
            var v = try QuantityParser.parse(scalar.string, as: dimension)
            if dimension == .fraction, scalar.string.hasSuffix("%") == false, v > 1, v <= 100 {
                reader.error(at: node, child(key), "a fraction must be between 0 and 1; write '\(scalar.string) %' for a percentage")
                return defaultValue
            }
            if let range, !range.contains(v) {
                reader.error(at: node, child(key), "\(scalar.string) is out of range: allowed \(format(range.lowerBound))…\(format(range.upperBound)) \(dimension.canonicalUnit)")
                return defaultValue
            }
            if v == -0.0 { v = 0 }
            return v
        } catch let failure as QuantityParser.Failure {
            reader.error(at: node, child(key), failure.message)
        } catch {
            reader.error(at: node, child(key), "\(error)")
        }
        return defaultValue
    }

    /// A whole number within `range`.
    func integer(_ key: String, default defaultValue: Int? = nil, range: ClosedRange<Int>, required: Bool = false) -> Int? {
        guard let node = value(key) else {
            if required { reader.error(at: self.node, child(key), "missing required field (a whole number)") }
            return defaultValue
        }
        guard let text = node.scalar?.string, let v = Int(text.replacingOccurrences(of: "_", with: "")) else {
            let digits = node.scalar?.string.drop { $0 == "-" || $0 == "+" } ?? ""
            if !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "_") }) {
                reader.error(at: node, child(key), "\(MappingCursor.describe(node)) is too large: allowed \(range.lowerBound)…\(range.upperBound)")
            } else {
                reader.error(at: node, child(key), "expected a whole number, found \(MappingCursor.describe(node))")
            }
            return defaultValue
        }
        guard range.contains(v) else {
            reader.error(at: node, child(key), "\(v) is out of range: allowed \(range.lowerBound)…\(range.upperBound)")
            return defaultValue
        }
        return v
    }

    /// A string scalar (at most `maxLength` characters).
    func string(_ key: String, default defaultValue: String? = nil, required: Bool = false, maxLength: Int = 200) -> String? {
        guard let node = value(key) else {
            if required { reader.error(at: self.node, child(key), "missing required field (text)") }
            return defaultValue
        }
        guard let text = node.scalar?.string else {
            reader.error(at: node, child(key), "expected text, found \(MappingCursor.describe(node))")
            return defaultValue
        }
        guard text.count <= maxLength else {
            reader.error(at: node, child(key), "text is \(text.count) characters long; at most \(maxLength) allowed")
            return defaultValue
        }
        return text
    }

    /// One of an enumeration's raw values; the message lists the accepted values.
    func choice<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type, default defaultValue: E? = nil,
                                                    required: Bool = false) -> E? where E.RawValue == String {
        guard let node = value(key) else {
            if required { reader.error(at: self.node, child(key), "missing required field; one of: \(E.allCases.map(\.rawValue).joined(separator: ", "))") }
            return defaultValue
        }
        let text = node.scalar?.string ?? ""
        if let v = E(rawValue: text) ?? E(rawValue: text.lowercased()) { return v }
        let names = E.allCases.map(\.rawValue)
        reader.error(at: node, child(key), "\(MappingCursor.describe(node)) is not one of: \(names.joined(separator: ", "))\(Suggestion.hint(for: text, among: names))")
        return defaultValue
    }

    /// `enabled`/`disabled`, `true`/`false`, `yes`/`no`, `on`/`off`.
    func flag(_ key: String, default defaultValue: Bool) -> Bool {
        guard let node = value(key) else { return defaultValue }
        switch node.scalar?.string.lowercased() {
        case "enabled", "true", "yes", "on": return true
        case "disabled", "false", "no", "off": return false
        default:
            reader.error(at: node, child(key), "expected enabled or disabled (or true/false), found \(MappingCursor.describe(node))")
            return defaultValue
        }
    }

    /// A nested mapping, or `nil` when absent (or after a diagnostic when not a mapping).
    func mapping(_ key: String) -> MappingCursor? {
        guard let node = value(key) else { return nil }
        return MappingCursor(reader: reader, node: node, path: child(key))
    }

    /// A sequence's elements with their paths `key[i]`, or `nil` when absent.
    func sequence(_ key: String) -> [(node: Node, path: String)]? {
        guard let node = value(key) else { return nil }
        guard let seq = node.sequence else {
            reader.error(at: node, child(key), "expected a list, found \(MappingCursor.describe(node))")
            return nil
        }
        return seq.enumerated().map { ($0.element, "\(child(key))[\($0.offset)]") }
    }

    // MARK: helpers

    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let s): return s.string.isEmpty ? "an empty value" : "'\(s.string.prefix(40))\(s.string.count > 40 ? "…" : "")'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    private func example(_ d: Dimension) -> String {
        switch d {
        case .temperature: "'70°C'"
        case .temperatureDifference: "'3 K'"
        case .power: "'700 W'"
        case .energy: "'10 kWh'"
        case .time: "'8760h'"
        case .volumetricFlow: "'150 L/min'"
        case .flowPerPower: "'1.5 L/min/kW'"
        case .fraction: "'0.8' or '80 %'"
        default: "a number"
        }
    }

    private func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}
