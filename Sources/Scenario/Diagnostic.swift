/// One problem found in a scenario file, located by file, line and column.
///
/// Printed as `FILE:LINE:COLUMN: error: field.path: message`, the format compilers use, so editors and
/// CI annotate the offending line.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// Path of the scenario file as given by the user.
    public var file: String
    /// 1-based line of the offending node (1 when the problem concerns the whole file; printed as at least 1).
    public var line: Int
    /// 1-based column of the offending node.
    public var column: Int
    /// Dotted field path, e.g. `cooling_system.redundancy` or `facility.tanks[2].gpus`.
    public var path: String
    /// What is wrong and, where possible, how to fix it.
    public var message: String

    public init(file: String, line: Int, column: Int, path: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
    }

    public var description: String {
        let location = "\(file):\(max(line, 1)):\(max(column, 1))"
        return path.isEmpty ? "\(location): error: \(message)" : "\(location): error: \(path): \(message)"
    }
}

/// Every problem found in a scenario file, reported at once.
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
    /// The problems in file order.
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
