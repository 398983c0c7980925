/// Why a Prometheus query gave no table: every case names the URL asked and says what came back.
public enum PrometheusError: Error, Equatable, CustomStringConvertible {
    /// The base URL is not `http://host[:port][/prefix]`.
    case badBaseURL(String)
    /// No response: connection refused, name not resolved, timeout.
    case unreachable(url: String, reason: String)
    /// A non-2xx status; `message` is Prometheus's `error` field when the body had one, else the body's start.
    case http(url: String, status: Int, message: String)
    /// The body is not the API's JSON envelope (`status`, `data.resultType`, `data.result`).
    case badJSON(url: String, detail: String)
    /// The API answered `"status": "error"`.
    case api(url: String, errorType: String, message: String)
    /// The query matched no series (or none with samples in the range).
    case empty(url: String, query: String)
    /// Arguments that cannot make a query (end before start, step ≤ 0, a caller name for several series…).
    case badArguments(String)

    public var description: String {
        switch self {
        case .badBaseURL(let url):
            return "Prometheus URL \(url) is not http://host[:port][/path] (https is not supported)"
        case .unreachable(let url, let reason):
            return "Prometheus at \(url) did not answer: \(reason)"
        case .http(let url, let status, let message):
            return "Prometheus \(url) answered HTTP \(status): \(message)"
        case .badJSON(let url, let detail):
            return "Prometheus \(url) answered something that is not its query API JSON: \(detail)"
        case .api(let url, let errorType, let message):
            return "Prometheus \(url) rejected the query (\(errorType)): \(message)"
        case .empty(let url, let query):
            return "Prometheus \(url): the query `\(query)` returned no series with samples (check the metric name and labels, and that the range covers scraped data)"
        case .badArguments(let message):
            return "Prometheus query: \(message)"
        }
    }
}
