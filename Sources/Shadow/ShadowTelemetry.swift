import Foundation
import Telemetry

/// Reads a telemetry file by its kind: OpenMetrics text snapshots for `.prom`, `.om` and `.txt`, CSV otherwise.
///
/// A Prometheus server (`--prometheus URL`) yields the same `TelemetryTable` through the Telemetry target's
/// `query_range` client, which this branch does not build (see the README).
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
