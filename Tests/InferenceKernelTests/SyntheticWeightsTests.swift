import XCTest
@testable import InferenceKernel

/// Deterministic synthetic weights.
final class SyntheticWeightsTests: XCTestCase {
    /// A small shape with GQA and a hidden size that is not a multiple of 16 (exercises tails).
    private let small = ModelDimensions(dim: 96, hiddenDim: 250, layerCount: 2, headCount: 6, kvHeadCount: 2,
                                        vocabSize: 300, maxSequenceLength: 64)

    private func floats(_ w: TransformerWeights) -> [Float] {
        let count = w.dimensions.parametersPerLayer * w.dimensions.layerCount
        return Array(UnsafeBufferPointer(start: w.wq, count: w.dimensions.dim * w.dimensions.dim))
            + Array(UnsafeBufferPointer(start: w.tokenEmbedding, count: w.dimensions.vocabSize * w.dimensions.dim))
            + Array(UnsafeBufferPointer(start: w.w2, count: min(count, w.dimensions.dim * w.dimensions.hiddenDim)))
    }

    /// Same seed ⇒ bit-identical weights for 1 and 3 threads (each 65536-float chunk has its own
    /// stream); a different seed ⇒ different weights.
    func testDeterministicAcrossThreadCountsAndSeedSensitive() throws {
        let a = try TransformerWeights.synthetic(dimensions: small, seed: 9, threads: .serial)
        let b = try TransformerWeights.synthetic(dimensions: small, seed: 9, threads: KernelThreads(count: 3))
        let c = try TransformerWeights.synthetic(dimensions: small, seed: 10, threads: .serial)
        XCTAssertEqual(floats(a).map(\.bitPattern), floats(b).map(\.bitPattern))
        XCTAssertNotEqual(floats(a), floats(c))
    }

    /// Statistics of 4.7 million draws (the 15M preset's w1): mean 0 and standard deviation 0.02.
    /// The standard error of the mean is 0.02/sqrt(4.7e6) ≈ 9e-6 (assert |mean| < 1e-4) and the sample
    /// standard deviation is within 1 % of 0.02 (Irwin–Hall of bytes has variance exactly 1 after scaling,
    /// up to the float rounding of the scale). RMSNorm weights are exactly 1.
    func testDistributionAndNormWeights() throws {
        let w = try TransformerWeights.synthetic(preset: .stories15M, seed: 1)
        let d = w.dimensions
        let n = d.layerCount * d.hiddenDim * d.dim
        var sum = 0.0, sumSquares = 0.0
        for i in 0..<n {
            let x = Double(w.w1[i])
            sum += x
            sumSquares += x * x
        }
        let mean = sum / Double(n)
        let std = (sumSquares / Double(n) - mean * mean).squareRoot()
        XCTAssertLessThan(abs(mean), 1e-4)
        XCTAssertEqual(std, 0.02, accuracy: 0.0002)
        XCTAssertTrue((0..<(d.layerCount * d.dim)).allSatisfy { w.rmsAttention[$0] == 1 && w.rmsFFN[$0] == 1 })
        XCTAssertTrue((0..<d.dim).allSatisfy { w.rmsFinal[$0] == 1 })
        XCTAssertEqual(w.origin, .synthetic(preset: "15M", seed: 1))
        XCTAssertTrue(w.origin.description.contains("synthetic weights"))
    }

    /// Presets are found by name, case-insensitively and with the `stories` prefix; others are rejected.
    func testPresetLookup() throws {
        XCTAssertEqual(try SyntheticPreset.named("110m"), .stories110M)
        XCTAssertEqual(try SyntheticPreset.named("stories42M"), .stories42M)
        XCTAssertThrowsError(try SyntheticPreset.named("7B"))
        XCTAssertThrowsError(try TransformerWeights.synthetic(dimensions: ModelDimensions(
            dim: 10, hiddenDim: 10, layerCount: 1, headCount: 3, kvHeadCount: 1, vocabSize: 10, maxSequenceLength: 4), seed: 1))
    }

    /// A synthetic model with GQA and odd sizes runs: prefill equals token-by-token (1e-5), and batched
    /// decode of two sequences equals each alone (1e-5); all logits are finite.
    func testSyntheticModelPrefillAndBatchedDecodeAgree() throws {
        let w = try TransformerWeights.synthetic(dimensions: small, seed: 3)
        let tokens = [1, 17, 250, 3, 99, 42, 7]
        let batched = try Transformer(weights: w, sequenceSlots: 2, contextCapacity: 16)
        try batched.forward(tokens.enumerated().map { TokenRow(slot: 0, position: $0.offset, token: $0.element) })
        let prefillLogits = (0..<tokens.count).map { batched.logitsArray($0) }
        let single = try Transformer(weights: w, contextCapacity: 16)
        for (position, token) in tokens.enumerated() {
            try single.forward([TokenRow(slot: 0, position: position, token: token)])
            let diff = zip(single.logitsArray(0), prefillLogits[position]).map { abs($0 - $1) }.max()!
            XCTAssertLessThanOrEqual(diff, 1e-5)
            XCTAssertTrue(single.logitsArray(0).allSatisfy(\.isFinite))
        }
        // Slot 1 holds one token; both slots advance together.
        try batched.forward([TokenRow(slot: 1, position: 0, token: 5)])
        try batched.forward([TokenRow(slot: 0, position: tokens.count, token: 11), TokenRow(slot: 1, position: 1, token: 12)])
        try single.forward([TokenRow(slot: 0, position: tokens.count, token: 11)])
        XCTAssertLessThanOrEqual(zip(single.logitsArray(0), batched.logitsArray(0)).map { abs($0 - $1) }.max()!, 1e-5)
        let other = try Transformer(weights: w, contextCapacity: 16)
        try other.forward([TokenRow(slot: 0, position: 0, token: 5)])
        try other.forward([TokenRow(slot: 0, position: 1, token: 12)])
        XCTAssertLessThanOrEqual(zip(other.logitsArray(0), batched.logitsArray(1)).map { abs($0 - $1) }.max()!, 1e-5)
    }
}
