import ArgumentParser
import Foundation

/// Small helpers shared by the kernel commands (generate, calibrate, bench kernel).
enum KernelCommandSupport {
    /// Writes a progress line to stderr.
    static func progress(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// Parses `1,2,4` into positive integers.
    static func parseList(_ text: String, name: String) throws -> [Int] {
        let values = text.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.allSatisfy({ ($0 ?? 0) >= 1 }) else {
            throw ValidationError("\(name) must be a comma-separated list of integers ≥ 1, got '\(text)'")
        }
        return values.map { $0! }
    }

    /// Pretty-printed JSON with sorted keys.
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
