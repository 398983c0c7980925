import ArgumentParser
import FacilitySim
import Foundation
import Scenario
import Studies

/// `factory-twin bench replications`: replications on 1 thread versus several, one JSON object on stdout.
///
/// Runs the same N replications at each thread count (best wall time of --repetitions), reports replications per
/// wall second, the speed-up over the first thread count, and a digest of every result file (summary without its
/// wall time, and time series), which must be equal at every thread count. `cores_used` (CPU time / wall time)
/// shows whether the threads really ran at once: on a machine shared with other work the speed-up is capped by it.
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
        /// Process CPU time (user + system) of the fastest run, s, and CPU time / wall time: how many cores the run
        /// actually got (below the thread count when other processes share the machine).
        var cpuSeconds: Double
        var coresUsed: Double
        var digest: String
    }

    /// User + system CPU time of this process so far, s.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
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
            var best = Double.infinity, bestCPU = 0.0
            var digest = ""
            for _ in 0..<repetitions {
                let start = DispatchTime.now().uptimeNanoseconds, cpuStart = BenchReplications.cpuSeconds()
                let results = try ReplicationRunner(threads: count).run(spec, replications: replications)
                let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                if wall < best { (best, bestCPU) = (wall, BenchReplications.cpuSeconds() - cpuStart) }
                digest = try ResultDigest.of(results)
            }
            let baseline = entries.first?.wallSeconds ?? best
            entries.append(Entry(threads: count, wallSeconds: best, replicationsPerSecond: Double(replications) / best,
                                 speedup: baseline / best, cpuSeconds: bestCPU, coresUsed: bestCPU / best, digest: digest))
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
