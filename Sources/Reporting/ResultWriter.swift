import FacilitySim
import Foundation
import Operations

/// Writes a `RunResult` into an output directory: `summary.json`, `timeseries.csv`, `report.html`, `report.md`,
/// `metrics.prom` and, when the run kept one, the audit trail `audit.jsonl`.
///
/// Each file is written to a hidden temporary name in the same directory and renamed into place,
/// so a reader never sees a half-written file and a failed run leaves the previous results intact.
public enum ResultWriter {
    /// Errors writing results, naming the path.
    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// Writes every result file of `result` into `directory` (created if needed); `baseline` is the summary of the
    /// design the report compares with (the air-cooled hall of the document's "1.5–2× better"); `sensitivity`, when
    /// given, is written as `sensitivity.json` and charted in the reports.
    public static func write(_ result: RunResult, to directory: URL, baseline: RunSummary? = nil,
                             sensitivity: SensitivityResult? = nil) throws {
        try createDirectory(directory)
        try writeAtomically(summaryJSON(result.summary), to: directory.appendingPathComponent("summary.json"))
        try writeAtomically(Data(timeSeriesCSV(result.timeSeries).utf8), to: directory.appendingPathComponent("timeseries.csv"))
        if !result.auditTrail.isEmpty {
            try writeAtomically(Data(result.auditTrail.text.utf8), to: directory.appendingPathComponent("audit.jsonl"))
        } else {
            // A trail left by an earlier run would not belong to these results.
            try? FileManager.default.removeItem(at: directory.appendingPathComponent("audit.jsonl"))
        }
        let sensitivityFile = directory.appendingPathComponent("sensitivity.json")
        if let sensitivity {
            try writeAtomically(sensitivityJSON(sensitivity), to: sensitivityFile)
        } else {
            // A study left by an earlier run would not belong to these results.
            try? FileManager.default.removeItem(at: sensitivityFile)
        }
        try writeReports(ReportInput(summary: result.summary, timeSeries: result.timeSeries, baseline: baseline,
                                     sensitivity: sensitivity,
                                     incidents: result.summary.incidents == nil ? nil : IncidentSection(result: result)), to: directory)
    }

    /// Writes `report.html`, `report.md` and `metrics.prom` of `input` into `directory` (created if needed).
    public static func writeReports(_ input: ReportInput, to directory: URL) throws {
        try createDirectory(directory)
        try writeAtomically(Data(HTMLReport.render(input).utf8), to: directory.appendingPathComponent("report.html"))
        try writeAtomically(Data(MarkdownReport.render(input).utf8), to: directory.appendingPathComponent("report.md"))
        try writeAtomically(Data(OpenMetricsWriter.render(input.summary).utf8), to: directory.appendingPathComponent("metrics.prom"))
    }

    /// The project's result-file JSON: sorted keys, pretty-printed, snake_case, non-finite numbers as "inf"/"nan",
    /// trailing newline — byte-stable, so equal results give equal files.
    public static func resultJSON<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }

    /// `summary.json`.
    public static func summaryJSON(_ summary: RunSummary) throws -> Data { try resultJSON(summary) }

    /// `sensitivity.json`.
    public static func sensitivityJSON(_ result: SensitivityResult) throws -> Data { try resultJSON(result) }

    /// `timeseries.csv`: a header of column names (with units), then one line per sample.
    /// Numbers use Swift's shortest round-trip representation, so the file is locale-independent
    /// and reproducible bit for bit.
    public static func timeSeriesCSV(_ series: TimeSeries) -> String {
        var out = series.columns.joined(separator: ",") + "\n"
        out.reserveCapacity(series.values.count * 12)
        let width = series.columns.count
        for row in 0..<series.count {
            for c in 0..<width {
                if c > 0 { out += "," }
                out += format(series[row, c])
            }
            out += "\n"
        }
        return out
    }

    static func format(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    static func createDirectory(_ directory: URL) throws {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: directory.path, reason: error.localizedDescription)
        }
    }

    /// Writes `data` to a temporary file beside `url` and renames it over `url`.
    public static func writeAtomically(_ data: Data, to url: URL) throws {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try data.write(to: temporary)
            if rename(temporary.path, url.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw WriteError(path: url.path, reason: reason)
            }
        } catch let error as WriteError {
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw WriteError(path: url.path, reason: error.localizedDescription)
        }
    }
}
