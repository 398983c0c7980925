import ArgumentParser
import FacilitySim
import Foundation
import Scenario

/// `factory-twin bench facility`: fluid-fidelity speed, one JSON object on stdout.
///
/// Runs a scenario (default: the reference immersion hall, a year of hourly weather with its
/// throttling controller) at several GPU counts and reports, per count, the wall time, simulated
/// GPU-seconds per wall second and events, plus the process's peak resident memory.
struct BenchFacility: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facility",
        abstract: "Fluid-fidelity speed: simulated GPU-seconds per wall second at several facility sizes (JSON).",
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

    struct Entry: Encodable {
        var gpus: Int
        var simulatedSeconds: Double
        var wallSeconds: Double
        var simulatedGpuSecondsPerWallSecond: Double
        var events: Int
        var pue: Double
    }

    struct Report: Encodable {
        var benchmark = "facility"
        var scenario: String
        var fidelity: String
        var runs: [Entry]
        var peakResidentBytes: Int
        var build: BenchEngine.BuildInfo
    }

    func validate() throws {
        guard repetitions >= 1 else { throw ValidationError("--repetitions must be at least 1, got \(repetitions)") }
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
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let report = Report(scenario: scenario, fidelity: base.fidelity.rawValue, runs: entries,
                            peakResidentBytes: Int(usage.ru_maxrss) * 1024, build: .current)
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(report), as: UTF8.self))
    }
}
