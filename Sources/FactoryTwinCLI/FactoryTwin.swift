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
        Simulates a facility described by a YAML scenario file and reports tokens per second, per watt \
        and per dollar with all losses included, GPU temperatures against their limits, PUE/ERE/ERF and \
        availability. See README.md for the scenario format and the figures each command prints.
        """,
        version: FactoryTwinVersion.string,
        subcommands: [
            Bench.self,
            Generate.self,
            Calibrate.self,
        ]
    )
}

/// The version string printed by `--version` and recorded in every result file.
enum FactoryTwinVersion {
    static let string = "0.1.0"
}
