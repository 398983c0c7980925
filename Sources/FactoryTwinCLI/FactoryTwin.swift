import ArgumentParser

/// The `factory-twin` command: the root that lists every subcommand.
///
/// Each subcommand lives in its own file under `Commands/`; register it in `subcommands` below.
@main
struct FactoryTwin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "factory-twin",
        abstract: "A digital twin of an AI factory: GPUs, liquid cooling, power chain, LLM serving and operations.",
        discussion: """
        Simulates a facility described by a YAML scenario file (GPUs in immersion tanks, on cold plates \
        or in air, the cooling plant, heat recovery and the power chain, under real weather) and reports \
        energy by subsystem, PUE/pPUE/ERE/ERF/WUE, and GPU temperatures against their limit. \
        See README.md for the scenario format and the figures each command prints.
        """,
        version: FactoryTwinVersion.string,
        subcommands: [
            Run.self,
            Validate.self,
            Sweep.self,
            Merge.self,
            Plan.self,
            Bench.self,
            Generate.self,
            Calibrate.self,
            Replay.self,
            Explain.self,
            Report.self,
            Check.self,
            Serve.self,
            ShadowCommand.self,
            SynthesizeTelemetry.self,
        ]
    )
}

/// The version string printed by `--version` and recorded in every result file.
enum FactoryTwinVersion {
    static let string = "0.1.0"
}
