import Foundation
import XCTest
@testable import FacilitySim
import Reporting
import Scenario

/// The reference scenario's `workload: training` block end to end: the run carries the training figures, the
/// benchmark row is judged from them, and the hall's throttling reaches the training compute.
final class TrainingScenarioTests: XCTestCase {
    /// Reference hall, Llama-2-70B pre-training on its 1,024 GPUs (2.0 T tokens of 4,096-token sequences, 1,024 per
    /// step): 2e12 / (1,024 · 4,096) = 476,837.2 → 476,838 steps in both environments; the speed-up is the cloud's wall
    /// time over the hall's (relative 1e-12); the hall's compute is the cloud's divided by its throughput factor
    /// 1 − throughput_lost_fraction (same GPUs, same efficiency; relative 1e-12); the row "Model training speed vs
    /// cloud-only" is judged (pass at ≥ 2×), never "not modelled".
    func testReferenceTrainingRow() throws {
        let summary = try ShippedScenarioTests.run("reference-immersion.yaml").summary
        let t = try XCTUnwrap(summary.training)
        XCTAssertEqual(t.hall.steps, 476_838)
        XCTAssertEqual(t.cloud.steps, 476_838)
        XCTAssertEqual(t.speedupVersusCloud, t.cloud.wallSeconds / t.hall.wallSeconds, accuracy: 1e-12 * t.speedupVersusCloud)
        XCTAssertEqual(t.hallThroughputFactor, 1 - summary.throughputLostFraction, accuracy: 1e-15)
        XCTAssertEqual(t.hall.computeSeconds * t.hallThroughputFactor, t.cloud.computeSeconds,
                       accuracy: 1e-12 * t.cloud.computeSeconds)
        XCTAssertGreaterThan(t.hall.goodput, 0.9)
        XCTAssertLessThan(t.hall.goodput, 1)
        let row = try XCTUnwrap(Benchmarks.rows(summary, baseline: nil).first { $0.name == "Model training speed vs cloud-only" })
        XCTAssertEqual(row.verdict, t.speedupVersusCloud >= 2 ? .pass : .fail)
        print("training row: \(row.measured)")
    }
}
