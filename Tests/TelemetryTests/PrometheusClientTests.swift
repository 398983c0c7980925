import Foundation
@testable import Telemetry
import XCTest

/// Prometheus HTTP API JSON (https://prometheus.io/docs/prometheus/latest/querying/api/, "Range queries" and
/// "Instant queries") → `TelemetryTable`, and the errors for everything else.
final class PrometheusClientTests: XCTestCase {
    func response(_ json: String, status: Int = 200) -> HTTPClient.Response {
        HTTPClient.Response(status: status, headers: [:], body: Array(json.utf8))
    }

    func parse(_ json: String, status: Int = 200, name: String? = nil) throws -> TelemetryTable {
        try PrometheusClient.parse(response(json, status: status), url: "http://p/api/v1/query_range", query: "q", name: name)
    }

    /// Two series of a matrix with instants {10, 20} and {20, 30}: three rows 10, 20, 30 (union, ascending); the first
    /// series has NaN at 30, the second at 10; columns are the selectors with sorted labels; "NaN" and "+Inf" parse.
    func testMatrixMergesSeriesOnTheUnionOfInstants() throws {
        let json = """
        {"status":"success","data":{"resultType":"matrix","result":[
          {"metric":{"__name__":"gpu_temperature_celsius","scenario":"s","cohort":"tank"},"values":[[10,"61.5"],[20,"+Inf"]]},
          {"metric":{"__name__":"gpu_temperature_celsius","scenario":"s","cohort":"loop"},"values":[[20,"55"],[30.5,"NaN"]]}]}}
        """
        let t = try parse(json)
        XCTAssertEqual(t.columns, ["gpu_temperature_celsius{cohort=\"tank\",scenario=\"s\"}", "gpu_temperature_celsius{cohort=\"loop\",scenario=\"s\"}"])
        XCTAssertEqual(t.timestamps, [10, 20, 30.5])
        XCTAssertEqual(t.values[0][0], 61.5)
        XCTAssertTrue(t.values[0][1].isNaN)
        XCTAssertEqual(t.values[1], [.infinity, 55])
        XCTAssertTrue(t.values[2][0].isNaN && t.values[2][1].isNaN)
        XCTAssertEqual(t.source, "http://p/api/v1/query_range")
    }

    /// One series and a caller name: one column with that name; two series and a name: an error saying to narrow it.
    func testCallerNameForOneSeries() throws {
        let one = #"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"a":"1"},"values":[[1,"2"]]}]}}"#
        XCTAssertEqual(try parse(one, name: "gpu_c").columns, ["gpu_c"])
        XCTAssertEqual(try parse(one).columns, ["{a=\"1\"}"])
        let two = #"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"a":"1"},"values":[[1,"2"]]},{"metric":{"a":"2"},"values":[[1,"3"]]}]}}"#
        XCTAssertThrowsError(try parse(two, name: "gpu_c")) { XCTAssertTrue("\($0)".contains("returned 2 series"), "\($0)") }
    }

    /// An instant vector gives one row at the evaluation time; a scalar one unnamed column.
    func testVectorAndScalar() throws {
        let vector = #"{"status":"success","data":{"resultType":"vector","result":[{"metric":{"__name__":"up"},"value":[1700000000.5,"1"]}]}}"#
        let t = try PrometheusClient.parse(response(vector), url: "u", query: "up", name: nil)
        XCTAssertEqual(t.columns, ["up"])
        XCTAssertEqual(t.timestamps, [1_700_000_000.5])
        XCTAssertEqual(t.values, [[1]])
        let scalar = #"{"status":"success","data":{"resultType":"scalar","result":[5,"2.5"]}}"#
        XCTAssertEqual(try parse(scalar, name: "x").values, [[2.5]])
    }

    /// Errors name the URL and say what came back: the API's own error (HTTP 400 with errorType bad_data), a proxy's
    /// HTML 502, a JSON body without the envelope, a non-numeric value, no series.
    func testErrors() throws {
        let apiError = #"{"status":"error","errorType":"bad_data","error":"invalid parameter \"query\": parse error"}"#
        XCTAssertThrowsError(try parse(apiError, status: 400)) { error in
            XCTAssertEqual(error as? PrometheusError, .api(url: "http://p/api/v1/query_range", errorType: "bad_data",
                                                            message: "invalid parameter \"query\": parse error"))
        }
        XCTAssertThrowsError(try parse("<html>Bad Gateway</html>", status: 502)) { error in
            guard case .http(_, 502, let message)? = error as? PrometheusError else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("Bad Gateway"))
        }
        XCTAssertThrowsError(try parse("[1,2]")) { XCTAssertTrue("\($0)".contains("not a JSON object"), "\($0)") }
        XCTAssertThrowsError(try parse(#"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,"hot"]]}]}}"#)) {
            XCTAssertTrue("\($0)".contains("\"hot\" is not a number"), "\($0)")
        }
        XCTAssertThrowsError(try parse(#"{"status":"success","data":{"resultType":"matrix","result":[]}}"#)) { error in
            XCTAssertEqual(error as? PrometheusError, .empty(url: "http://p/api/v1/query_range", query: "q"))
        }
        XCTAssertThrowsError(try PrometheusClient.queryRange(baseURL: "http://127.0.0.1:1", query: "up", start: 10, end: 5, step: 1))
        XCTAssertThrowsError(try PrometheusClient.queryRange(baseURL: "ftp://x", query: "up", start: 0, end: 5, step: 1)) {
            XCTAssertEqual($0 as? PrometheusError, .badBaseURL("ftp://x"))
        }
    }

    /// Over a real socket: the query reaches the server percent-encoded so that `+`, spaces, braces and quotes survive
    /// form decoding (`+` → %2B, space → %20), with start, end and step; a trailing slash on the base URL is dropped;
    /// the table comes back from the canned matrix.
    func testQueryRangeOverHTTP() throws {
        let seen = Failures()
        let server = try HTTPServer(host: "127.0.0.1", port: 0) { request in
            seen.add(request.path + "?" + request.query)
            return HTTPResponse(status: 200, contentType: "application/json",
                                body: #"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__name__":"x"},"values":[[100,"1"],[101,"2"]]}]}}"#)
        }
        server.start()
        defer { server.stop() }
        let t = try PrometheusClient.queryRange(baseURL: "http://127.0.0.1:\(server.port)/", query: #"x{a="b c"} + 1"#,
                                                start: 100, end: 101, step: 1, name: "x")
        XCTAssertEqual(t.timestamps, [100, 101])
        XCTAssertEqual(t.values, [[1], [2]])
        XCTAssertEqual(seen.all, ["/api/v1/query_range?query=x%7Ba%3D%22b%20c%22%7D%20%2B%201&start=100.0&end=101.0&step=1.0"])
        XCTAssertThrowsError(try PrometheusClient.query(baseURL: "http://127.0.0.1:\(try HTTPServerTests.freePort())", query: "up")) { error in
            guard case .unreachable? = error as? PrometheusError else { return XCTFail("\(error)") }
        }
    }

    /// Two named queries merged: "a" has samples at 1, 2 s (1, 2), "b" at 2, 3 s (20, 30) → columns [A, B], rows 1, 2, 3
    /// with NaN where a query has no sample; the table's source is the base URL.
    func testNamedQueriesMergeIntoOneTable() throws {
        let server = try HTTPServer(host: "127.0.0.1", port: 0) { request in
            let values = request.query.hasPrefix("query=a&") ? #"[[1,"1"],[2,"2"]]"# : #"[[2,"20"],[3,"30"]]"#
            return HTTPResponse(status: 200, contentType: "application/json",
                                body: #"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":"# + values + "}]}}")
        }
        server.start()
        defer { server.stop() }
        let base = "http://127.0.0.1:\(server.port)"
        let t = try PrometheusClient.queryRange(baseURL: base, queries: [(name: "A", query: "a"), (name: "B", query: "b")], start: 1, end: 3, step: 1)
        XCTAssertEqual(t.columns, ["A", "B"])
        XCTAssertEqual(t.timestamps, [1, 2, 3])
        XCTAssertEqual(t.values[0][0], 1)
        XCTAssertTrue(t.values[0][1].isNaN)
        XCTAssertEqual(t.values[1], [2, 20])
        XCTAssertTrue(t.values[2][0].isNaN)
        XCTAssertEqual(t.values[2][1], 30)
        XCTAssertEqual(t.source, base)
    }
}
