import Foundation
import Reporting
import SimMath

/// A complete sweep's table, built from its point files: `sweep.csv` and `sweep.json`, one row per point
/// (index, the value on each axis, then each key metric's mean and 95 % interval).
///
/// The unsharded `sweep` and `merge` both build the table from the point files with this type, so the merged
/// output of N shards is byte for byte the output of one process.
public struct SweepTable: Sendable {
    /// The points in index order.
    public var points: [PointResult]

    /// Summary fields shown as metrics, in column order, when every point has them (runs that do not model
    /// serving, availability or economics have no such fields).
    public static let keyMetrics = [
        "pue", "ppue_cooling", "ere", "erf", "wue_liters_per_kilowatt_hour",
        "facility_energy_joules", "it_energy_joules", "peak_facility_power_watts",
        "max_gpu_temperature_celsius", "seconds_above_gpu_limit", "throttled_fraction", "throughput_lost_fraction",
        "heat_recovered_joules", "water_liters",
        "tokens_per_second", "tokens_per_joule_facility", "availability", "capacity_weighted_availability",
        "tokens_lost_to_failures", "gpu_failures", "cooling_unit_failures",
        "economics.cost_per_million_tokens_usd", "economics.horizon_cost_usd",
    ]

    /// The metrics present at every point, in `keyMetrics` order.
    public var metrics: [String] {
        SweepTable.keyMetrics.filter { key in points.allSatisfy { $0.metrics[key] != nil } }
    }

    /// Reads every `points/point-*.json` under `directories` and checks that they form one complete sweep.
    /// A point present in several directories must be identical in each.
    /// - Throws: `StudyError.badResultFile` for unreadable files, files of different studies or conflicting
    ///   duplicates; `StudyError.incompleteSweep` when points are missing.
    public init(directories: [URL]) throws {
        var byIndex: [Int: PointResult] = [:]
        var study: String?
        for directory in directories {
            let folder = directory.appendingPathComponent("points")
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            } catch {
                throw StudyError.badResultFile(folder.path, "no sweep results here (expected a points/ folder written by `factory-twin sweep`)")
            }
            for name in names.sorted() where name.hasPrefix("point-") && name.hasSuffix(".json") {
                let url = folder.appendingPathComponent(name)
                let point = try PointResult.read(url)
                if let study, study != point.study {
                    throw StudyError.badResultFile(url.path, "belongs to another study than the other point files (scenario, axes or replications differ)")
                }
                study = point.study
                guard (0..<point.pointCount).contains(point.index), name == PointResult.fileName(point.index) else {
                    throw StudyError.badResultFile(url.path, "point index \(point.index) does not match the file name or the sweep size \(point.pointCount)")
                }
                if let other = byIndex[point.index], other != point {
                    throw StudyError.badResultFile(url.path, "point \(point.index) differs from the same point in another directory")
                }
                byIndex[point.index] = point
            }
        }
        guard let any = byIndex.values.first else {
            throw StudyError.badResultFile(directories.map(\.path).joined(separator: ", "), "no point results found")
        }
        let missing = (0..<any.pointCount).filter { byIndex[$0] == nil }
        guard missing.isEmpty else { throw StudyError.incompleteSweep(missing: missing.count, first: Array(missing.prefix(10))) }
        points = (0..<any.pointCount).compactMap { byIndex[$0] }
    }

    /// `sweep.csv`: header `index,<axis paths>,<metric>,<metric>_ci95_low,<metric>_ci95_high,…`; numbers in Swift's
    /// shortest round-trip form (locale-free, reproducible bit for bit); interval cells empty with one replication.
    public func csv() -> String {
        let metrics = self.metrics
        var header = ["index"] + (points.first?.axes.map(\.path) ?? [])
        for m in metrics { header += [m, "\(m)_ci95_low", "\(m)_ci95_high"] }
        var out = header.map(SweepTable.csvField).joined(separator: ",") + "\n"
        for point in points {
            var row = [String(point.index)] + point.values.map(SweepTable.csvField)
            for m in metrics {
                let ci = point.metrics[m] ?? SweepTable.absent   // never absent: `metrics` keeps only fields every point has
                row.append(SweepTable.number(ci.mean))
                row += ci.halfWidth.isFinite ? [SweepTable.number(ci.lower), SweepTable.number(ci.upper)] : ["", ""]
            }
            out += row.joined(separator: ",") + "\n"
        }
        return out
    }

    /// `sweep.json`: the study, axes, replications, metric names, and one object per point with its parameters
    /// and each metric's `mean` and `ci95` ([low, high], or null with one replication).
    public func json() throws -> Data {
        let metrics = self.metrics
        guard let first = points.first else { return Data("{}\n".utf8) }
        let rows: [JSONValue] = points.map { point in
            var parameters: [String: JSONValue] = [:]
            for (axis, value) in zip(point.axes, point.values) { parameters[axis.path] = .string(value) }
            var values: [String: JSONValue] = [:]
            for m in metrics {
                let ci = point.metrics[m] ?? SweepTable.absent
                values[m] = .object(["mean": .number(ci.mean),
                                     "ci95": ci.halfWidth.isFinite ? .array([.number(ci.lower), .number(ci.upper)]) : .null])
            }
            return .object(["index": .integer(point.index), "parameters": .object(parameters), "metrics": .object(values)])
        }
        let axes: [JSONValue] = first.axes.map { .object(["path": .string($0.path), "values": .array($0.values.map(JSONValue.string))]) }
        let document = JSONValue.object([
            "study": .string(first.study), "scenario": .string(first.scenario), "seed": .integer(Int(first.seed)),
            "replications": .integer(first.replications), "axes": .array(axes),
            "metrics": .array(metrics.map(JSONValue.string)), "points": .array(rows),
        ])
        var data = try ResultJSON.encoder().encode(document)
        data.append(0x0A)
        return data
    }

    /// Writes `sweep.csv` and `sweep.json` into `directory` (temp file + rename each).
    public func write(to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try ResultWriter.writeAtomically(Data(csv().utf8), to: directory.appendingPathComponent("sweep.csv"))
        try ResultWriter.writeAtomically(json(), to: directory.appendingPathComponent("sweep.json"))
    }

    static func number(_ x: Double) -> String { "\(x)" }

    /// Stand-in for a metric a point lacks (cannot happen for `metrics`, which keeps only shared fields).
    static let absent = ConfidenceInterval(mean: .nan, halfWidth: .nan, level: ReplicationAggregate.level)

    /// A CSV field, quoted when it holds a comma, quote or line break (RFC 4180).
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
