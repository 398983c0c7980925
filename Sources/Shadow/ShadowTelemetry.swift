import Foundation
import Telemetry

/// Reads a telemetry file by its kind: OpenMetrics text snapshots for `.prom`, `.om` and `.txt`, CSV otherwise.
///
/// A Prometheus server (`--prometheus URL`) yields the same `TelemetryTable` through `read(map:…query:)` with the
/// Telemetry target's `query_range` client (`PrometheusClient.queryRange`) as the query.
public enum ShadowTelemetry {
    /// - Parameter partialLastLine: the file may be growing (`--follow`): a last line without its newline is
    ///   left for the next read instead of being refused.
    /// - Throws: `TelemetryError`.
    public static func read(_ path: String, partialLastLine: Bool = false) throws -> TelemetryTable {
        let ext = (path as NSString).pathExtension.lowercased()
        if ["prom", "om", "txt"].contains(ext) { return try OpenMetricsSnapshotReader.read(path: path) }
        guard partialLastLine else { return try CSVTelemetryReader.read(path: path) }
        guard var data = FileManager.default.contents(atPath: path) else {
            throw TelemetryError(file: path, line: 1, message: "cannot read the file")
        }
        if let last = data.lastIndex(of: UInt8(ascii: "\n")), last + 1 < data.endIndex { data = data.prefix(through: last) }
        return try CSVTelemetryReader.parse(data, source: path)
    }
}

extension ShadowTelemetry {
    /// A source that answers queries over a time range with a table whose columns are named by the queries —
    /// the shape of the Telemetry target's Prometheus `query_range` client (`PrometheusClient.queryRange`, which
    /// `shadow --prometheus` passes): (queries, start s, end s, step s) → table.
    public typealias RangeQuery = (_ queries: [String], _ startSeconds: Double, _ endSeconds: Double, _ stepSeconds: Double) throws -> TelemetryTable

    /// Reads every series `map` names (for a server, each `series:` is a PromQL query such as
    /// `avg by (tank) (DCGM_FI_DEV_GPU_TEMP{tank="3"})`) over [start, end] at `step` through `query`; the table then
    /// aligns through the same map as a CSV would.
    public static func read(map: SignalMap, startSeconds: Double, endSeconds: Double, stepSeconds: Double,
                            query: RangeQuery) throws -> TelemetryTable {
        let queries = Array(Set(map.entries.values.map(\.series))).sorted()
        return try query(queries, startSeconds, endSeconds, stepSeconds)
    }
}
