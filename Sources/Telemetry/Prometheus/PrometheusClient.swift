import Foundation

/// Reads series from a Prometheus server's HTTP API (`/api/v1/query_range`, `/api/v1/query`) into a `TelemetryTable`.
///
/// One column per returned series, named by the caller's `name` when the query returns exactly one series, else by
/// the series' labels in PromQL selector form (`gpu_temperature_celsius{cohort="tank",scenario="x"}`, labels sorted).
/// Rows are the union of the series' sample instants in ascending order; a series without a sample at an instant has
/// NaN there. Values are parsed from the API's strings (`"NaN"`, `"+Inf"` included).
public enum PrometheusClient {
    /// Samples of `query` from `start` to `end` every `step` seconds (Unix seconds), as Prometheus evaluates them.
    /// - Parameters:
    ///   - baseURL: the server, `http://127.0.0.1:9090` (a path prefix such as `/prometheus` is kept).
    ///   - name: the column name when the query returns one series (nil: its labels).
    /// - Throws: `PrometheusError` for a bad URL, an unreachable server, an HTTP or API error, bad JSON, or no data.
    public static func queryRange(baseURL: String, query: String, start: Double, end: Double, step: Double,
                                  name: String? = nil, timeoutSeconds: Double = 30) throws -> TelemetryTable {
        guard start.isFinite, end.isFinite, end >= start else { throw PrometheusError.badArguments("end \(end) is before start \(start)") }
        guard step.isFinite, step > 0 else { throw PrometheusError.badArguments("step must be > 0 s, got \(step)") }
        let url = try endpoint(baseURL, "query_range", [("query", query), ("start", seconds(start)), ("end", seconds(end)), ("step", seconds(step))])
        return try parse(get(url, timeoutSeconds: timeoutSeconds), url: url, query: query, name: name)
    }

    /// Several single-series range queries as one table: column i is `queries[i].name`, rows on the union of the
    /// instants, NaN where a query has no sample (the shape a map file's signals take: one PromQL query per signal).
    /// - Throws: as `queryRange`, for the first query that fails (each must return exactly one series).
    public static func queryRange(baseURL: String, queries: [(name: String, query: String)], start: Double, end: Double, step: Double,
                                  timeoutSeconds: Double = 30) throws -> TelemetryTable {
        guard !queries.isEmpty else { throw PrometheusError.badArguments("no queries given") }
        let tables = try queries.map { try queryRange(baseURL: baseURL, query: $0.query, start: start, end: end, step: step,
                                                      name: $0.name, timeoutSeconds: timeoutSeconds) }
        let series = tables.map { t in
            PrometheusSeries(labels: [:], samples: zip(t.timestamps, t.values).map { (time: $0, value: $1[0]) })
        }
        var merged = table(series, source: baseURL, name: nil)
        merged.columns = queries.map(\.name)
        return merged
    }

    /// The instant vector of `query` at `time` (Unix seconds; nil: the server's now): one row.
    /// - Throws: as `queryRange`.
    public static func query(baseURL: String, query: String, time: Double? = nil, name: String? = nil,
                             timeoutSeconds: Double = 30) throws -> TelemetryTable {
        var parameters = [("query", query)]
        if let time { parameters.append(("time", seconds(time))) }
        let url = try endpoint(baseURL, "query", parameters)
        return try parse(get(url, timeoutSeconds: timeoutSeconds), url: url, query: query, name: name)
    }

    /// `base/api/v1/<api>?k=v&…` with RFC 3986 percent-encoding (only unreserved characters left as they are, so
    /// `+`, `{`, `"` and `=` in PromQL survive Go's form decoding).
    static func endpoint(_ base: String, _ api: String, _ parameters: [(String, String)]) throws -> String {
        var trimmed = base
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let url = URL(string: trimmed), url.scheme?.lowercased() == "http", url.host?.isEmpty == false, url.query == nil else {
            throw PrometheusError.badBaseURL(base)
        }
        var unreserved = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        unreserved.insert(charactersIn: "-._~")
        let query = parameters.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: unreserved) ?? $0.1)" }
        return "\(trimmed)/api/v1/\(api)?\(query.joined(separator: "&"))"
    }

    /// Seconds as the API takes them: shortest round-trip decimal.
    static func seconds(_ x: Double) -> String { "\(x)" }

    static func get(_ url: String, timeoutSeconds: Double) throws -> HTTPClient.Response {
        do {
            return try HTTPClient.get(url, timeoutSeconds: timeoutSeconds)
        } catch let failure as HTTPClient.Failure {
            throw PrometheusError.unreachable(url: url, reason: failure.reason)
        }
    }

    /// Turns an API response into a table (see the type's documentation).
    /// - Throws: `PrometheusError.http` for a non-2xx status, `.api` for `"status": "error"`, `.badJSON` for anything
    ///   but the documented envelope, `.empty` when no series has a sample.
    static func parse(_ response: HTTPClient.Response, url: String, query: String, name: String?) throws -> TelemetryTable {
        let json = try? JSONSerialization.jsonObject(with: Data(response.body))
        let envelope = json as? [String: Any]
        if let envelope, envelope["status"] as? String == "error" {
            throw PrometheusError.api(url: url, errorType: envelope["errorType"] as? String ?? "error",
                                      message: envelope["error"] as? String ?? "no message")
        }
        guard (200..<300).contains(response.status) else {
            throw PrometheusError.http(url: url, status: response.status, message: String(response.text.prefix(200)))
        }
        guard let envelope else { throw PrometheusError.badJSON(url: url, detail: "body is not a JSON object: \(response.text.prefix(80))") }
        guard envelope["status"] as? String == "success", let data = envelope["data"] as? [String: Any],
              let type = data["resultType"] as? String else {
            throw PrometheusError.badJSON(url: url, detail: "no \"status\": \"success\" with data.resultType")
        }
        let series: [PrometheusSeries]
        do {
            series = try PrometheusSeries.decode(resultType: type, result: data["result"])
        } catch let error as PrometheusSeries.Malformed {
            throw PrometheusError.badJSON(url: url, detail: error.detail)
        }
        let withSamples = series.filter { !$0.samples.isEmpty }
        guard !withSamples.isEmpty else { throw PrometheusError.empty(url: url, query: query) }
        if name != nil, withSamples.count > 1 {
            throw PrometheusError.badArguments("`\(query)` returned \(withSamples.count) series but one column name \(name!) was given; "
                                               + "narrow the query (labels, sum by (…)) or give no name")
        }
        return table(withSamples, source: url, name: name)
    }

    /// Merges series on the union of their instants (ascending), NaN where a series has no sample.
    static func table(_ series: [PrometheusSeries], source: String, name: String?) -> TelemetryTable {
        let columns = series.count == 1 && name != nil ? [name!] : series.map(\.selector)
        let instants = Array(Set(series.flatMap { $0.samples.map(\.time) })).sorted()
        let rowOf = Dictionary(uniqueKeysWithValues: instants.enumerated().map { ($1, $0) })
        var values = Array(repeating: Array(repeating: Double.nan, count: series.count), count: instants.count)
        for (c, s) in series.enumerated() {
            for sample in s.samples { values[rowOf[sample.time]!][c] = sample.value }
        }
        return TelemetryTable(source: source, columns: columns, timestamps: instants, values: values)
    }
}
