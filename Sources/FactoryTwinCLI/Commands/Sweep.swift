import ArgumentParser
import FacilitySim
import Foundation
import Scenario
import Studies

/// `factory-twin sweep SCENARIO.yaml --set path=v1,v2,… [--set …]`: runs the Cartesian product of values.
struct Sweep: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a scenario over the Cartesian product of field values; write sweep.csv and sweep.json.",
        discussion: """
        Axes come from the scenario's `sweep:` block and from --set PATH=V1,V2,… (a --set replaces the block's \
        axis of the same path); the first axis varies slowest. Every point runs replications 0..<N with the \
        scenario's seed (common random numbers). Each point's result is written to DIR/points/ as soon as it is \
        done (temp file + rename); points already there are skipped, so an interrupted sweep resumes. \
        With --shard K/N (K from 0; or SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT, or JOB_COMPLETION_INDEX with \
        --shards N or FACTORY_TWIN_SHARDS) only points i with i mod N = K run; `factory-twin merge` then joins \
        the shards' directories into the sweep.csv/sweep.json one process would have written, byte for byte.
        """)

    @Argument(help: "Scenario YAML file.")
    var scenario: String

    @Option(name: .customLong("set"), help: ArgumentHelp("A swept field and its values, e.g. --set facility.gpus=512,1024 (repeatable).",
                                                          valueName: "path=v1,v2,…"))
    var axes: [String] = []

    @Option(help: "Replications per point.")
    var replications: Int = 1

    @Option(help: "Threads (default: every core).")
    var threads: Int?

    @Option(help: "Output directory (default: Reports/<scenario name>-sweep).")
    var out: String?

    @Option(help: ArgumentHelp("Run only shard K of N (K counted from 0).", valueName: "K/N"))
    var shard: String?

    @Option(help: "Number of shards, for JOB_COMPLETION_INDEX (Kubernetes Indexed Jobs).")
    var shards: Int?

    @Flag(help: "Do not print progress on stderr.")
    var quiet = false

    func validate() throws {
        guard replications >= 1 else { throw ValidationError("--replications must be at least 1, got \(replications)") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
    }

    func run() throws {
        let base = try ScenarioInput.load(scenario)
        do {
            var sweepAxes = base.sweepAxes.map { SweepAxis(path: $0.path, values: $0.values) }
            for argument in axes {
                let axis = try SweepAxis(argument: argument)
                if let i = sweepAxes.firstIndex(where: { $0.path == axis.path }) { sweepAxes[i] = axis } else { sweepAxes.append(axis) }
            }
            let text = try Data(contentsOf: URL(fileURLWithPath: scenario))
            let plan = try SweepPlan(axes: sweepAxes, replications: replications, scenarioText: text)
            let selection = try ShardSelection.resolve(argument: shard, shards: shards, environment: ProcessInfo.processInfo.environment)
            let directory = URL(fileURLWithPath: out ?? "Reports/\(base.name)-sweep")
            let runner = SweepRunner(scenarioPath: scenario, plan: plan, directory: directory,
                                     threads: threads ?? ParallelRunner.availableCores, shard: selection)
            let bar = SweepProgressBar(label: base.name, axes: plan.axes.map(\.path))
            let start = DispatchTime.now().uptimeNanoseconds, cpuStart = BenchReplications.cpuSeconds()
            let ran = try runner.run(progress: quiet ? nil : bar.update)
            let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, cpu = BenchReplications.cpuSeconds() - cpuStart
            let timing = String(format: "%.2f s wall, %.2f s CPU on %d threads (%.2f cores busy)",
                                wall, cpu, runner.threads, cpu / max(wall, 1e-9))
            if selection.count == 1 {
                try SweepTable(directories: [directory]).write(to: directory)
                print("\(base.name): \(plan.pointCount) points × \(replications) replications (\(ran) run now, \(timing)) → "
                      + "\(directory.appendingPathComponent("sweep.csv").path), sweep.json")
            } else {
                print("\(base.name): shard \(selection) of \(plan.pointCount) points done (\(ran) run now, \(timing)) → \(runner.pointsDirectory.path); "
                      + "join the shards with: factory-twin merge DIR… --out DIR")
            }
        } catch let error as ScenarioError {
            ScenarioInput.report(error)
            throw ScenarioInput.dataError
        } catch let error as StudyError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
