import XCTest
import FacilityModels
import SimMath
@testable import Serving

/// The serving model against MLPerf Inference v4.1 Llama-2-70B offline results (Dell PowerEdge XE9680,
/// closed division: mlcommons/inference_results_v4.1 closed/Dell/results/XE9680_H100_SXM_80GBx8_TRT and
/// XE9680_H200_SXM_141GBx8_TRT summary READMEs; /work/shared/references/physics-and-benchmarks.md §6).
///
/// Nothing is fitted to these figures. The configuration, chosen before running:
/// - Llama-2-70B with FP8 weights and FP8 KV cache (1 B each; the TensorRT-LLM submissions run FP8),
///   four replicas of tensor parallelism 2 per 8-GPU server (Assumption: 70 GB of FP8 weights leave an
///   80 GB H100 too little KV memory at TP 1; the same deployment on H200 so only the GPU differs),
///   NVLink 4 all-reduces (450 GB/s per direction, 5 µs each — Assumption);
/// - vLLM defaults: 256 sequences, 8192 batched tokens, no chunked prefill, 90 % of HBM usable;
/// - efficiencies calibrated from the committed CPU kernel profile (Scenarios/profiles/cpu-110M.json):
///   memory 0.421 (batch-1 decode, memory-bound), compute capped at 1 (the profile's compute-bound
///   fractions exceed 1: its GEMM probe under-reads the CPU's compute roof), zero overhead (Assumption);
/// - workload: Assumption: prompt and output lengths lognormal with mean 300 and standard deviation 300
///   tokens, clamped to [1, 1023] (the MLPerf OpenOrca subset keeps inputs and outputs under 1,024 tokens,
///   mlcommons/inference language/llama2-70b/processorca.py; the means are not verified here).
/// - 6,144 requests per replica (24,576 MLPerf samples over 4 replicas), all at t = 0.
final class MLPerfAnchorTests: XCTestCase {
    private func run(_ accelerator: String) throws -> ServingFixtures.OfflineResult {
        let model = try TargetModel.llama2_70B.withPrecision(bytesPerWeight: 1, bytesPerKVElement: 1)
        return try ServingFixtures.offline(
            model: model, accelerator: try AcceleratorCatalogue.spec(named: accelerator), tensorParallel: 2, replicas: 4,
            efficiency: try ServingFixtures.cpuProfileEfficiency(), requestsPerReplica: 6144,
            prompt: .lognormal(mean: 300, standardDeviation: 300), output: .lognormal(mean: 300, standardDeviation: 300),
            seed: 2024)
    }

    /// 8 × H100 SXM: MLPerf v4.1 offline 24,087 tokens/s; the model must land within ±25 %.
    func testEightH100WithinQuarterOfMLPerf() throws {
        let r = try run("H100-SXM")
        print(String(format: "MLPerf anchor 8×H100 Llama-2-70B offline: model %.0f tokens/s vs 24,087 (%+.1f %%), "
                     + "mean decode batch %.1f, compute-bound iterations %.1f %%", r.tokensPerSecond,
                     100 * (r.tokensPerSecond / 24_087 - 1), r.meanDecodeBatch, 100 * r.computeBoundShare))
        XCTAssertEqual(r.tokensPerSecond, 24_087, accuracy: 0.25 * 24_087)
    }

    /// 8 × H200 SXM: MLPerf v4.1 offline 32,124 tokens/s; the model must land within ±25 %.
    func testEightH200WithinQuarterOfMLPerf() throws {
        let r = try run("H200")
        print(String(format: "MLPerf anchor 8×H200 Llama-2-70B offline: model %.0f tokens/s vs 32,124 (%+.1f %%), "
                     + "mean decode batch %.1f, compute-bound iterations %.1f %%", r.tokensPerSecond,
                     100 * (r.tokensPerSecond / 32_124 - 1), r.meanDecodeBatch, 100 * r.computeBoundShare))
        XCTAssertEqual(r.tokensPerSecond, 32_124, accuracy: 0.25 * 32_124)
    }
}
