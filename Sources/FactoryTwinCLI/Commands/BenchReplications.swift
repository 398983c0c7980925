import ArgumentParser
import FacilitySim
import Foundation
import Scenario
import Studies

/// `factory-twin bench replications`: replications on 1 thread versus several, one JSON object on stdout.
///
/// Runs the same N replications at each thread count (best wall time of --repetitions), reports replications per
/// wall second, the speed-up over the first thread count, and a digest of every result file (summary without its
/// wall time, and time series), which must be equal at every thread count.
struct BenchReplications: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replications",
        abstract: "Replications on 1 vs several threads: speed-up and a digest showing identical results (JSON).")

    @Option(help: "Scenario to run.")
    var scenario: String = "Scenarios/reference-immersion.yaml"

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a field (repeatable).", valueName: "path=value"))
    var overrides: [String] = []

    @Option(help: "Replications per measurement.")
    var replications: Int = 64

    @Option(help: "Comma-separated thread counts; the first is the baseline of the speed-up.")
    var threads: String = "1,2"

    @Option(help: "Timed runs per thread count; the fastest is kept.")
    var repetitions: Int = 3

    struct Entry: Encodable {
        var threads: Int
        var wallSeconds: Double
        var replicationsPerSecond: Double
        var speedup: Double
        var digest: String
    }

    struct Report: Encodable {
        var benchmark = "replications"
        var scenario: String
        var replications: Int
        var horizonSeconds: Double
        var cores: Int
        var runs: [Entry]
        var identicalResults: Bool
        var build: BenchEngine.BuildInfo
    }

    func validate() throws {
        guard replications >= 1 else { throw ValidationError("--replications must be at least 1, got \(replications)") }
        guard repetitions >= 1 else { throw ValidationError("--repetitions must be at least 1, got \(repetitions)") }
    }

    func run() throws {
        let counts = try KernelCommandSupport.parseList(threads, name: "--threads")
        guard counts.allSatisfy({ $0 >= 1 }) else { throw ValidationError("--threads: every count must be at least 1") }
        let spec = try ScenarioInput.load(scenario, overrides: ScenarioInput.overrides(overrides))
        var entries: [Entry] = []
        for count in counts {
            var best = Double.infinity
            var digest = ""
            for _ in 0..<repetitions {
                let start = DispatchTime.now().uptimeNanoseconds
                let results = try ReplicationRunner(threads: count).run(spec, replications: replications)
                best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                digest = try ResultDigest.of(results)
            }
            let baseline = entries.first?.wallSeconds ?? best
            entries.append(Entry(threads: count, wallSeconds: best, replicationsPerSecond: Double(replications) / best,
                                 speedup: baseline / best, digest: digest))
            KernelCommandSupport.progress("\(count) thread(s): \(best) s for \(replications) replications")
        }
        let report = Report(scenario: scenario, replications: replications, horizonSeconds: spec.horizonSeconds,
                            cores: ParallelRunner.availableCores, runs: entries,
                            identicalResults: Set(entries.map(\.digest)).count == 1, build: .current)
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(report), as: UTF8.self))
    }
}
