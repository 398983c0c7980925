/// The first place where a recorded audit trail departs from its re-run (or from its own hash chain).
public struct AuditMismatch: Error, CustomStringConvertible, Equatable, Sendable {
    /// Line number in the recorded file, from 1.
    public var line: Int
    /// The first field (JSON key) that differs, when the line is present in both.
    public var field: String?
    /// What differs, with the expected and found values.
    public var message: String

    public init(line: Int, field: String? = nil, message: String) {
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String {
        "line \(line)\(field.map { ", field '\($0)'" } ?? ""): \(message)"
    }
}
