import Foundation

/// The 95 % Student-t intervals of a replicated run (`factory-twin run --replications N` writes them to
/// `DIR/intervals.json` as `{level, replications, fields: {key: {mean, half_width, lower, upper}}}`), with the
/// availability of each replication read from `DIR/replications/replication-NNN/summary.json` when present.
public struct ReplicationIntervals: Sendable {
    /// One field's interval, in the field's unit.
    public struct Interval: Sendable, Equatable {
        public var mean: Double
        public var lower: Double
        public var upper: Double
    }

    /// Number of replications aggregated.
    public var replications: Int
    /// Interval of each numeric summary field (dotted snake_case keys such as `availability`).
    public var fields: [String: Interval]
    /// Strict availability (fraction, 0…1) of each replication, in replication order; empty when not on disk.
    public var availability: [Double] = []
    /// Capacity-weighted availability (fraction, 0…1) of each replication, in replication order.
    public var capacityWeightedAvailability: [Double] = []

    /// Parses an `intervals.json` document (a bound written as the string `inf`/`nan` is read as that value).
    /// - Throws: `ReportInput.ReadError` when it is not such a document.
    public static func parse(_ data: Data, path: String = "intervals.json") throws -> ReplicationIntervals {
        guard let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              let n = root["replications"] as? Int, let raw = root["fields"] as? [String: Any] else {
            throw ReportInput.ReadError(path: path, reason: "not an intervals file: needs 'replications' and 'fields'")
        }
        func number(_ v: Any?) -> Double? { (v as? NSNumber)?.doubleValue ?? (v as? String).flatMap(Double.init) }
        var fields: [String: Interval] = [:]
        for (key, value) in raw {
            guard let f = value as? [String: Any], let mean = number(f["mean"]), let lower = number(f["lower"]),
                  let upper = number(f["upper"]) else {
                throw ReportInput.ReadError(path: path, reason: "field '\(key)': needs numbers mean, lower and upper")
            }
            fields[key] = Interval(mean: mean, lower: lower, upper: upper)
        }
        return ReplicationIntervals(replications: n, fields: fields)
    }

    /// Reads `DIR/intervals.json` and the replications' summaries; nil when the directory has no intervals file.
    /// - Throws: `ReportInput.ReadError` when a file is malformed.
    public static func load(directory: URL) throws -> ReplicationIntervals? {
        let file = directory.appendingPathComponent("intervals.json")
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        guard let data = try? Data(contentsOf: file) else { throw ReportInput.ReadError(path: file.path, reason: "cannot read the file") }
        var result = try parse(data, path: file.path)
        let root = directory.appendingPathComponent("replications")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).filter { $0.hasPrefix("replication-") }.sorted()
        for name in names {
            let summary = root.appendingPathComponent(name).appendingPathComponent("summary.json")
            guard FileManager.default.fileExists(atPath: summary.path) else { continue }
            let s = try ReportInput.readSummary(summary)
            if let a = s.availability { result.availability.append(a) }
            if let w = s.capacityWeightedAvailability { result.capacityWeightedAvailability.append(w) }
        }
        return result
    }

    /// `0.99962 [0.99950, 0.99974]`: mean and 95 % bounds with `decimals` decimals.
    static func format(_ i: Interval, decimals: Int = 5) -> String {
        "\(SVGText.fixed(i.mean, decimals)) [\(SVGText.fixed(i.lower, decimals)), \(SVGText.fixed(i.upper, decimals))]"
    }

    /// Rows of the "Replications" table: availability, capacity-weighted, facility and service availability, the uptime
    /// benchmark's judged figure (service availability when present; pass when the lower bound is ≥ 0.9995) and PUE,
    /// each as mean [lower, upper].
    var rows: [ReportRow] {
        var rows = [ReportRow("Replications", "\(replications) (95 % Student-t intervals)")]
        if let a = fields["availability"] { rows.append(ReportRow("Availability (all GPUs at full clock)", Self.format(a))) }
        if let w = fields["capacity_weighted_availability"] { rows.append(ReportRow("Capacity-weighted availability", Self.format(w))) }
        if let f = fields["facility_availability"] { rows.append(ReportRow("Facility availability (power and cooling delivered)", Self.format(f))) }
        if let v = fields["service_availability"] { rows.append(ReportRow("Service availability (committed capacity delivered)", Self.format(v))) }
        if let judged = fields["service_availability"] ?? fields["capacity_weighted_availability"] ?? fields["availability"] {
            let verdict = judged.lower >= Benchmarks.uptimeRange.lowerBound ? "pass" : "fail"
            rows.append(ReportRow("Uptime benchmark (target 0.99950–0.99990)", "\(Self.format(judged)) — \(verdict) on the lower bound"))
        }
        if let pue = fields["pue"] { rows.append(ReportRow("PUE", Self.format(pue, decimals: 4))) }
        return rows
    }

    /// Availability of each replication with the mean and its 95 % band, in %, against the 99.95 % uptime floor;
    /// nil with fewer than two replications or no availability.
    var chart: (title: String, caption: String, svg: String)? {
        var series: [LineChart.Series] = []
        let n = Double(max(replications, 2))
        for (key, name, values) in [("availability", "all GPUs at full clock", availability),
                                    ("capacity_weighted_availability", "capacity-weighted", capacityWeightedAvailability)] {
            guard let ci = fields[key] else { continue }
            if values.count >= 2 {
                series.append(LineChart.Series(name: "\(name), per replication", x: values.indices.map { Double($0 + 1) },
                                               y: values.map { $0 * 100 }, markers: true, line: false))
            }
            series.append(LineChart.Series(name: "\(name), mean and 95 % CI", x: [1, n], y: [ci.mean * 100, ci.mean * 100],
                                           lower: [ci.lower * 100, ci.lower * 100], upper: [ci.upper * 100, ci.upper * 100]))
        }
        guard replications >= 2, !series.isEmpty else { return nil }
        let chart = LineChart(title: "Availability over \(replications) replications", xLabel: "replication (number)",
                              yLabel: "availability (%)", series: series,
                              references: [.init(value: Benchmarks.uptimeRange.lowerBound * 100, label: "uptime floor 99.95 %")])
        return (chart.title, "Availability of each replication (dots), the mean across replications (line) and its 95 % Student-t confidence interval (band); dashed: the document's 99.95 % uptime floor.", chart.svg())
    }
}
