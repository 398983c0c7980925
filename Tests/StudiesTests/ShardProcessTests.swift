import Foundation
import XCTest

/// Sweeps run by the built `factory-twin` binary in separate processes, as a cluster would run them.
final class ShardProcessTests: XCTestCase {
    /// The `factory-twin` executable beside this test bundle (`swift build --build-tests` builds both).
    static func executable() throws -> URL {
        let candidates = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
                          Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
                          StudyFixtures.packageRoot.appendingPathComponent(".build/debug")]
            .map { $0.appendingPathComponent("factory-twin") }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw MissingExecutable(looked: candidates.map(\.path))
        }
        return found
    }

    /// The test fails (it does not skip) when the binary is missing: `swift build --build-tests` builds it.
    struct MissingExecutable: Error, CustomStringConvertible {
        var looked: [String]
        var description: String { "factory-twin is not built beside the tests (run `swift build --build-tests`); looked in \(looked)" }
    }

    /// Starts `factory-twin arguments…` with stdout and stderr discarded.
    func launch(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = try Self.executable()
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    func runToEnd(_ arguments: [String]) throws {
        let process = try launch(arguments)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "factory-twin \(arguments.joined(separator: " "))")
    }

    func pointFiles(_ directory: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("points").path)) ?? [])
            .filter { $0.hasPrefix("point-") }
    }

    /// `run --replications 3` on 1 and on 2 threads writes the same files: intervals.json and every replication's
    /// timeseries.csv byte for byte, summary.json (aggregate and per replication) equal but for `wall_seconds`; the
    /// aggregate says `"replications" : 3`.
    func testRunReplicationsCommandIsThreadIndependent() throws {
        let root = try StudyFixtures.temporaryDirectory(self)
        let scenario = try StudyFixtures.writeScenario(in: root)
        let outputs = ["1", "2"].map { root.appendingPathComponent("threads\($0)") }
        for (threads, out) in zip(["1", "2"], outputs) {
            try runToEnd(["run", scenario, "--replications", "3", "--threads", threads, "--quiet", "--out", out.path])
        }
        func withoutWall(_ url: URL) throws -> String {
            try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.contains("\"wall_seconds\"") }.joined(separator: "\n")
        }
        let summaries = ["summary.json"] + (0..<3).map { "replications/replication-00\($0)/summary.json" }
        for name in summaries {
            XCTAssertEqual(try withoutWall(outputs[0].appendingPathComponent(name)), try withoutWall(outputs[1].appendingPathComponent(name)), name)
        }
        let exact = ["intervals.json"] + (0..<3).map { "replications/replication-00\($0)/timeseries.csv" }
        for name in exact {
            XCTAssertEqual(try Data(contentsOf: outputs[0].appendingPathComponent(name)), try Data(contentsOf: outputs[1].appendingPathComponent(name)), name)
        }
        XCTAssertTrue(try withoutWall(outputs[0].appendingPathComponent("summary.json")).contains("\"replications\" : 3"))
    }

    /// A 5 × 3 sweep (2 replications) as 3 shards of 5 points in separate processes: shard 1 is killed (SIGKILL)
    /// after its first point file appears and before its last, then re-run — it skips the points it had finished —
    /// and `merge` of the three directories gives sweep.csv and sweep.json identical, byte for byte, to one
    /// unsharded process on 2 threads.
    func testKilledShardResumesAndMergeMatchesUnshardedSweep() throws {
        let root = try StudyFixtures.temporaryDirectory(self)
        let scenario = root.appendingPathComponent("shard.yaml")
        // 4,000 h of a 64-GPU hall, daily samples: a tenth of a second or so per run in a debug build.
        let text = StudyFixtures.text.replacingOccurrences(of: "horizon: 24h", with: "horizon: 4000h")
            .replacingOccurrences(of: "sampling_interval: 1h", with: "sampling_interval: 24h")
        try Data((text + "\nsweep:\n  heat_rejection.supply_setpoint: [28°C, 31°C, 34°C]\n").utf8).write(to: scenario)
        let common = [scenario.path, "--set", "facility.gpus=32,48,64,80,96", "--replications", "2", "--quiet"]

        let whole = root.appendingPathComponent("whole")
        try runToEnd(["sweep"] + common + ["--threads", "2", "--out", whole.path])
        XCTAssertEqual(pointFiles(whole).count, 15)

        let shards = (0..<3).map { root.appendingPathComponent("shard\($0)") }
        let others = try [0, 2].map { try launch(["sweep"] + common + ["--threads", "1", "--shard", "\($0)/3", "--out", shards[$0].path]) }
        let victim = try launch(["sweep"] + common + ["--threads", "1", "--shard", "1/3", "--out", shards[1].path])
        let deadline = Date().addingTimeInterval(120)
        while pointFiles(shards[1]).isEmpty, victim.isRunning, Date() < deadline { usleep(2_000) }
        kill(victim.processIdentifier, SIGKILL)
        victim.waitUntilExit()
        let finishedBeforeKill = pointFiles(shards[1]).count
        XCTAssertEqual(victim.terminationReason, .uncaughtSignal, "the shard ended before it was killed")
        XCTAssertGreaterThanOrEqual(finishedBeforeKill, 1)
        XCTAssertLessThan(finishedBeforeKill, 5, "the shard finished before it was killed")

        try runToEnd(["sweep"] + common + ["--threads", "1", "--shard", "1/3", "--out", shards[1].path])
        XCTAssertEqual(pointFiles(shards[1]).count, 5)
        for process in others {
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0)
        }
        let merged = root.appendingPathComponent("merged")
        try runToEnd(["merge"] + shards.map(\.path) + ["--out", merged.path])
        for name in ["sweep.csv", "sweep.json"] {
            let expected = try Data(contentsOf: whole.appendingPathComponent(name))
            XCTAssertEqual(try Data(contentsOf: merged.appendingPathComponent(name)), expected, name)
            XCTAssertGreaterThan(expected.count, 100)
        }
    }
}
