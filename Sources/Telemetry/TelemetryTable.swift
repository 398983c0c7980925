/// Telemetry as it was read: one row per sample instant, one column per named series, in file order.
///
/// This is the meeting point of every telemetry source — a CSV file, OpenMetrics/DCGM-exporter text snapshots,
/// a Prometheus server's `query_range` API — and of everything that consumes telemetry (comparison,
/// calibration, drift detection). Rows are kept as read: timestamps may go backwards, repeat or leave gaps, and
/// values may be missing (NaN), so the consumer can count what it skips and why instead of losing it silently.
/// Units are not carried here: the map file says which column is which twin signal and in what unit.
public struct TelemetryTable: Sendable, Equatable {
    /// Where the samples came from, for error messages and provenance (a file path or a server URL).
    public var source: String
    /// Column names (series names, or the map's names for Prometheus queries), in order.
    public var columns: [String]
    /// Sample instants, seconds since 1970-01-01T00:00:00Z, one per row, in the order read.
    public var timestamps: [Double]
    /// Values, row-major: `values[row][column]`; NaN where the source had no sample for that column.
    public var values: [[Double]]
    /// Source line (1-based) of each row, where the source has lines (0 otherwise), for error messages.
    public var lines: [Int]

    public init(source: String, columns: [String], timestamps: [Double] = [], values: [[Double]] = [], lines: [Int] = []) {
        precondition(timestamps.count == values.count && (lines.isEmpty || lines.count == values.count),
                     "TelemetryTable: one timestamp (and line) per row")
        self.source = source
        self.columns = columns
        self.timestamps = timestamps
        self.values = values
        self.lines = lines.isEmpty ? Array(repeating: 0, count: values.count) : lines
    }

    /// The index of a column by name, nil when absent.
    public func columnIndex(_ name: String) -> Int? { columns.firstIndex(of: name) }

    /// Appends one row; `values` has one entry per column (NaN for a missing sample).
    public mutating func append(timestamp: Double, values row: [Double], line: Int = 0) {
        precondition(row.count == columns.count, "TelemetryTable.append: one value per column")
        timestamps.append(timestamp)
        values.append(row)
        lines.append(line)
    }
}
