import Foundation
import XCTest
import FacilitySim
import Scenario
@testable import Studies

final class SweepTests: XCTestCase {
    /// `path=v1,v2,…` splits at top-level commas only; a bracketed list is one value.
    func testAxisParsing() throws {
        XCTAssertEqual(try SweepAxis(argument: "facility.gpus=512, 1024,2048"), SweepAxis(path: "facility.gpus", values: ["512", "1024", "2048"]))
        XCTAssertEqual(try SweepAxis(argument: "x.y=[1,2],[3,4]").values, ["[1,2]", "[3,4]"])
        XCTAssertEqual(try SweepAxis(argument: "x.y='a,b',c").values, ["'a,b'", "c"])
        XCTAssertThrowsError(try SweepAxis(argument: "facility.gpus"))
        XCTAssertThrowsError(try SweepAxis(argument: "facility.gpus=1,,2"))
    }

    /// 2 × 3 axes give 6 points, the first axis slowest: point 4 = (b, 2) since 4 = 1·3 + 1.
    func testPlanOrderAndFingerprint() throws {
        let axes = [SweepAxis(path: "a", values: ["a", "b"]), SweepAxis(path: "n", values: ["1", "2", "3"])]
        let plan = try SweepPlan(axes: axes, replications: 2, scenarioText: Data("x".utf8))
        XCTAssertEqual(plan.pointCount, 6)
        XCTAssertEqual(plan.values(ofPoint: 0), ["a", "1"])
        XCTAssertEqual(plan.values(ofPoint: 4), ["b", "2"])
        XCTAssertEqual(plan.values(ofPoint: 5), ["b", "3"])
        XCTAssertNotEqual(plan.fingerprint, try SweepPlan(axes: axes, replications: 3, scenarioText: Data("x".utf8)).fingerprint)
        XCTAssertNotEqual(plan.fingerprint, try SweepPlan(axes: axes, replications: 2, scenarioText: Data("y".utf8)).fingerprint)
        XCTAssertThrowsError(try SweepPlan(axes: [], replications: 1, scenarioText: Data()))
        XCTAssertThrowsError(try SweepPlan(axes: axes, replications: 0, scenarioText: Data()))
        // FNV-1a 64 of the empty input is its offset basis, cbf29ce484222325 (Fowler–Noll–Vo reference).
        XCTAssertEqual(SweepPlan.fnv1a64(Data()), "cbf29ce484222325")
    }

    /// Shards from `--shard`, Slurm (task 5 of an array 4–6 is shard 1 of 3) and Kubernetes; bad values are errors.
    func testShardResolution() throws {
        XCTAssertEqual(try ShardSelection.resolve(argument: "2/3", shards: nil, environment: [:]), try ShardSelection(index: 2, count: 3))
        XCTAssertEqual(try ShardSelection.resolve(argument: nil, shards: nil,
                                                  environment: ["SLURM_ARRAY_TASK_ID": "5", "SLURM_ARRAY_TASK_MIN": "4", "SLURM_ARRAY_TASK_COUNT": "3"]),
                       try ShardSelection(index: 1, count: 3))
        XCTAssertEqual(try ShardSelection.resolve(argument: nil, shards: 4, environment: ["JOB_COMPLETION_INDEX": "3"]),
                       try ShardSelection(index: 3, count: 4))
        XCTAssertEqual(try ShardSelection.resolve(argument: nil, shards: nil,
                                                  environment: ["JOB_COMPLETION_INDEX": "0", "FACTORY_TWIN_SHARDS": "2"]),
                       try ShardSelection(index: 0, count: 2))
        XCTAssertEqual(try ShardSelection.resolve(argument: nil, shards: nil, environment: [:]), .all)
        XCTAssertThrowsError(try ShardSelection.resolve(argument: nil, shards: nil, environment: ["JOB_COMPLETION_INDEX": "1"]))
        XCTAssertThrowsError(try ShardSelection(argument: "3/3"))
        XCTAssertThrowsError(try ShardSelection(argument: "1"))
        XCTAssertThrowsError(try ShardSelection.resolve(argument: nil, shards: nil, environment: ["SLURM_ARRAY_TASK_ID": "x", "SLURM_ARRAY_TASK_COUNT": "2"]))
        let shard = try ShardSelection(index: 1, count: 3)
        XCTAssertEqual((0..<7).filter(shard.owns(point:)), [1, 4])
    }

    /// The `sweep:` block is read into the spec (paths and values in file order) and a malformed entry is located.
    func testSweepBlock() throws {
        let spec = try StudyFixtures.spec()
        XCTAssertTrue(spec.sweepAxes.isEmpty)
        let text = StudyFixtures.text + "\nsweep:\n  facility.gpus: [32, 64]\n  heat_rejection.supply_setpoint: 35°C\n"
        let swept = try ScenarioLoader.parse(text, file: "s.yaml", baseDirectory: StudyFixtures.packageRoot)
        XCTAssertEqual(swept.sweepAxes.map(\.path), ["facility.gpus", "heat_rejection.supply_setpoint"])
        XCTAssertEqual(swept.sweepAxes.map(\.values), [["32", "64"], ["35°C"]])
        XCTAssertThrowsError(try ScenarioLoader.parse(StudyFixtures.text + "\nsweep:\n  facility.gpus: []\n", file: "s.yaml",
                                                      baseDirectory: StudyFixtures.packageRoot)) { error in
            XCTAssertTrue("\(error)".contains("sweep.facility.gpus: a sweep axis needs"), "\(error)")
        }
    }

    /// A 2 × 2 sweep with 2 replications gives the same sweep.csv and sweep.json on 1 and 2 threads, when re-run
    /// (every point then skipped), and when run as 3 shards in this process and merged. Its GPU column holds the
    /// swept values and the GPU count drives the IT energy: 64 GPUs use more IT energy than 32 at the same setpoint.
    func testSweepIsDeterministicAndShardsMerge() throws {
        let root = try StudyFixtures.temporaryDirectory(self)
        let scenario = try StudyFixtures.writeScenario(in: root, extra: "sweep:\n  facility.gpus: [32, 64]\n")
        let axes = [SweepAxis(path: "facility.gpus", values: ["32", "64"]), SweepAxis(path: "heat_rejection.supply_setpoint", values: ["28°C", "34°C"])]
        let plan = try SweepPlan(axes: axes, replications: 2, scenarioText: Data(contentsOf: URL(fileURLWithPath: scenario)))
        func run(_ name: String, threads: Int, shard: ShardSelection = .all) throws -> URL {
            let directory = root.appendingPathComponent(name)
            try SweepRunner(scenarioPath: scenario, plan: plan, directory: directory, threads: threads, shard: shard).run()
            return directory
        }
        func output(_ directory: URL) throws -> [Data] {
            let table = try SweepTable(directories: [directory])
            return [Data(table.csv().utf8), try table.json()]
        }
        let one = try run("one", threads: 1), two = try run("two", threads: 2)
        XCTAssertEqual(try output(one), try output(two))
        XCTAssertEqual(try SweepRunner(scenarioPath: scenario, plan: plan, directory: two, threads: 2).run(), 0)
        XCTAssertEqual(try output(two), try output(one))
        let shards = try (0..<3).map { try run("shard\($0)", threads: 1, shard: ShardSelection(index: $0, count: 3)) }
        XCTAssertThrowsError(try SweepTable(directories: Array(shards.prefix(2)))) { error in
            XCTAssertEqual(error as? StudyError, .incompleteSweep(missing: 1, first: [2]))
        }
        let merged = try SweepTable(directories: shards)
        XCTAssertEqual([Data(merged.csv().utf8), try merged.json()], try output(one))

        let table = try SweepTable(directories: [one])
        XCTAssertEqual(table.points.map(\.values), [["32", "28°C"], ["32", "34°C"], ["64", "28°C"], ["64", "34°C"]])
        XCTAssertTrue(table.csv().hasPrefix("index,facility.gpus,heat_rejection.supply_setpoint,pue,pue_ci95_low,pue_ci95_high,"))
        let energy = table.points.map { $0.metrics["it_energy_joules"]!.mean }
        XCTAssertGreaterThan(energy[2], energy[0])
        // A directory holding another study's points is refused.
        let other = try SweepPlan(axes: axes, replications: 1, scenarioText: Data(contentsOf: URL(fileURLWithPath: scenario)))
        XCTAssertThrowsError(try SweepRunner(scenarioPath: scenario, plan: other, directory: one, threads: 1).run())
    }
}
