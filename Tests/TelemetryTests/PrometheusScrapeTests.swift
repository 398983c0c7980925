import Foundation
@testable import Telemetry
import XCTest

/// Acceptance (issue 14): a real Prometheus server (Debian's `prometheus`, installed by `make test`) scrapes
/// `factory-twin serve` every second for at least 10 s on loopback, with its own config and data directory on free
/// ports; what it stored is read back through /api/v1/query and `PrometheusClient.queryRange` and compared with what
/// serve exported and with the twin's own figures (summary.json and timeseries.csv of the same run, `serve --out`).
final class PrometheusScrapeTests: XCTestCase {
    /// Expected values: `ai_tokens_per_watt` is the run's `tokens_per_joule_facility` (2.149… tokens/J for this
    /// scenario, a constant over the horizon); `gpu_temperature_celsius{cohort="liquid_immersion"}` at a scrape equals
    /// the time-series column `liquid_immersion_gpu_c` at the row sampled last at or before the simulated time
    /// `twin_simulated_time_seconds` of the same scrape (both samples of one scrape share its timestamp). Tolerance:
    /// none — serve writes shortest round-trip decimals, Prometheus stores float64 and its API prints them with
    /// `strconv.FormatFloat(v, 'f', -1, 64)`, so each value arrives as the exact double the twin computed.
    /// At --speed 3600 (one simulated hour per second, 12 five-minute samples per second) and a 1 s scrape interval,
    /// ≥ 10 s of scraping gives ≥ 10 scrapes, each at a different simulated instant.
    func testPrometheusScrapesServeAndReadsBackTheTwinsFigures() throws {
        let prometheusBinary = try ServeProcess.prometheus()
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ft-prom-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("run")
        // Both start at once on free ports (Prometheus's first scrapes fail until serve has computed its run).
        let servePort = try HTTPServerTests.freePort(), promPort = try HTTPServerTests.freePort()
        let serve = try ServeProcess(try ServeProcess.factoryTwin(), ["serve", ServeScrapeTests.scenario, "--listen", "127.0.0.1:\(servePort)",
                                                                      "--speed", "3600", "--out", out.path, "--quiet"])
        defer { serve.stop(signal: SIGKILL) }
        let config = root.appendingPathComponent("prometheus.yml")
        try """
        global:
          scrape_interval: 1s
          evaluation_interval: 1s
        scrape_configs:
          - job_name: factory-twin
            static_configs:
              - targets: ["127.0.0.1:\(servePort)"]
        """.write(to: config, atomically: true, encoding: .utf8)
        let prometheus = try ServeProcess(prometheusBinary, ["--config.file=\(config.path)", "--storage.tsdb.path=\(root.appendingPathComponent("data").path)",
                                                             "--web.listen-address=127.0.0.1:\(promPort)", "--log.level=warn"])
        defer { prometheus.stop() }
        guard serve.wait(seconds: 120, until: { serve.servePort == servePort }) else {
            return XCTFail("serve printed no listening address: \(serve.stderr)")
        }
        let base = "http://127.0.0.1:\(promPort)"
        let ready = prometheus.wait(seconds: 30) { (try? HTTPClient.get(base + "/-/ready", timeoutSeconds: 1))?.status == 200 }
        XCTAssertTrue(ready, "prometheus did not become ready: \(prometheus.stderr)")
        guard ready else { return }
        let scrapingSince = Date().addingTimeInterval(-60)
        // Let it scrape until it holds 11 samples at 1 s intervals (≥ 10 s of scraping; at most 40 s).
        func stored() -> Double {
            let q = try? PrometheusClient.query(baseURL: base, query: "count_over_time(twin_simulated_time_seconds[1m])", name: "n")
            return q?.values.first?.first ?? 0
        }
        XCTAssertTrue(prometheus.wait(seconds: 40) { stored() >= 11 }, "scrapes stored: \(stored()); prometheus: \(prometheus.stderr)")
        let now = Date().timeIntervalSince1970
        let firstScrape = try PrometheusClient.query(baseURL: base, query: "min_over_time(timestamp(twin_simulated_time_seconds)[1m:1s])", time: now, name: "t0")
        XCTAssertGreaterThanOrEqual(now - firstScrape.values[0][0], 10, "Prometheus scraped serve for at least 10 s")

        // Instant queries at one evaluation time: the latest scrape's values.
        let summary = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json"))) as? [String: Any])
        let twinTokensPerWatt = try XCTUnwrap(summary["tokens_per_joule_facility"] as? Double)
        let series = try ServeScrapeTests.timeSeries(out)
        let tokens = try PrometheusClient.query(baseURL: base, query: "ai_tokens_per_watt", time: now, name: "ai_tokens_per_watt")
        XCTAssertEqual(tokens.values[0][0], twinTokensPerWatt, "ai_tokens_per_watt read back = the twin's tokens_per_joule_facility")
        let gpu = #"gpu_temperature_celsius{cohort="liquid_immersion"}"#
        let temperature = try PrometheusClient.query(baseURL: base, query: gpu, time: now, name: "gpu")
        let simulated = try PrometheusClient.query(baseURL: base, query: "twin_simulated_time_seconds", time: now, name: "t")
        let t = simulated.values[0][0]
        XCTAssertGreaterThan(t, 0)
        XCTAssertEqual(temperature.values[0][0], ServeScrapeTests.value(series, "liquid_immersion_gpu_c", at: t),
                       "GPU temperature read back at simulated t = \(t) s = the twin's time series")

        // What serve exports right now carries the same tokens-per-watt figure, and a GPU temperature of its series.
        let live = ServeScrapeTests.samples(try HTTPClient.get("http://127.0.0.1:\(servePort)/metrics").text)
        XCTAssertEqual(live.first { $0.key.hasPrefix("ai_tokens_per_watt{") }?.value, tokens.values[0][0])
        let liveT = try XCTUnwrap(live.first { $0.key.hasPrefix("twin_simulated_time_seconds") }?.value)
        XCTAssertEqual(live.first { $0.key.hasPrefix("gpu_temperature_celsius{") && $0.key.contains("liquid_immersion") }?.value,
                       ServeScrapeTests.value(series, "liquid_immersion_gpu_c", at: liveT))

        // queryRange over the scraped window, step 1 s: every row's temperature is the twin's at that row's simulated time.
        let start = scrapingSince.timeIntervalSince1970.rounded(.up), end = now.rounded(.down)
        let range = try PrometheusClient.queryRange(baseURL: base, queries: [(name: "gpu", query: gpu), (name: "t", query: "twin_simulated_time_seconds")],
                                                    start: start, end: end, step: 1)
        XCTAssertGreaterThanOrEqual(range.timestamps.count, 10)
        var distinct = Set<Double>()
        for (row, values) in range.values.enumerated() {
            distinct.insert(values[1])
            XCTAssertEqual(values[0], ServeScrapeTests.value(series, "liquid_immersion_gpu_c", at: values[1]),
                           "query_range row \(row) at simulated t = \(values[1]) s")
        }
        XCTAssertGreaterThanOrEqual(distinct.count, 9, "the scrapes saw the simulated clock advance")
        try assertShadowReadsPrometheusLikeCSV(base: base, start: start, end: end, root: root)
        XCTAssertEqual(serve.stop(signal: SIGTERM), 0, "serve stops on SIGTERM with exit 0: \(serve.stderr)")
    }
}
