import Foundation

/// Reads telemetry from a CSV file: a header `timestamp,SERIES,…`, then one row per sample instant.
///
/// The timestamp is either seconds since 1970-01-01T00:00:00Z (a number) or ISO 8601 UTC
/// (`2026-03-24T00:00:00Z`, optionally with fractional seconds). A value is a decimal number; an empty field
/// is a missing sample (NaN in the table, counted by the consumer). Refused with a `TelemetryError` naming
/// the file, line, column and field: an empty file, a missing or duplicated header name, a row with the wrong
/// number of fields, a field that is not a number, `NaN`/`Inf` written as values (a sensor fault must be an
/// empty field, so it is counted, not averaged), a line longer than `maximumLineBytes`, a file larger than
/// `maximumFileBytes`. Rows are kept as read (order, repeats and gaps are the consumer's to judge).
public enum CSVTelemetryReader {
    /// Longest line accepted, bytes (a 1,024-column row of 10-character numbers is 11 kB).
    public static let maximumLineBytes = 1 << 16
    /// Largest file accepted, bytes (a week of 70 columns at 1-minute resolution is about 3 MB).
    public static let maximumFileBytes = 1 << 28

    /// Reads the file at `path`.
    /// - Throws: `TelemetryError`.
    public static func read(path: String) throws -> TelemetryTable {
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            data = try handle.read(upToCount: maximumFileBytes + 1) ?? Data()
        } catch {
            throw TelemetryError(file: path, line: 1, message: "cannot read the file: \((error as NSError).localizedDescription)")
        }
        if data.count > maximumFileBytes {
            throw TelemetryError(file: path, line: 1, message: "the file is larger than \(maximumFileBytes) bytes")
        }
        return try parse(data, source: path)
    }

    /// Parses CSV bytes; `source` names them in errors.
    /// - Throws: `TelemetryError`.
    public static func parse(_ data: Data, source: String) throws -> TelemetryTable {
        var table: TelemetryTable?
        var lineNumber = 0
        var rowValues: [Double] = []
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
                lineNumber += 1
                var lineEnd = end
                if lineEnd > start && bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
                if lineEnd - start > maximumLineBytes {
                    throw TelemetryError(file: source, line: lineNumber, message: "the line is longer than \(maximumLineBytes) bytes")
                }
                let line = UnsafeBufferPointer(rebasing: bytes[start..<lineEnd])
                start = end + 1
                if line.isEmpty || line[0] == UInt8(ascii: "#") { continue }
                guard let text = String(bytes: line, encoding: .utf8) else {
                    throw TelemetryError(file: source, line: lineNumber, message: "the line is not UTF-8 text")
                }
                let fields = text.split(separator: ",", omittingEmptySubsequences: false)
                guard var t = table else {
                    table = try header(fields, line: lineNumber, source: source)
                    continue
                }
                guard fields.count == t.columns.count + 1 else {
                    throw TelemetryError(file: source, line: lineNumber, column: text.count + 1, field: "",
                                         message: "\(fields.count) fields, the header has \(t.columns.count + 1)")
                }
                var column = 1
                let time = try timestamp(fields[0], line: lineNumber, column: column, source: source)
                column += fields[0].count + 1
                rowValues.removeAll(keepingCapacity: true)
                for (k, field) in fields.dropFirst().enumerated() {
                    rowValues.append(try value(field, name: t.columns[k], line: lineNumber, column: column, source: source))
                    column += field.count + 1
                }
                t.append(timestamp: time, values: rowValues, line: lineNumber)
                table = t
            }
        }
        guard let result = table else {
            throw TelemetryError(file: source, line: max(lineNumber, 1), message: "the file is empty: expected a header `timestamp,SERIES,…` and rows")
        }
        guard !result.timestamps.isEmpty else {
            throw TelemetryError(file: source, line: lineNumber, message: "the file has a header but no rows")
        }
        return result
    }

    static func header(_ fields: [Substring], line: Int, source: String) throws -> TelemetryTable {
        guard fields.count >= 2 else {
            throw TelemetryError(file: source, line: line, message: "the header names no series: expected `timestamp,SERIES,…`")
        }
        var seen = Set<String>()
        var column = fields[0].count + 2
        var names: [String] = []
        for field in fields.dropFirst() {
            let name = field.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { throw TelemetryError(file: source, line: line, column: column, message: "an empty series name in the header") }
            guard seen.insert(name).inserted else {
                throw TelemetryError(file: source, line: line, column: column, field: name, message: "the series is named twice in the header")
            }
            names.append(name)
            column += field.count + 1
        }
        return TelemetryTable(source: source, columns: names)
    }

    /// Seconds since the epoch from a number or an ISO 8601 UTC instant.
    static func timestamp(_ field: Substring, line: Int, column: Int, source: String) throws -> Double {
        let text = field.trimmingCharacters(in: .whitespaces)
        if let v = Double(text), v.isFinite { return v }
        if let v = ISO8601.seconds(text) { return v }
        throw TelemetryError(file: source, line: line, column: column, field: "timestamp",
                             message: "'\(text.prefix(40))' is not a time: write seconds since 1970 or ISO 8601 UTC (2026-03-24T00:00:00Z)")
    }

    static func value(_ field: Substring, name: String, line: Int, column: Int, source: String) throws -> Double {
        let text = field.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return .nan }
        guard let v = Double(text) else {
            throw TelemetryError(file: source, line: line, column: column, field: name, message: "'\(text.prefix(40))' is not a number")
        }
        guard v.isFinite else {
            throw TelemetryError(file: source, line: line, column: column, field: name,
                                 message: "'\(text)' is not a finite value: leave the field empty for a missing sample")
        }
        return v
    }
}
