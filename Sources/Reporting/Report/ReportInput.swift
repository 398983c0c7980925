import FacilitySim
import Foundation

/// What a report is rendered from: a run's summary, its time series when available, and optionally the summary of
/// a baseline design (the air-cooled hall the document compares against).
public struct ReportInput: Sendable {
    public var summary: RunSummary
    public var timeSeries: TimeSeries?
    public var baseline: RunSummary?
    /// The 95 % intervals when the run aggregates replications (`intervals.json`), nil for a single run.
    public var replicated: ReplicationIntervals?
    /// The one-at-a-time sensitivity study (`sensitivity.json`, `run --sensitivity`), nil when not run.
    public var sensitivity: SensitivityResult?
    /// The incidents and the worst one's causal chain (issue 17); nil where the run did not detect incidents.
    public var incidents: IncidentSection?

    public init(summary: RunSummary, timeSeries: TimeSeries? = nil, baseline: RunSummary? = nil,
                replicated: ReplicationIntervals? = nil, sensitivity: SensitivityResult? = nil, incidents: IncidentSection? = nil) {
        self.summary = summary
        self.timeSeries = timeSeries
        self.baseline = baseline
        self.replicated = replicated
        self.sensitivity = sensitivity
        self.incidents = incidents
    }

    /// Errors reading saved results, naming the file.
    public struct ReadError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Reads `DIR/summary.json` and, when present, `DIR/timeseries.csv`, a replicated run's `DIR/intervals.json` and
    /// a sensitivity study's `DIR/sensitivity.json` (as `factory-twin run` wrote them).
    /// - Throws: `ReadError` when the summary is missing or malformed or the CSV is malformed.
    public static func load(directory: URL, baseline: URL? = nil) throws -> ReportInput {
        let summary = try readSummary(directory.appendingPathComponent("summary.json"))
        let csv = directory.appendingPathComponent("timeseries.csv")
        var series: TimeSeries?
        if FileManager.default.fileExists(atPath: csv.path) {
            guard let text = try? String(contentsOf: csv, encoding: .utf8) else {
                throw ReadError(path: csv.path, reason: "cannot read (not UTF-8 text?)")
            }
            series = try parseTimeSeries(text, path: csv.path)
        }
        let base = try baseline.map { try readSummary($0.appendingPathComponent("summary.json")) }
        return ReportInput(summary: summary, timeSeries: series, baseline: base,
                           replicated: try ReplicationIntervals.load(directory: directory),
                           sensitivity: try SensitivityReport.load(directory: directory),
                           incidents: IncidentSection.load(directory: directory, horizonSeconds: summary.simulatedSeconds))
    }

    /// Decodes a `summary.json`.
    public static func readSummary(_ url: URL) throws -> RunSummary {
        guard let data = try? Data(contentsOf: url) else { throw ReadError(path: url.path, reason: "cannot read the file") }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do {
            return try decoder.decode(RunSummary.self, from: data)
        } catch let DecodingError.keyNotFound(key, _) {
            throw ReadError(path: url.path, reason: "not a run summary: missing key '\(key.stringValue)'")
        } catch {
            throw ReadError(path: url.path, reason: "not a run summary: \(error)")
        }
    }

    /// Parses a `timeseries.csv`: a header whose first column is `time_s`, then rows of numbers of the same width.
    /// - Throws: `ReadError` with the line number of the first malformed line.
    public static func parseTimeSeries(_ text: String, path: String = "timeseries.csv") throws -> TimeSeries {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).makeIterator()
        guard let header = lines.next() else { throw ReadError(path: path, reason: "empty file") }
        let columns = header.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard columns.first == "time_s" else { throw ReadError(path: path, reason: "line 1: the first column must be time_s") }
        var series = TimeSeries(columns: columns)
        var number = 1
        while let line = lines.next() {
            number += 1
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == columns.count else {
                throw ReadError(path: path, reason: "line \(number): \(fields.count) fields, the header has \(columns.count)")
            }
            var row: [Double] = []
            row.reserveCapacity(fields.count)
            for f in fields {
                guard let v = Double(f.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                    throw ReadError(path: path, reason: "line \(number): '\(f.prefix(30))' is not a number")
                }
                row.append(v)
            }
            series.append(row)
        }
        return series
    }
}
