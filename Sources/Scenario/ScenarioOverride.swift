import Foundation

/// One `--set PATH=VALUE` override of a scenario field, applied to the YAML before validation.
///
/// `path` is a dotted field path as diagnostics print it (`facility.gpus`, `heat_rejection.supply_setpoint`,
/// `weather.offset`); a segment may index a list (`load.hours[3]`). `value` is YAML text, so units work as in
/// the file (`35°C`, `300 kW`, `80 %`). The overridden file is then validated like any other, so every range,
/// unit and cross-field rule applies to the new value.
public struct ScenarioOverride: Sendable, Hashable, CustomStringConvertible {
    /// Dotted field path, e.g. `facility.gpus`.
    public var path: String
    /// The value as YAML text, e.g. `2048` or `35°C`.
    public var value: String

    /// An override of `path` by `value`.
    public init(path: String, value: String) {
        self.path = path
        self.value = value
    }

    /// Parses `PATH=VALUE` (the text of a `--set` argument with a single value).
    /// - Throws: `ScenarioOverride.SyntaxError` when there is no `=` or the path is malformed.
    public init(argument: String) throws {
        guard let equals = argument.firstIndex(of: "=") else {
            throw SyntaxError(argument: argument, message: "expected PATH=VALUE, e.g. facility.gpus=2048")
        }
        let path = String(argument[..<equals]).trimmingCharacters(in: .whitespaces)
        let value = String(argument[argument.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
        _ = try ScenarioOverride.segments(of: path, argument: argument)
        self.init(path: path, value: value)
    }

    /// The argument as the user would write it: `path=value`.
    public var description: String { "\(path)=\(value)" }

    /// One step of a path: a mapping key, optionally followed by list indices.
    struct Segment: Equatable {
        var key: String
        var indices: [Int]
    }

    /// Splits a dotted path into keys and indices.
    /// - Throws: `SyntaxError` for an empty path or segment, whitespace in a key, or a malformed index.
    static func segments(of path: String, argument: String) throws -> [Segment] {
        guard !path.isEmpty else { throw SyntaxError(argument: argument, message: "the field path is empty; expected PATH=VALUE") }
        return try path.split(separator: ".", omittingEmptySubsequences: false).map { part in
            var text = Substring(part)
            var indices: [Int] = []
            while text.hasSuffix("]"), let open = text.lastIndex(of: "[") {
                guard let index = Int(text[text.index(after: open)..<text.index(before: text.endIndex)]), index >= 0 else {
                    throw SyntaxError(argument: argument, message: "'\(part)' has a malformed list index; write key[0], key[1] …")
                }
                indices.insert(index, at: 0)
                text = text[..<open]
            }
            guard !text.isEmpty, !text.contains(where: { $0.isWhitespace || $0 == "[" || $0 == "]" }) else {
                throw SyntaxError(argument: argument, message: "'\(part)' is not a field name in the path '\(path)'")
            }
            return Segment(key: String(text), indices: indices)
        }
    }

    /// A `--set` argument that is not of the form `PATH=VALUE`.
    public struct SyntaxError: Error, Sendable, CustomStringConvertible {
        /// The argument as given.
        public var argument: String
        /// What is wrong with it.
        public var message: String
        public var description: String { "--set \(argument): \(message)" }
    }
}
