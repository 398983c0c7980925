import ArgumentParser
import FacilitySim
import Foundation
import Operations

/// `factory-twin bench explain`: how long `explain` takes on a large trail, one JSON object on stdout.
///
/// The trail is `--trail FILE`, or the trail of a run of `--scenario` (default: the pump-failure heatwave stretched to
/// 2,400 h, about 100,000 lines). Timed (best of --repetitions): reading the file, verifying the hash chain and
/// indexing every line (`AuditTrailIndex`), then explaining the worst incident (`CausalExplanation`) and rendering it.
struct BenchExplain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Time explain on a large audit trail (verify, index, explain the worst incident; JSON).")

    @Option(help: "An audit trail to explain (default: the trail of a run of --scenario).")
    var trail: String?

    @Option(help: "Scenario whose run writes the trail when --trail is not given.")
    var scenario: String = "Scenarios/pump-failure-heatwave.yaml"

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a field of --scenario (repeatable).", valueName: "path=value"))
    var overrides: [String] = ["horizon=2400h"]

    @Option(help: "Timed repetitions; the fastest is kept.")
    var repetitions: Int = 3

    struct Report: Encodable {
        var benchmark = "explain"
        var trail: String
        var lines: Int
        var bytes: Int
        var incidents: Int
        var explainedLine: Int
        var chainLinks: Int
        /// Size of the rendered text explanation, bytes.
        var renderedBytes: Int
        var readSeconds: Double
        var verifyAndIndexSeconds: Double
        var explainSeconds: Double
        var totalSeconds: Double
        /// Process CPU time (user + system) of the same steps, s: on a machine shared with other work the wall time
        /// includes waiting for a core, the CPU time does not.
        var totalCpuSeconds: Double
        var build: BenchEngine.BuildInfo
    }

    func validate() throws {
        guard repetitions >= 1 else { throw ValidationError("--repetitions must be at least 1, got \(repetitions)") }
    }

    func run() throws {
        var path = trail ?? ""
        if trail == nil {
            let spec = try ScenarioInput.load(scenario, overrides: ScenarioInput.overrides(overrides))
            let result = try FacilitySimulation(spec: spec).run()
            path = FileManager.default.temporaryDirectory.appendingPathComponent("ft-bench-explain-\(getpid()).jsonl").path
            try Data(result.auditTrail.text.utf8).write(to: URL(fileURLWithPath: path))
            KernelCommandSupport.progress("\(spec.name) (\(overrides.joined(separator: " "))): \(result.auditTrail.lines.count) lines → \(path)")
        }
        defer { if trail == nil { try? FileManager.default.removeItem(atPath: path) } }
        var best: Report?
        for _ in 0..<repetitions {
            let t0 = DispatchTime.now().uptimeNanoseconds, cpu0 = BenchReplications.cpuSeconds()
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let t1 = DispatchTime.now().uptimeNanoseconds
            let index = try AuditTrailIndex(text: text)
            let t2 = DispatchTime.now().uptimeNanoseconds
            let line = index.worstIncident?.line ?? index.entries.count
            guard let explanation = CausalExplanation(trail: index, line: line) else { throw ValidationError("no line \(line)") }
            let rendered = explanation.text(trailPath: path)
            let t3 = DispatchTime.now().uptimeNanoseconds, cpu = BenchReplications.cpuSeconds() - cpu0
            let s = { (a: UInt64, b: UInt64) in Double(b - a) / 1e9 }
            let r = Report(trail: trail ?? scenario, lines: index.entries.count, bytes: text.utf8.count,
                           incidents: index.incidentLines.count, explainedLine: line, chainLinks: explanation.chain.count,
                           renderedBytes: rendered.utf8.count,
                           readSeconds: s(t0, t1), verifyAndIndexSeconds: s(t1, t2), explainSeconds: s(t2, t3), totalSeconds: s(t0, t3),
                           totalCpuSeconds: cpu, build: .current)
            if best == nil || r.totalSeconds < best!.totalSeconds { best = r }
        }
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(best!), as: UTF8.self))
    }
}
