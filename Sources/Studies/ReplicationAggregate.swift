import FacilitySim
import Foundation
import SimMath

/// The summary of N replications: the mean of every numeric summary field, and a 95 % Student-t
/// confidence interval for each.
///
/// Fields are handled generically (the summary is flattened through its JSON form), so fields added by later
/// issues are aggregated without code here naming them. A field equal in every replication (scenario name,
/// seed, GPU count, limits) is kept as it is; a numeric field that varies becomes its mean (an integer field the
/// rounded mean; `intervals` has the exact one; a double field keeps its exact mean even when
/// every replication's value was whole). `availability_ci95` is filled from the interval of
/// `availability` when the runs model availability, `replications` is N, and `wall_seconds` is the study's
/// wall-clock time (the one field read from the host clock).
public struct ReplicationAggregate: Sendable {
    /// The aggregated summary (means), as written to `summary.json`.
    public var summary: RunSummary
    /// 95 % interval of each numeric field (dotted snake_case keys, e.g. `pue`, `energy_by_subsystem_joules.it`);
    /// the half-width is +∞ for a single replication. `wall_seconds` and `seed` are left out.
    public var intervals: [String: ConfidenceInterval]
    /// Number of replications aggregated.
    public var replications: Int

    /// Confidence level of every interval.
    public static let level = 0.95
    /// Fields never averaged nor given an interval.
    static let excluded: Set<String> = ["wall_seconds", "seed", "replications"]

    /// Aggregates the summaries of replications 0..<N (in replication order: the means are summed in that order,
    /// so the result is the same bit for bit whatever ran them).
    /// - Throws: `StudyError.invalidCount` for an empty list; an encoding error if a summary cannot round-trip JSON.
    /// - Complexity: O(N × fields).
    public init(_ summaries: [RunSummary], wallSeconds: Double) throws {
        guard !summaries.isEmpty else { throw StudyError.invalidCount("replications", 0) }
        let documents = try summaries.map(ReplicationAggregate.document)
        let leaves = documents.map { $0.numericLeaves() }
        var intervals: [String: ConfidenceInterval] = [:]
        for key in leaves[0].keys where !ReplicationAggregate.excluded.contains(key) && !key.hasPrefix("parameters") {
            let values = leaves.compactMap { $0[key] }
            guard values.count == leaves.count else { continue }
            intervals[key] = Statistics.confidenceInterval(values, level: ReplicationAggregate.level)
        }
        let integers = try ReplicationAggregate.integerFields(documents, intervals: intervals)
        guard case .object(var merged) = ReplicationAggregate.merge(documents, path: "", intervals: intervals, integers: integers) else {
            throw StudyError.badResultFile("summary", "a run summary is not a JSON object")
        }
        merged["replications"] = .integer(summaries.count)
        merged["wall_seconds"] = .number(wallSeconds)
        for key in ["availability", "service_availability", "facility_availability"] {
            if let ci = intervals[key], summaries.count >= 2, ci.halfWidth.isFinite {
                merged[key + "_ci95"] = .array([.number(ci.lower), .number(ci.upper)])
            }
        }
        let data = try ResultJSON.encoder().encode(JSONValue.object(merged))
        self.summary = try JSONValue.decoder().decode(RunSummary.self, from: data)
        self.intervals = intervals
        self.replications = summaries.count
    }

    /// A summary as a JSON value with its snake_case keys.
    static func document(_ summary: RunSummary) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: JSONValue.encoder().encode(summary))
    }

    /// The fields among those whose values were all written as integers and whose mean is not whole that are `Int` in
    /// `RunSummary` (JSON does not tell `3` the integer from `3.0` the double): each is probed by setting it to 0.5 in the
    /// first summary and decoding.
    static func integerFields(_ documents: [JSONValue], intervals: [String: ConfidenceInterval]) throws -> Set<String> {
        var out: Set<String> = []
        for (path, ci) in intervals where !path.contains("[") && ci.mean != ci.mean.rounded() {
            let keys = path.split(separator: ".").map(String.init)
            guard documents.allSatisfy({ if case .integer = $0.value(at: keys) { return true } else { return false } }) else { continue }
            let probe = try ResultJSON.encoder().encode(documents[0].setting(.number(0.5), at: keys[...]))
            if (try? JSONValue.decoder().decode(RunSummary.self, from: probe)) == nil { out.insert(path) }
        }
        return out
    }

    /// The field-by-field aggregate of `values` (one per replication) at `path`; `integers` lists the integer fields.
    static func merge(_ values: [JSONValue], path: String, intervals: [String: ConfidenceInterval], integers: Set<String>) -> JSONValue {
        let first = values[0]
        if values.allSatisfy({ $0 == first }) { return first }
        switch first {
        case .integer, .number:
            guard let mean = intervals[path]?.mean else { return first }
            if values.allSatisfy({ if case .integer = $0 { return true } else { return false } }),
               mean == mean.rounded() || integers.contains(path) || path.contains("["),
               let rounded = Int(exactly: mean.rounded()) {
                return .integer(rounded)
            }
            return .number(mean)
        case .object(let fields):
            var out: [String: JSONValue] = [:]
            for (key, value) in fields {
                let column = values.compactMap { v -> JSONValue? in
                    if case .object(let f) = v { return f[key] } else { return nil }
                }
                let child = path.isEmpty ? key : "\(path).\(key)"
                out[key] = column.count == values.count ? merge(column, path: child, intervals: intervals, integers: integers) : value
            }
            return .object(out)
        case .array(let items):
            let columns = values.compactMap { v -> [JSONValue]? in
                if case .array(let a) = v, a.count == items.count { return a } else { return nil }
            }
            guard columns.count == values.count else { return first }
            return .array(items.indices.map { i in merge(columns.map { $0[i] }, path: "\(path)[\(i)]", intervals: intervals, integers: integers) })
        default:
            return first
        }
    }

    /// `intervals.json`: every interval as `{mean, half_width, lower, upper}` by field, with the level and N.
    public func intervalsJSON() throws -> Data {
        var fields: [String: JSONValue] = [:]
        for (key, ci) in intervals {
            fields[key] = .object(["mean": .number(ci.mean), "half_width": .number(ci.halfWidth),
                                   "lower": .number(ci.lower), "upper": .number(ci.upper)])
        }
        let document = JSONValue.object(["level": .number(ReplicationAggregate.level), "replications": .integer(replications),
                                         "fields": .object(fields)])
        var data = try ResultJSON.encoder().encode(document)
        data.append(0x0A)
        return data
    }
}
