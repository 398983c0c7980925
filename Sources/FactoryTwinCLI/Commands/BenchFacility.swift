import ArgumentParser
import FacilitySim
import Foundation
import Scenario

/// `factory-twin bench facility`: fluid-fidelity speed and request-fidelity batch iterations per wall second, one
/// JSON object on stdout.
///
/// Runs a scenario (default: the reference immersion hall, a year of hourly weather with its
/// throttling controller) at several GPU counts and reports, per count, the wall time, simulated
/// GPU-seconds per wall second and events, plus the process's peak resident memory.
struct BenchFacility: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facility",
        abstract: "Fluid-fidelity speed at several facility sizes and request-fidelity batch iterations per wall second (JSON).",
        discussion: """
        Identical GPUs are simulated as cohorts, so the cost of a run grows with the number of cohorts and \
        events, not with the number of GPUs. Each size is run --repetitions times; the fastest is kept.
        """)

    @Option(help: "Scenario to run (its facility.gpus is overridden).")
    var scenario: String = "Scenarios/reference-immersion.yaml"

    @Option(help: "Comma-separated GPU counts.")
    var gpus: String = "1000,10000,100000"

    @Option(help: "Timed runs per size; the fastest is kept.")
    var repetitions: Int = 3

    @Option(help: "Request-fidelity scenario to time (batch iterations per wall second); 'none' skips it.")
    var requestScenario: String = "Scenarios/request-diurnal-64gpu.yaml"

    @Option(help: "Simulated seconds of the request-fidelity run (the scenario's horizon is overridden).")
    var requestSeconds: Double = 300

    struct Entry: Encodable {
        var gpus: Int
        var simulatedSeconds: Double
        var wallSeconds: Double
        var simulatedGpuSecondsPerWallSecond: Double
        var events: Int
        var pue: Double
    }

    /// Request fidelity: batch iterations (every one an event) simulated per wall second.
    struct RequestEntry: Encodable {
        var scenario: String
        var gpus: Int
        var simulatedSeconds: Double
        var wallSeconds: Double
        var batchIterations: Int
        var batchIterationsPerWallSecond: Double
        /// Process CPU time (user + system) of `run()` (set-up excluded, as for the wall time), s, and iterations per
        /// CPU second: on a shared machine the wall figure falls when other jobs take the core, the CPU figure much less.
        var cpuSeconds: Double
        var batchIterationsPerCpuSecond: Double
        var events: Int
        var requestsArrived: Int
        var tokensPerSecond: Double
    }

    struct Report: Encodable {
        var benchmark = "facility"
        var scenario: String
        var fidelity: String
        var runs: [Entry]
        var request: RequestEntry?
        var peakResidentBytes: Int
        var build: BenchEngine.BuildInfo
    }

    func validate() throws {
        guard repetitions >= 1 else { throw ValidationError("--repetitions must be at least 1, got \(repetitions)") }
        guard requestSeconds >= 1, requestSeconds.isFinite else {
            throw ValidationError("--request-seconds must be at least 1, got \(requestSeconds)")
        }
    }

    func run() throws {
        let counts = try KernelCommandSupport.parseList(gpus, name: "--gpus")
        let base = try ScenarioInput.load(scenario)
        var entries: [Entry] = []
        for count in counts {
            var spec = base
            spec.facility.gpus = count
            var best: RunSummary?
            for _ in 0..<repetitions {
                let summary = try FacilitySimulation(spec: spec).run().summary
                if best == nil || summary.wallSeconds < best!.wallSeconds { best = summary }
            }
            guard let s = best else { continue }
            entries.append(Entry(gpus: count, simulatedSeconds: s.simulatedSeconds, wallSeconds: s.wallSeconds,
                                 simulatedGpuSecondsPerWallSecond: Double(count) * s.simulatedSeconds / max(s.wallSeconds, 1e-9),
                                 events: s.events, pue: s.pue))
            KernelCommandSupport.progress("\(count) GPUs: \(s.wallSeconds) s wall for \(s.simulatedSeconds / 3600) h")
        }
        let request = requestScenario == "none" ? nil : try benchRequest()
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let report = Report(scenario: scenario, fidelity: base.fidelity.rawValue, runs: entries, request: request,
                            peakResidentBytes: Int(usage.ru_maxrss) * 1024, build: .current)
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(report), as: UTF8.self))
    }

    /// Times the request-fidelity scenario over `requestSeconds` (fastest of `repetitions`); the simulation's own set-up
    /// (the saturated rate and activity curve) happens before the timed `run()`.
    func benchRequest() throws -> RequestEntry {
        var spec = try ScenarioInput.load(requestScenario)
        guard spec.fidelity == .request, spec.serving != nil else {
            throw ValidationError("\(requestScenario) is not a request-fidelity scenario with a serving block")
        }
        spec.horizonSeconds = requestSeconds
        spec.samplingIntervalSeconds = min(spec.samplingIntervalSeconds, requestSeconds)
        var best: RequestEntry?
        for _ in 0..<repetitions {
            let sim = try FacilitySimulation(spec: spec)
            let cpuStart = BenchFacility.processCPUSeconds()
            let s = try sim.run().summary
            let cpu = BenchFacility.processCPUSeconds() - cpuStart
            let entry = RequestEntry(scenario: requestScenario, gpus: spec.facility.gpus, simulatedSeconds: s.simulatedSeconds,
                                     wallSeconds: s.wallSeconds, batchIterations: sim.batchIterations,
                                     batchIterationsPerWallSecond: Double(sim.batchIterations) / max(s.wallSeconds, 1e-9),
                                     cpuSeconds: cpu, batchIterationsPerCpuSecond: Double(sim.batchIterations) / max(cpu, 1e-9),
                                     events: s.events, requestsArrived: s.requests?.arrived ?? 0, tokensPerSecond: s.tokensPerSecond ?? 0)
            if best == nil || entry.wallSeconds < best!.wallSeconds { best = entry }
        }
        KernelCommandSupport.progress("request fidelity: \(best!.batchIterations) iterations in \(best!.wallSeconds) s wall")
        return best!
    }

    /// User + system CPU time of this process so far, s (`getrusage`).
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
