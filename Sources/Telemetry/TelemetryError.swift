/// A problem with telemetry, located as compilers locate errors: `FILE:LINE:COLUMN: error: FIELD: message`.
///
/// LINE and COLUMN are 1-based (0 when the source has no lines, e.g. a server reply); FIELD names the column or
/// map entry at fault (empty when the problem is the whole file). Every consumer exits with 65 (EX_DATAERR) on it.
public struct TelemetryError: Error, CustomStringConvertible, Equatable, Sendable {
    public var file: String
    public var line: Int
    public var column: Int
    public var field: String
    public var message: String

    public init(file: String, line: Int, column: Int = 1, field: String = "", message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.message = message
    }

    public var description: String {
        "\(file):\(line):\(column): error: " + (field.isEmpty ? "" : "\(field): ") + message
    }
}
