import XCTest
import FacilityModels
import InferenceKernel
@testable import Serving

/// The iteration-time model against hand calculations, the roofline and published anchors.
final class RooflineTests: XCTestCase {
    /// Parameter counts from the dimensions match the published totals: Llama-2-70B
    /// 68,976,648,192 (80 × 855,654,400 per layer + 2 × 32000 × 8192 + 8192), Llama-3.1-8B 8,030,261,248
    /// (32 × 218,112,000 + 2 × 128256 × 4096 + 4096). KV bytes per token of Llama-2-70B at BF16:
    /// 2 (K, V) × 1024 (8 KV heads × 128) × 80 layers × 2 B = 327,680 B.
    func testPresetsMatchModelCards() throws {
        XCTAssertEqual(TargetModel.llama2_70B.parameterCount, 68_976_648_192)
        XCTAssertEqual(TargetModel.llama31_8B.parameterCount, 8_030_261_248)
        XCTAssertEqual(TargetModel.llama2_70B.kvBytesPerToken, 327_680)
        XCTAssertEqual(try TargetModel.named("110m").dimensions, SyntheticPreset.stories110M.dimensions)
        XCTAssertEqual(try TargetModel.named("llama-3-70b").dimensions.vocabSize, 128_256)
        XCTAssertThrowsError(try TargetModel.named("gpt-5"))
    }

    /// Single-stream decode of a 70B FP8 model on one H100 is under the bandwidth bound
    /// 3.35e12 B/s ÷ 70e9 B ≈ 48 tokens/s. With the ideal roofline the model gives bandwidth ÷ bytes per
    /// step (68.71e9 weight bytes read + KV) = 48.7 tokens/s, within 3 % of 48; with the calibrated
    /// efficiencies it is η_memory times that, below the bound.
    func testSingleStreamDecodeIsBandwidthBound() throws {
        let model = try TargetModel.llama2_70B.withPrecision(bytesPerWeight: 1, bytesPerKVElement: 1)
        let h100 = try AcceleratorCatalogue.spec(named: "H100-SXM")
        let ideal = try IterationTimeModel(model: model, accelerator: h100, parallelism: .single, efficiency: .ideal)
        let one = IterationBatch.decode(priorContexts: [100])
        let idealRate = 1 / ideal.seconds(for: one)
        XCTAssertEqual(idealRate, 3.35e12 / 70e9, accuracy: 0.03 * 3.35e12 / 70e9)
        XCTAssertFalse(ideal.breakdown(of: one).isComputeBound)
        var real = ideal
        real.efficiency = try ServingFixtures.cpuProfileEfficiency()
        let rate = 1 / real.seconds(for: one)
        print(String(format: "single-stream 70B FP8 on H100: ideal %.2f tokens/s, calibrated %.2f tokens/s", idealRate, rate))
        XCTAssertLessThan(rate, idealRate)
        XCTAssertEqual(rate, idealRate * real.efficiency.memory.value, accuracy: 1e-9 * idealRate)
    }

    /// The decode throughput–batch curve of Llama-3.1-8B BF16 on an H100 (ideal roofline, context 1)
    /// bends where the roofline says: ridge batch ≈ peak / (BW · 2 / bytes-per-weight) = 989.4e12 /
    /// (3.35e12 · 2 / 2) = 295.3. The first batch at which compute binds is within 2 % of it; below a
    /// quarter of it tokens/s grow in proportion to batch (±1 %), above twice it they are flat (±1 %).
    func testThroughputBatchCurveBendsAtRidgePoint() throws {
        let h100 = try AcceleratorCatalogue.spec(named: "H100-SXM")
        let m = try IterationTimeModel(model: .llama31_8B, accelerator: h100, parallelism: .single, efficiency: .ideal)
        let predicted = 989.4e12 / (3.35e12 * 2 / 2)
        XCTAssertEqual(m.ridgeBatch, predicted, accuracy: 0.02 * predicted)
        func rate(_ b: Int) -> Double { Double(b) / m.seconds(for: .decode(priorContexts: Array(repeating: 0, count: b))) }
        let firstCompute = (1...1024).first { m.breakdown(of: .decode(priorContexts: Array(repeating: 0, count: $0))).isComputeBound }
        XCTAssertEqual(Double(try XCTUnwrap(firstCompute)), predicted, accuracy: 0.02 * predicted)
        print(String(format: "ridge: model %.1f, first compute-bound batch %d, predicted %.1f", m.ridgeBatch, firstCompute ?? 0, predicted))
        XCTAssertEqual(rate(64) / 64, rate(8) / 8, accuracy: 0.01 * rate(8) / 8)
        XCTAssertEqual(rate(1024), rate(600), accuracy: 0.01 * rate(600))
        XCTAssertGreaterThan(rate(600), 1.9 * rate(150))  // still rising below the ridge
    }

    /// Tensor parallelism: per-GPU FLOPs and bytes divide by TP, plus the all-reduces. Llama-2-70B BF16,
    /// one decode token, TP 8 over NVLink 4 (450 GB/s per direction, 5 µs each): each all-reduce moves
    /// 8192 × 2 B = 16,384 B, 2 · 7/8 · 16384 / 450e9 + 5e-6 = 5.0637e-6 s, two per layer × 80 =
    /// 8.102e-4 s. The memory time is one eighth of the TP 1 memory time.
    func testTensorParallelSplitsWorkAndAddsAllReduce() throws {
        let h100 = try AcceleratorCatalogue.spec(named: "H100-SXM")
        let model = TargetModel.llama2_70B
        var big = h100
        big.memoryBytes = 1e12  // let TP 1 hold the BF16 weights for the comparison
        let tp1 = try IterationTimeModel(model: model, accelerator: big, parallelism: .single, efficiency: .ideal)
        let tp8 = try IterationTimeModel(model: model, accelerator: h100, parallelism: .nvlink4(degree: 8), efficiency: .ideal)
        let b = IterationBatch.decode(priorContexts: [10])
        XCTAssertEqual(tp8.breakdown(of: b).communicationSeconds, 160 * (2 * 7.0 / 8 * 16384 / 450e9 + 5e-6), accuracy: 1e-12)
        XCTAssertEqual(tp8.breakdown(of: b).memorySeconds * 8, tp1.breakdown(of: b).memorySeconds, accuracy: 1e-12)
        XCTAssertThrowsError(try IterationTimeModel(model: model, accelerator: h100, parallelism: .single, efficiency: .ideal))
    }

    /// Throttling at clock 0.5 doubles compute-bound time (ratio f) and stretches memory-bound time by
    /// 1 / memoryBoundThroughputRatio(0.5) = 0.85 + 0.15/0.5 = 1.15.
    func testThrottlingSlowsIterationsByThroughputRatios() throws {
        let h100 = try AcceleratorCatalogue.spec(named: "H100-SXM")
        let m = try IterationTimeModel(model: .llama31_8B, accelerator: h100, parallelism: .single, efficiency: .ideal)
        let slow = try m.atClock(0.5)
        let computeBatch = IterationBatch.decode(priorContexts: Array(repeating: 0, count: 2048))
        let memoryBatch = IterationBatch.decode(priorContexts: [0])
        XCTAssertEqual(slow.seconds(for: computeBatch), 2 * m.seconds(for: computeBatch), accuracy: 1e-12)
        XCTAssertEqual(slow.seconds(for: memoryBatch), 1.15 * m.seconds(for: memoryBatch), accuracy: 1e-12)
        XCTAssertThrowsError(try m.atClock(0))
    }
}
