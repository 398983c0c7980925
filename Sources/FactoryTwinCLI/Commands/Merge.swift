import ArgumentParser
import Foundation
import Studies

/// `factory-twin merge DIR… --out DIR`: joins the point files of sweep shards into sweep.csv and sweep.json.
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Join sweep shards' results (DIR/points/) into sweep.csv and sweep.json.",
        discussion: """
        The output is byte for byte what one unsharded `factory-twin sweep` writes. Fails (listing the first \
        missing points) when a point has no result in any directory, and refuses files of different sweeps.
        """)

    @Argument(help: "Shard output directories (each with a points/ folder).")
    var directories: [String]

    @Option(help: "Where to write sweep.csv and sweep.json.")
    var out: String

    func run() throws {
        do {
            let table = try SweepTable(directories: directories.map { URL(fileURLWithPath: $0) })
            let destination = URL(fileURLWithPath: out)
            try table.write(to: destination)
            print("merged \(table.points.count) points → \(destination.appendingPathComponent("sweep.csv").path), sweep.json")
        } catch let error as StudyError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
