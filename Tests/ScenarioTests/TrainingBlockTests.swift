import Foundation
import XCTest
@testable import FacilitySim
@testable import Scenario

/// The `workload: training` block (issue 15): values arrive, defaults resolve, and every mistake is located.
final class TrainingBlockTests: XCTestCase {
    let base = """
    name: t
    horizon: 1h
    facility:
      gpus: 64
    cooling_system:
      primary: direct_to_chip
    weather:
      synthetic:
        mean: 20°C

    """

    func parse(_ block: String) throws -> ScenarioSpec {
        try ScenarioLoader.parse(base + block, file: "t.yaml", baseDirectory: ServingBlockTests.scenarios)
    }

    func paths(_ block: String) -> [String] {
        do { _ = try parse(block); XCTFail("expected errors"); return [] } catch let e as ScenarioError {
            return e.diagnostics.map(\.path)
        } catch { XCTFail("\(error)"); return [] }
    }

    /// A minimal block: the committed profile's training efficiency (calibrated), the hall and the cloud-only
    /// comparison by default, no overlap, BF16, micro-batch 1; written values arrive as written.
    func testDefaultsAndValues() throws {
        let t = try XCTUnwrap(parse("""
        workload:
          kind: training
          model: Llama-3.1-8B
          sequence_length: 8192
          global_batch: 64
          parallelism: {data: 8, tensor: 8}
          tokens: 1e9
        """).training)
        XCTAssertEqual(t.workload.parallelism, TrainingParallelism(data: 8, tensor: 8, pipeline: 1))
        XCTAssertEqual(t.workload.precision, .bf16)
        XCTAssertEqual(t.workload.microBatchSequences, 1)
        XCTAssertEqual(t.workload.tokensToTrain, 1e9)
        XCTAssertEqual(t.workload.tensorOverlap, 0)
        XCTAssertEqual(t.hall.name, "dgx-h100-infiniband")
        XCTAssertEqual(t.cloud.name, "aws-p5-efa")
        XCTAssertEqual(t.efficiency.provenance, .calibrated)
        XCTAssertGreaterThan(t.efficiency.value, 0)
        let published = try XCTUnwrap(parse("""
        workload: {kind: training, model: GPT-3-175B, sequence_length: 2048, global_batch: 64, precision: fp8,
                   parallelism: {data: 1, tensor: 8, pipeline: 8}, tokens: 1e9, efficiency: {source: published},
                   overlap: {tensor: 50 %, data: 0.9}}
        """).training)
        XCTAssertEqual(published.efficiency.value, 0.40)
        XCTAssertEqual(published.workload.precision, .fp8)
        XCTAssertEqual(published.workload.tensorOverlap, 0.5, accuracy: 1e-15)
        XCTAssertEqual(published.workload.dataOverlap, 0.9, accuracy: 1e-15)
    }

    /// Each mistake at its own field, all at once: an unknown model, an unknown environment, a fraction above 1,
    /// a missing token count and an unknown key.
    func testMistakesAreLocated() {
        XCTAssertEqual(paths("""
        workload:
          kind: training
          model: GPT-5
          sequence_length: 2048
          global_batch: 64
          parallelism: {data: 8}
          overlap: {tensor: 1.5}
          cloud_comparison: azure
          batch: 4
        """).sorted(), ["workload.batch", "workload.cloud_comparison", "workload.model", "workload.overlap.tensor",
                        "workload.tokens"])
    }

    /// Cross-checks: a batch that does not divide into data × micro-batch is refused at `workload`; more GPUs than
    /// the hall has at `workload.parallelism`; a kind other than training at `workload.kind`.
    func testLayoutCrossChecks() {
        XCTAssertEqual(paths("""
        workload: {kind: training, model: 110M, sequence_length: 256, global_batch: 60, parallelism: {data: 8}, tokens: 1e6}
        """), ["workload"])
        XCTAssertEqual(paths("""
        workload: {kind: training, model: 110M, sequence_length: 256, global_batch: 128, parallelism: {data: 128}, tokens: 1e6}
        """), ["workload.parallelism"])
        XCTAssertEqual(paths("""
        workload: {kind: inference, model: 110M, sequence_length: 256, global_batch: 8, parallelism: {data: 8}, tokens: 1e6}
        """), ["workload.kind"])
    }
}
