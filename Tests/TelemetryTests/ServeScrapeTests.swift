import Foundation
@testable import Telemetry
import XCTest

/// `factory-twin serve` as a scrape target: its exposition, its dashboard, and a real Prometheus scraping it.
final class ServeScrapeTests: XCTestCase {
    /// 168 h of a 1,024-GPU hall with a pump failure, serving Llama-2-70B (tokens per watt), sampled every 5 min.
    static let scenario = ServeProcess.packageRoot.appendingPathComponent("Scenarios/pump-failure-heatwave.yaml").path

    /// Starts serve on a free port at `speed`, writing the run into `out`; waits (≤ 120 s, the run is computed first)
    /// for its listening line. Stopped on teardown.
    func startServe(speed: String, out: URL) throws -> (ServeProcess, UInt16) {
        let serve = try ServeProcess(try ServeProcess.factoryTwin(),
                                     ["serve", Self.scenario, "--listen", "127.0.0.1:0", "--speed", speed, "--out", out.path, "--quiet"])
        addTeardownBlock { serve.stop(signal: SIGKILL) }
        guard serve.wait(seconds: 120, until: { serve.servePort != nil }), let port = serve.servePort else {
            throw ServeProcess.Missing(what: "serve printed no listening address: \(serve.stderr)")
        }
        guard serve.wait(seconds: 120, until: { (try? HTTPClient.get("http://127.0.0.1:\(port)/-/healthy", timeoutSeconds: 1))?.status == 200 }) else {
            throw ServeProcess.Missing(what: "serve never became healthy: \(serve.stderr)")
        }
        return (serve, port)
    }

    func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ft-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    /// Sample lines of an exposition: `name{labels}` → value (comments skipped).
    static func samples(_ text: String) -> [String: Double] {
        var out: [String: Double] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " ") else { continue }
            out[String(line[..<space])] = Double(line[line.index(after: space)...])
        }
        return out
    }

    /// The twin's own time series written by serve --out (the same run it serves): column name → values.
    static func timeSeries(_ dir: URL) throws -> [String: [Double]] {
        let lines = try String(contentsOf: dir.appendingPathComponent("timeseries.csv"), encoding: .utf8).split(separator: "\n")
        let header = lines[0].split(separator: ",").map(String.init)
        var columns = Dictionary(uniqueKeysWithValues: header.map { ($0, [Double]()) })
        for line in lines.dropFirst() {
            for (name, field) in zip(header, line.split(separator: ",")) { columns[name]!.append(Double(field)!) }
        }
        return columns
    }

    /// The value of `column` serve exposes at simulated time t: the row sampled last at or before t.
    static func value(_ series: [String: [Double]], _ column: String, at t: Double) -> Double {
        let times = series["time_s"]!
        let row = max((times.lastIndex { $0 <= t }) ?? 0, 0)
        return series[column]![row]
    }

    /// Every panel expression of deploy/grafana/factory-twin.json names only metrics serve exports: each identifier of
    /// the expression that is not a PromQL function, keyword, label name or number must be a sample name (or, for the
    /// `ai_inference_latency` histogram this fluid-fidelity scenario does not fill, a declared histogram's
    /// `_bucket/_count/_sum`) in serve's /metrics. Also: the exposition has the OpenMetrics content type and `# EOF`,
    /// /-/healthy is 200, and SIGINT stops serve with exit 0.
    func testDashboardPanelsNameExportedMetrics() throws {
        let (serve, port) = try startServe(speed: "3600", out: try temporaryDirectory())
        let metrics = try HTTPClient.get("http://127.0.0.1:\(port)/metrics")
        XCTAssertEqual(metrics.status, 200)
        XCTAssertEqual(metrics.headers["content-type"], "application/openmetrics-text; version=1.0.0; charset=utf-8")
        XCTAssertTrue(metrics.text.hasSuffix("# EOF\n"))
        XCTAssertEqual(try HTTPClient.get("http://127.0.0.1:\(port)/-/healthy").status, 200)
        var exported = Set(Self.samples(metrics.text).keys.map { String($0.prefix { $0 != "{" }) })
        for line in metrics.text.split(separator: "\n") where line.hasPrefix("# TYPE ") && line.hasSuffix(" histogram") {
            let name = line.split(separator: " ")[2]
            exported.formUnion(["_bucket", "_count", "_sum"].map { name + $0 })
        }
        let data = try Data(contentsOf: ServeProcess.packageRoot.appendingPathComponent("deploy/grafana/factory-twin.json"))
        let dashboard = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let panels = try XCTUnwrap(dashboard["panels"] as? [[String: Any]])
        XCTAssertGreaterThanOrEqual(panels.count, 4)
        let promql: Set<String> = ["sum", "by", "without", "rate", "irate", "increase", "histogram_quantile", "max", "min", "avg",
                                   "le", "cohort", "role", "scenario", "model", "hardware_type", "on", "ignoring", "bool", "offset"]
        var named: Set<String> = []
        for panel in panels {
            let targets = try XCTUnwrap(panel["targets"] as? [[String: Any]], "panel \(panel["title"] ?? "?") has targets")
            XCTAssertFalse(targets.isEmpty)
            for target in targets {
                let expr = try XCTUnwrap(target["expr"] as? String)
                let identifiers = expr.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init)
                    .filter { $0.first?.isLetter == true && !promql.contains($0) }
                XCTAssertFalse(identifiers.isEmpty, "panel \(panel["title"] ?? "?") expression \(expr) names no metric")
                for name in identifiers {
                    XCTAssertTrue(exported.contains(name), "panel \(panel["title"] ?? "?"): \(name) is not exported by serve")
                    named.insert(name)
                }
            }
        }
        for required in ["ai_tokens_per_watt", "ai_inference_latency_bucket", "ai_autonomy_boundary_violations_total",
                         "gpu_temperature_celsius", "gpu_temperature_limit_celsius"] {
            XCTAssertTrue(named.contains(required), "the dashboard has a panel for \(required)")
        }
        XCTAssertEqual(serve.stop(signal: SIGINT), 0, serve.stderr)
        XCTAssertTrue(serve.stderr.contains("serve: stopped after"), serve.stderr)
    }

    /// Bad input exits with the project's codes and a message, serving nothing: an invalid scenario 65 (naming the
    /// file), a malformed --listen or a zero --speed 64 (usage), a port already bound 1 (saying it cannot listen).
    func testBadInputExitCodes() throws {
        let dir = try temporaryDirectory()
        let bad = dir.appendingPathComponent("bad.yaml")
        try "name: bad\nhorizon: forever\n".write(to: bad, atomically: true, encoding: .utf8)
        func run(_ arguments: [String]) throws -> (Int32, String) {
            let p = try ServeProcess(try ServeProcess.factoryTwin(), arguments)
            _ = p.wait(seconds: 60) { !p.process.isRunning }
            return (p.stop(signal: SIGKILL), p.stderr)
        }
        let (invalid, invalidText) = try run(["serve", bad.path, "--listen", "127.0.0.1:0"])
        XCTAssertEqual(invalid, 65, invalidText)
        XCTAssertTrue(invalidText.contains("bad.yaml"), invalidText)
        XCTAssertEqual(try run(["serve", Self.scenario, "--listen", "localhost"]).0, 64)
        XCTAssertEqual(try run(["serve", Self.scenario, "--speed", "0"]).0, 64)
        let taken = try HTTPServer(host: "127.0.0.1", port: 0) { _ in HTTPResponse(status: 200, body: "") }
        let (inUse, inUseText) = try run(["serve", Self.scenario, "--listen", "127.0.0.1:\(taken.port)"])
        XCTAssertEqual(inUse, 1, inUseText)
        XCTAssertTrue(inUseText.contains("cannot listen on 127.0.0.1:\(taken.port)"), inUseText)
    }
}
