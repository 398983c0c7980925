/// Sampled time series of a run: one row per sampling instant, one column per named quantity.
///
/// Written as `timeseries.csv`; column names carry their unit (`it_power_w`, `gpu_max_c`).
public struct TimeSeries: Sendable, Equatable {
    /// Column names including units, first column `time_s`.
    public private(set) var columns: [String]
    /// Row-major samples; each row has `columns.count` values.
    public private(set) var values: [Double] = []

    public init(columns: [String]) {
        precondition(columns.first == "time_s", "the first column is time_s")
        self.columns = columns
    }

    /// Number of rows.
    public var count: Int { values.count / columns.count }

    /// Appends one row; `row.count` must equal `columns.count`.
    public mutating func append(_ row: [Double]) {
        assert(row.count == columns.count, "row width \(row.count) ≠ \(columns.count) columns")
        values.append(contentsOf: row)
    }

    /// Reserves memory for `rows` rows.
    public mutating func reserve(rows: Int) { values.reserveCapacity(rows * columns.count) }

    /// The values of one column.
    public func column(_ name: String) -> [Double]? {
        guard let c = columns.firstIndex(of: name) else { return nil }
        return stride(from: c, to: values.count, by: columns.count).map { values[$0] }
    }

    /// Value at `row`, `column`.
    public subscript(row: Int, column: Int) -> Double { values[row * columns.count + column] }
}
