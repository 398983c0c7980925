import ArgumentParser

/// `factory-twin bench …`: performance benchmarks that print one JSON object on stdout.
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure performance; each subcommand prints one JSON object on stdout.",
        subcommands: [BenchEngine.self, BenchKernel.self, BenchTrain.self, BenchFacility.self, BenchReplications.self, BenchExplain.self,
                      BenchShadow.self]
    )
}
