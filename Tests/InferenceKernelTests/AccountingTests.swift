import XCTest
@testable import InferenceKernel

/// FLOP and byte counts against hand counts and published parameter counts.
final class AccountingTests: XCTestCase {
    /// The fixture model: dim 64, hidden 172, 5 layers, 8 heads, 4 KV heads (kv_dim 32), vocab 512.
    private let tiny = ModelDimensions(dim: 64, hiddenDim: 172, layerCount: 5, headCount: 8, kvHeadCount: 4,
                                       vocabSize: 512, maxSequenceLength: 512)

    /// Hand count, per token: a layer's matmuls are wq 64·64 = 4096, wk and wv 32·64 = 2048 each,
    /// wo 4096, w1, w2, w3 172·64 = 11008 each: 45312 multiply-adds; 5 layers 226560; classifier
    /// 512·64 = 32768; total 259328 multiply-adds = 518656 FLOPs. Attention at context c: q·k and
    /// the value sum are 64·c multiply-adds each per layer, so 4·64·c·5 = 1280·c FLOPs.
    func testDecodeFlopsMatchHandCount() {
        XCTAssertEqual(KernelAccounting.matmulFlopsPerToken(tiny), 518_656)
        XCTAssertEqual(KernelAccounting.matmulFlopsPerToken(tiny, includeClassifier: false), 453_120)
        XCTAssertEqual(KernelAccounting.attentionFlopsPerToken(tiny, contextLength: 10), 12_800)
        let step = KernelAccounting.decodeStep(tiny, batch: 1, contextLength: 1, bytesPerWeight: 4, bytesPerActivation: 4)
        XCTAssertEqual(step.flops, 519_936)
    }

    /// Hand count of bytes (Float32): weights read per step = 5 × (2·64 norms + 45312) + 64 final norm
    /// + 32768 classifier = 260032 floats = 1,040,128 B, once per step whatever the batch. Per token:
    /// embedding row 64 × 4 = 256 B; KV write 2 · 32 · 5 × 4 = 1280 B; KV read 1280·c B.
    /// Batch 3 at contexts 1, 2, 5 (8 positions in all): 1,040,128 + 768 + 3840 + 10240 = 1,054,976 B;
    /// FLOPs 3 × 518656 + 1280 × 8 = 1,566,208.
    func testDecodeBytesMatchHandCountAndWeightsAreReadOncePerStep() {
        XCTAssertEqual(tiny.parametersReadPerStep, 260_032)
        let one = KernelAccounting.decodeStep(tiny, contextLengths: [1], bytesPerWeight: 4, bytesPerActivation: 4)
        XCTAssertEqual(one.weightBytes, 1_040_128)
        XCTAssertEqual(one.embeddingBytes, 256)
        XCTAssertEqual(one.kvCacheWriteBytes, 1280)
        XCTAssertEqual(one.kvCacheReadBytes, 1280)
        let three = KernelAccounting.decodeStep(tiny, contextLengths: [1, 2, 5], bytesPerWeight: 4, bytesPerActivation: 4)
        XCTAssertEqual(three.weightBytes, 1_040_128)
        XCTAssertEqual(three.bytes, 1_054_976)
        XCTAssertEqual(three.flops, 1_566_208)
        XCTAssertEqual(three.tokens, 3)
    }

    /// Prefill of 3 tokens from position 0, logits for the last only: matmuls 3 × 453120 + 2 × 32768
    /// = 1,424,896 FLOPs; attention 1280 × (1 + 2 + 3) = 7680; KV written and read once: 3 × 1280 B each.
    /// A second chunk of 2 tokens after 3 cached positions attends 4 and 5 positions: 1280 × 9 = 11520,
    /// and reads 5 cached positions (6400 B).
    func testPrefillMatchesHandCount() {
        let p = KernelAccounting.prefill(tiny, promptLength: 3, bytesPerWeight: 4, bytesPerActivation: 4)
        XCTAssertEqual(p.matmulFlops, 1_424_896)
        XCTAssertEqual(p.attentionFlops, 7680)
        XCTAssertEqual(p.kvCacheWriteBytes, 3840)
        XCTAssertEqual(p.kvCacheReadBytes, 3840)
        XCTAssertEqual(p.weightBytes, 1_040_128)
        let chunk = KernelAccounting.prefill(tiny, promptLength: 2, priorContext: 3, bytesPerWeight: 4, bytesPerActivation: 4)
        XCTAssertEqual(chunk.attentionFlops, 11_520)
        XCTAssertEqual(chunk.kvCacheReadBytes, 6400)
    }

    /// Llama-2-70B (dim 8192, hidden 28672, 80 layers, 64 heads, 8 KV heads, vocab 32000) has
    /// 68,976,648,192 parameters with its untied lm_head (Hugging Face meta-llama/Llama-2-70b-hf,
    /// safetensors metadata); decode reads all but the embedding table each step: 68,714,504,192.
    /// In FP8 (1 B/weight) that is 68.7 GB per step.
    func testSeventyBillionModelParameterCount() {
        let d = ModelDimensions(dim: 8192, hiddenDim: 28672, layerCount: 80, headCount: 64, kvHeadCount: 8,
                                vocabSize: 32000, maxSequenceLength: 4096)
        XCTAssertNoThrow(try d.validate(source: "70B"))
        XCTAssertEqual(d.parameterCount(sharedClassifier: false), 68_976_648_192)
        XCTAssertEqual(d.parametersReadPerStep, 68_714_504_192)
        let step = KernelAccounting.decodeStep(d, batch: 1, contextLength: 1, bytesPerWeight: 1, bytesPerActivation: 2)
        XCTAssertEqual(step.weightBytes, 68_714_504_192)
        // KV per token: 2 × 1024 × 80 × 2 B = 327,680 B (GQA: 8 of 64 heads).
        XCTAssertEqual(KernelAccounting.kvBytesPerPosition(d, bytesPerActivation: 2), 327_680)
    }

    /// Preset parameter counts by hand: 15M: 32000·288 + 6 × (2·288 + 4·288² + 3·768·288) + 288
    /// = 9,216,000 + 5,975,424 + 288 = 15,191,712; 42M: 16,384,000 + 8 × 3,163,136 + 512 = 41,689,600;
    /// 110M: 24,576,000 + 12 × 7,079,424 + 768 = 109,529,856 (llama2.c's stories15M/42M/110M).
    func testPresetParameterCounts() {
        XCTAssertEqual(SyntheticPreset.stories15M.dimensions.parameterCount(sharedClassifier: true), 15_191_712)
        XCTAssertEqual(SyntheticPreset.stories42M.dimensions.parameterCount(sharedClassifier: true), 41_689_600)
        XCTAssertEqual(SyntheticPreset.stories110M.dimensions.parameterCount(sharedClassifier: true), 109_529_856)
    }

    /// Roofline: a step of 1e9 FLOPs and 1e9 B on a 100 GFLOP/s, 50 GB/s machine takes
    /// max(0.01, 0.02) = 0.02 s, memory-bound; with 8 tokens that is 400 tokens/s.
    func testRooflineBound() {
        let cost = StepCost(tokens: 8, matmulFlops: 1e9, attentionFlops: 0, weightBytes: 1e9, embeddingBytes: 0,
                            kvCacheReadBytes: 0, kvCacheWriteBytes: 0)
        let roof = KernelCalibration.roofline(cost, peakFlopsPerSecond: 100e9, bandwidthBytesPerSecond: 50e9)
        XCTAssertEqual(roof.tokensPerSecond, 400, accuracy: 1e-9)
        XCTAssertEqual(roof.bound, "memory")
        XCTAssertEqual(cost.rooflineSeconds(peakFlopsPerSecond: 100e9, bandwidthBytesPerSecond: 50e9), 0.02, accuracy: 1e-15)
    }
}
