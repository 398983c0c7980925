import ArgumentParser
import Dispatch
import FacilitySim
import Foundation
import Reporting
import Scenario
import Telemetry

/// `factory-twin serve SCENARIO [--listen 127.0.0.1:9464] [--speed X]`: the twin as a Prometheus scrape target.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a scenario in accelerated time and serve its live state at /metrics for Prometheus to scrape.",
        discussion: """
        Point Prometheus (or Grafana through Prometheus) at the twin as if it were your hall: \
        http://HOST:PORT/metrics answers in OpenMetrics text with GPU temperature per tank or cold-plate loop \
        cohort, coolant (tank fluid / loop) temperature, facility-water supply and return temperature and flow, IT \
        and facility power, cooling, chiller and pump power, PUE, DVFS clock, GPUs in service and the share of each \
        kind of cooling unit running, and the document's ai_tokens_per_watt, ai_inference_latency and \
        ai_autonomy_boundary_violations. GET /-/healthy answers 200 while the twin runs (both answer 503 while the run \
        is being computed). --listen 0.0.0.0:9464 lets a Prometheus on another host scrape it.

        Time: simulated time = --speed × wall time since serving began (--speed 60: one simulated minute per \
        second), held at the scenario's horizon once reached. Simplification: the run is deterministic, so it is \
        computed in full before serving starts and each scrape shows the sample taken last at or before the \
        current simulated instant (the scenario's sampling_interval sets how often values change); \
        ai_tokens_per_watt and ai_inference_latency are whole-horizon figures. deploy/prometheus/prometheus.yml \
        scrapes 127.0.0.1:9464; deploy/grafana/factory-twin.json is a dashboard for it.

        Stops cleanly on Ctrl-C (SIGINT) or SIGTERM with exit 0. Exit 65 for an invalid scenario, 1 when the \
        address cannot be bound (in use, not local) or the run fails.
        """
    )

    @Argument(help: "Scenario YAML file.")
    var scenario: String

    @Option(help: ArgumentHelp("Address to listen on, IPv4 host:port (port 0: any free port, printed on stderr).", valueName: "host:port"))
    var listen = "127.0.0.1:9464"

    @Option(help: "Simulated seconds per wall-clock second (60: a simulated hour takes a minute).")
    var speed = 60.0

    @Option(help: "Override the scenario's seed.")
    var seed: UInt64?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a field before validation, e.g. --set facility.gpus=2048 (repeatable).",
                                                          valueName: "path=value"))
    var overrides: [String] = []

    @Option(help: "Also write the run's files (summary.json, timeseries.csv, reports) into DIR, as `run --out DIR` does.")
    var out: String?

    @Flag(help: "Do not print progress on stderr (the listening address is still printed).")
    var quiet = false

    func validate() throws {
        guard speed.isFinite, speed > 0 else { throw ValidationError("--speed must be a positive number of simulated seconds per second, got \(speed)") }
        _ = try Self.endpoint(listen)
    }

    /// `host:port` → (host, port).
    static func endpoint(_ text: String) throws -> (host: String, port: UInt16) {
        guard let colon = text.lastIndex(of: ":"), let port = UInt16(text[text.index(after: colon)...]), colon != text.startIndex else {
            throw ValidationError("--listen must be IPv4 host:port such as 127.0.0.1:9464, got \(text)")
        }
        return (String(text[..<colon]), port)
    }

    func run() throws {
        var spec = try ScenarioInput.load(scenario, overrides: ScenarioInput.overrides(overrides))
        if let seed { spec.seed = seed }
        let (host, port) = try Self.endpoint(listen)
        // Signals first: Ctrl-C while the run is being computed ends at once (nothing has been written yet).
        signal(SIGPIPE, SIG_IGN)
        let stop = DispatchSemaphore(value: 0)
        let serving = ServeFlag()
        let signals = [SIGINT, SIGTERM].map { number -> DispatchSourceSignal in
            signal(number, SIG_IGN)   // the dispatch source, not the default action, handles it
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                guard serving.isSet else {
                    FileHandle.standardError.write(Data("\nserve: interrupted while computing the run; nothing served or written\n".utf8))
                    Foundation.exit(0)
                }
                stop.signal()
            }
            source.resume()
            return source
        }
        // Bind before computing: a port in use fails at once, and scrapes meanwhile get 503 (computing).
        let box = ServeState()
        let server: HTTPServer
        do {
            server = try HTTPServer(host: host, port: port) { request in Self.respond(request, box) }
        } catch {
            FileHandle.standardError.write(Data("error: cannot listen on \(listen): \(error)\n".utf8))
            throw ExitCode.failure
        }
        server.start()
        FileHandle.standardError.write(Data("serve: listening at http://\(host):\(server.port)/metrics (503 until the run is computed)\n".utf8))
        let result: RunResult
        do {
            result = try FacilitySimulation(spec: spec).run(progress: quiet ? nil : ProgressLine(label: "\(spec.name): computing the run").update)
        } catch {
            FileHandle.standardError.write(Data("error: simulation of \(scenario) failed: \(error)\n".utf8))
            throw ExitCode.failure
        }
        serving.set()
        if let out { try ResultWriter.write(result, to: URL(fileURLWithPath: out)) }
        let exposition = LiveExposition(result: result)
        box.publish(exposition, clock: ServeClock(speed: speed, horizonSeconds: exposition.horizonSeconds))
        let clock = box.clock!
        clock.start()
        let horizonWall = exposition.horizonSeconds / speed
        FileHandle.standardError.write(Data(String(format: "serve: %@ at http://%@:%d/metrics (speed %g×: horizon %.1f h reached after %.0f s wall); Ctrl-C stops\n",
                                                   spec.name, host, Int(server.port), speed, exposition.horizonSeconds / 3600, horizonWall).utf8))
        let progress = ServeProgress(label: spec.name, enabled: !quiet)
        while stop.wait(timeout: .now() + 1) == .timedOut {
            progress.update(simulatedSeconds: clock.simulatedSeconds, horizonSeconds: exposition.horizonSeconds, requests: server.requestsServed)
        }
        server.stop()
        signals.forEach { $0.cancel() }
        progress.finish()
        FileHandle.standardError.write(Data("serve: stopped after \(server.requestsServed) requests at simulated t = \(String(format: "%.0f", clock.simulatedSeconds)) s\n".utf8))
    }

    /// The routes: `/metrics`, `/-/healthy`, `/` (a pointer to both), 404 otherwise; 503 on the first two while the
    /// run is being computed.
    static func respond(_ request: HTTPRequest, _ state: ServeState) -> HTTPResponse {
        guard let (exposition, clock) = state.current else {
            return request.path == "/metrics" || request.path == "/-/healthy"
                ? HTTPResponse(status: 503, headers: [("Retry-After", "5")], body: "FactoryTwin serve is computing its run; try again shortly.\n")
                : HTTPResponse(status: 404, body: "not found: \(request.path) (try /metrics)\n")
        }
        switch request.path {
        case "/metrics":
            return HTTPResponse(status: 200, contentType: OpenMetricsDocument.contentType,
                                body: exposition.render(atSimulatedSeconds: clock.simulatedSeconds))
        case "/-/healthy":
            return HTTPResponse(status: 200, body: "FactoryTwin serve is healthy.\n")
        case "/":
            return HTTPResponse(status: 200, body: "FactoryTwin serve: \(exposition.result.summary.scenario). Metrics at /metrics, health at /-/healthy.\n")
        default:
            return HTTPResponse(status: 404, body: "not found: \(request.path) (try /metrics)\n")
        }
    }
}
