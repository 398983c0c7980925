import Foundation

/// Reads OpenMetrics / Prometheus text-format snapshots (e.g. successive scrapes of DCGM-exporter's `/metrics`)
/// into a table: one row per sample instant, one column per series.
///
/// A series is its metric name with its labels sorted by name, `DCGM_FI_DEV_GPU_TEMP{Hostname="n1",gpu="0"}`
/// (a name alone when it has no labels); that is the name a map file gives it. The instant of a sample is its
/// own OpenMetrics timestamp (seconds since 1970) when it has one, otherwise the last `# TIMESTAMP T` line above
/// it (T in seconds since 1970 or ISO 8601 UTC) — what
/// `while sleep 60; do echo "# TIMESTAMP $(date -u +%FT%TZ)"; curl -s HOST:9400/metrics; done >> snapshots.prom`
/// writes, since DCGM-exporter's samples carry no timestamps. `# HELP`, `# TYPE`, `# UNIT`, `# EOF` and other
/// comments are skipped. Samples of one instant form a row; a series absent from a row is NaN there.
/// Refused with a `TelemetryError` naming the file, line, column and series: a sample with no instant, a value
/// that is not a number or is NaN/±Inf, malformed labels, a line longer than `maximumLineBytes`, an empty file.
public enum OpenMetricsSnapshotReader {
    public static let maximumLineBytes = 1 << 16

    /// Reads the file at `path`.
    /// - Throws: `TelemetryError`.
    public static func read(path: String) throws -> TelemetryTable {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TelemetryError(file: path, line: 1, message: "cannot read the file")
        }
        guard data.count <= CSVTelemetryReader.maximumFileBytes else {
            throw TelemetryError(file: path, line: 1, message: "the file is larger than \(CSVTelemetryReader.maximumFileBytes) bytes")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw TelemetryError(file: path, line: 1, message: "the file is not UTF-8 text")
        }
        return try parse(text, source: path)
    }

    /// Parses exposition text; `source` names it in errors.
    /// - Throws: `TelemetryError`.
    public static func parse(_ text: String, source: String) throws -> TelemetryTable {
        var columns: [String] = []
        var index: [String: Int] = [:]
        var rows: [(time: Double, line: Int, samples: [(Int, Double)])] = []
        var currentStamp: Double?
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.utf8.count > maximumLineBytes {
                throw TelemetryError(file: source, line: lineNumber, message: "the line is longer than \(maximumLineBytes) bytes")
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            if trimmed.hasPrefix("#") {
                if trimmed.hasPrefix("# TIMESTAMP") {
                    let value = trimmed.dropFirst("# TIMESTAMP".count).trimmingCharacters(in: .whitespaces)
                    guard let t = Double(value).flatMap({ $0.isFinite ? $0 : nil }) ?? ISO8601.seconds(value) else {
                        throw TelemetryError(file: source, line: lineNumber, column: 13, field: "timestamp",
                                             message: "'\(value.prefix(40))' is not a time: write seconds since 1970 or ISO 8601 UTC")
                    }
                    currentStamp = t
                }
                continue
            }
            let (series, rest, restColumn) = try seriesName(Substring(trimmed), line: lineNumber, source: source)
            let parts = rest.split(separator: " ", omittingEmptySubsequences: true)
            guard !parts.isEmpty, parts.count <= 2 else {
                throw TelemetryError(file: source, line: lineNumber, column: restColumn, field: series,
                                     message: "expected `SERIES VALUE [TIMESTAMP]`")
            }
            guard let value = Double(parts[0]) else {
                throw TelemetryError(file: source, line: lineNumber, column: restColumn, field: series, message: "'\(parts[0].prefix(40))' is not a number")
            }
            guard value.isFinite else {
                throw TelemetryError(file: source, line: lineNumber, column: restColumn, field: series,
                                     message: "'\(parts[0])' is not a finite value; a missing sample is an absent line")
            }
            var time = currentStamp
            if parts.count == 2 {
                guard let t = Double(parts[1]), t.isFinite else {
                    throw TelemetryError(file: source, line: lineNumber, column: restColumn + parts[0].count + 1, field: series,
                                         message: "'\(parts[1].prefix(40))' is not a timestamp (OpenMetrics: seconds since 1970)")
                }
                time = t
            }
            guard let instant = time else {
                throw TelemetryError(file: source, line: lineNumber, column: 1, field: series,
                                     message: "the sample has no timestamp and no `# TIMESTAMP` line precedes it")
            }
            let column: Int
            if let k = index[series] { column = k } else { column = columns.count; index[series] = column; columns.append(series) }
            if rows.last?.time != instant { rows.append((instant, lineNumber, [])) }
            rows[rows.count - 1].samples.append((column, value))
        }
        guard !rows.isEmpty else {
            throw TelemetryError(file: source, line: max(lineNumber, 1), message: "the file holds no samples")
        }
        var table = TelemetryTable(source: source, columns: columns)
        for row in rows {
            var values = Array(repeating: Double.nan, count: columns.count)
            for (k, v) in row.samples { values[k] = v }
            table.append(timestamp: row.time, values: values, line: row.line)
        }
        return table
    }

    /// Splits `name{labels} rest` into the canonical series name (labels sorted), the rest and its column.
    static func seriesName(_ line: Substring, line number: Int, source: String) throws -> (String, Substring, Int) {
        guard let brace = line.firstIndex(of: "{") else {
            let name = line.prefix { $0 != " " }
            return (String(name), line.dropFirst(name.count), name.count + 1)
        }
        let name = line[..<brace]
        guard let close = line[brace...].firstIndex(of: "}") else {
            throw TelemetryError(file: source, line: number, column: name.count + 1, field: String(name), message: "labels open with `{` but never close")
        }
        var labels: [(String, String)] = []
        var rest = line[line.index(after: brace)..<close]
        while !rest.isEmpty {
            guard let eq = rest.firstIndex(of: "="), rest[rest.index(after: eq)...].first == "\"" else {
                throw TelemetryError(file: source, line: number, column: name.count + 2, field: String(name), message: "a label is not `name=\"value\"`")
            }
            let key = rest[..<eq].trimmingCharacters(in: .whitespaces)
            let valueStart = rest.index(eq, offsetBy: 2)
            guard let end = rest[valueStart...].firstIndex(of: "\"") else {
                throw TelemetryError(file: source, line: number, column: name.count + 2, field: String(name), message: "a label value never closes its quote")
            }
            labels.append((key, String(rest[valueStart..<end])))
            rest = rest[rest.index(after: end)...].drop { $0 == "," || $0 == " " }
        }
        labels.sort { $0.0 < $1.0 }
        let canonical = labels.isEmpty ? String(name) : "\(name){" + labels.map { "\($0.0)=\"\($0.1)\"" }.joined(separator: ",") + "}"
        let after = line[line.index(after: close)...]
        return (canonical, after, line.distance(from: line.startIndex, to: close) + 2)
    }
}
