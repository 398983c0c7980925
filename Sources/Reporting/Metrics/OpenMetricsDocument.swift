/// An OpenMetrics text exposition under construction: metric families (HELP, TYPE, UNIT lines), their samples, and
/// the closing `# EOF` — the one place that knows the format's spelling, shared by the run's `metrics.prom`
/// (`OpenMetricsWriter.render`) and the live `/metrics` of `factory-twin serve` (`OpenMetricsWriter.renderLive`).
///
/// Conventions (OpenMetrics 1.0): a family's HELP and TYPE come before its samples; a UNIT line is written only
/// where the family name ends with the unit; counters' samples end in `_total`; label values escape `\`, `"` and
/// newlines; values are Swift's shortest round-trip decimals, so a scraper reads back the exact double.
public struct OpenMetricsDocument: Sendable {
    /// The content type a server sends with the exposition.
    public static let contentType = "application/openmetrics-text; version=1.0.0; charset=utf-8"

    /// The text so far (without `# EOF` until `finished` is read).
    public private(set) var text = ""

    public init() {}

    /// Declares a metric family: `# HELP`, `# TYPE` and, when given, `# UNIT`.
    public mutating func family(_ name: String, _ type: String, _ help: String, unit: String? = nil) {
        text += "# HELP \(name) \(Self.escapeHelp(help))\n# TYPE \(name) \(type)\n"
        if let unit { text += "# UNIT \(name) \(unit)\n" }
    }

    /// One sample line `name{labels} value`.
    public mutating func sample(_ name: String, _ labels: [(String, String)], _ value: Double) {
        let l = labels.map { "\($0.0)=\"\(Self.escapeLabel($0.1))\"" }.joined(separator: ",")
        text += "\(name)\(l.isEmpty ? "" : "{\(l)}") \(Self.number(value))\n"
    }

    /// The complete exposition, ending with `# EOF`.
    public var finished: String { text + "# EOF\n" }

    /// A sample value: Swift's shortest round-trip decimal, `+Inf`, `-Inf` or `NaN`.
    static func number(_ x: Double) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x > 0 ? "+Inf" : "-Inf" }
        return "\(x)"
    }

    static func escapeLabel(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n")
    }

    static func escapeHelp(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    }
}
