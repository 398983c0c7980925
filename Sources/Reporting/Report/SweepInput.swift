import Foundation

/// A sweep's `sweep.csv` as `factory-twin sweep` writes it: `index`, one column per swept field (its value as written,
/// e.g. `28°C`), then for each metric its mean and `<metric>_ci95_low`, `<metric>_ci95_high` (empty with one
/// replication).
public struct SweepInput: Sendable {
    /// One point of the sweep.
    public struct Point: Sendable {
        public var index: Int
        /// The value of each axis as written in the sweep.
        public var values: [String]
        /// Mean and 95 % interval (nil with one replication) of each metric.
        public var metrics: [String: (mean: Double, low: Double?, high: Double?)]
    }

    /// Swept field paths (`heat_rejection.supply_setpoint`), in column order.
    public var axes: [String]
    /// Metric names, in column order.
    public var metricNames: [String]
    public var points: [Point]

    /// Reads and parses the file at `url`.
    /// - Throws: `ReportInput.ReadError` when it cannot be read or is malformed.
    public static func load(_ url: URL) throws -> SweepInput {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw ReportInput.ReadError(path: url.path, reason: "cannot read (not UTF-8 text?)")
        }
        return try parse(text, path: url.path)
    }

    /// Parses `text`.
    /// - Throws: `ReportInput.ReadError` naming the line of the first malformed row.
    public static func parse(_ text: String, path: String = "sweep.csv") throws -> SweepInput {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map { splitCSV(String($0)) }
        guard let header = lines.first, header.first == "index" else {
            throw ReportInput.ReadError(path: path, reason: "line 1: a sweep table starts with the column 'index'")
        }
        let names = Set(header)
        let metricNames = header.filter { names.contains("\($0)_ci95_low") }
        guard let firstMetric = metricNames.first, let firstColumn = header.firstIndex(of: firstMetric) else {
            throw ReportInput.ReadError(path: path, reason: "line 1: no metric columns (<metric>, <metric>_ci95_low, <metric>_ci95_high)")
        }
        let axes = Array(header[1..<firstColumn])
        var points: [Point] = []
        for (n, row) in lines.dropFirst().enumerated() {
            guard row.count == header.count, let index = Int(row[0]) else {
                throw ReportInput.ReadError(path: path, reason: "line \(n + 2): \(row.count) fields, the header has \(header.count)")
            }
            var metrics: [String: (mean: Double, low: Double?, high: Double?)] = [:]
            for m in metricNames {
                let c = header.firstIndex(of: m)!
                guard let mean = Double(row[c]) else {
                    throw ReportInput.ReadError(path: path, reason: "line \(n + 2): \(m) '\(row[c].prefix(30))' is not a number")
                }
                metrics[m] = (mean, Double(row[c + 1]), Double(row[c + 2]))
            }
            points.append(Point(index: index, values: Array(row[1..<firstColumn]), metrics: metrics))
        }
        return SweepInput(axes: axes, metricNames: metricNames, points: points)
    }

    /// The leading number of an axis value (`28°C` → 28, `1_024` → 1024), or nil.
    static func number(_ text: String) -> Double? {
        let cleaned = text.replacingOccurrences(of: "_", with: "")
        let prefix = cleaned.prefix { $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E" }
        return Double(prefix) ?? Double(prefix.dropLast())
    }

    /// Splits one CSV line (RFC 4180 quoting).
    static func splitCSV(_ line: String) -> [String] {
        var fields: [String] = [], field = "", quoted = false
        var chars = Array(line.replacingOccurrences(of: "\r", with: "")).makeIterator()
        while let c = chars.next() {
            if quoted {
                if c == "\"" {
                    if let next = chars.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; if next == "," { fields.append(field); field = "" } else { field.append(next) } }
                    } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" { quoted = true } else if c == "," { fields.append(field); field = "" } else { field.append(c) }
        }
        fields.append(field)
        return fields
    }
}
