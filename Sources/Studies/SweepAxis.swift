import Foundation
import Scenario

/// One swept field and its values: `--set facility.gpus=512,1024,2048` or a `sweep:` entry of the scenario.
public struct SweepAxis: Sendable, Codable, Equatable {
    /// Dotted field path, as for `--set`.
    public var path: String
    /// The values in order, as YAML text (`512`, `35°C`).
    public var values: [String]

    public init(path: String, values: [String]) {
        self.path = path
        self.values = values
    }

    /// Parses `PATH=V1,V2,…`. Commas inside brackets, braces or quotes do not split (`load.hours=[1,2],[3,4]`).
    /// - Throws: `StudyError.invalidAxis` for a missing `=`, a bad path, or an empty value.
    public init(argument: String) throws {
        let single: ScenarioOverride
        do {
            single = try ScenarioOverride(argument: argument)
        } catch {
            throw StudyError.invalidAxis("\(error)")
        }
        let values = SweepAxis.splitTopLevel(single.value)
        if values.isEmpty || values.contains(where: \.isEmpty) {
            throw StudyError.invalidAxis("--set \(argument): every value must be non-empty; expected PATH=V1,V2,…")
        }
        self.init(path: single.path, values: values)
    }

    /// `text` split at commas outside brackets, braces and quotes, each part trimmed.
    static func splitTopLevel(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        var quote: Character?
        for c in text {
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "[" || c == "{" {
                depth += 1
            } else if c == "]" || c == "}" {
                depth = max(0, depth - 1)
            } else if c == ",", depth == 0 {
                parts.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
                continue
            }
            current.append(c)
        }
        parts.append(current.trimmingCharacters(in: .whitespaces))
        return parts
    }
}
