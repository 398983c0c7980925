import XCTest
@testable import InferenceKernel

/// The forward pass against the reference vectors of `tiny-gqa.expected.json` (computed in float64).
final class FixtureForwardTests: XCTestCase {
    /// The header is read as the fixture README states: dim 64, hidden 172, 5 layers, 8 heads,
    /// 4 KV heads, vocab 512, seq_len 512, shared classifier.
    func testHeaderMatchesFixtureConfiguration() throws {
        let expected = try FixtureSupport.expected().config
        let w = try FixtureSupport.weights()
        let d = w.dimensions
        XCTAssertEqual([d.dim, d.hiddenDim, d.layerCount, d.headCount, d.kvHeadCount, d.vocabSize, d.maxSequenceLength],
                       [expected.dim, expected.hidden_dim, expected.n_layers, expected.n_heads, expected.n_kv_heads,
                        expected.vocab_size, expected.seq_len])
        XCTAssertEqual(w.sharedClassifier, expected.shared_classifier)
        XCTAssertEqual(d.kvDim, 32) // 64 × 4 / 8
    }

    /// Protocol of the fixture: BOS at position 0, then each argmax fed back (also when it is BOS),
    /// 64 positions. All 64 tokens must match; the README gives a smallest top-1/top-2 gap of 1.7e-3,
    /// far above float32 error (~1e-5), so any mismatch is a real bug.
    func testReproducesAll64GreedyTokens() throws {
        let expected = try FixtureSupport.expected()
        let t = try Transformer(weights: try FixtureSupport.weights(), sequenceSlots: 1, contextCapacity: 64,
                                threads: KernelThreads(count: 2))
        let generator = Generator(transformer: t)
        let result = try generator.generate(prompts: [[Tokenizer.bos]], steps: 64,
                                            samplers: [try Sampler(temperature: 0, topP: 0.9, seed: 1)],
                                            stopAtBOS: false)
        XCTAssertEqual(result.generatedTokens[0], expected.greedy_tokens)
        XCTAssertEqual(result.generatedTokens[0].count, 64)
    }

    /// Logits at positions 0…3 (inputs BOS, then the first three greedy tokens) within 1e-4 absolute of
    /// the float64 reference; the README expects ~1e-5 from a float32 kernel.
    func testFirstFourPositionsLogitsMatchFloat64Reference() throws {
        let expected = try FixtureSupport.expected()
        let t = try Transformer(weights: try FixtureSupport.weights(), contextCapacity: 8)
        let inputs = [Tokenizer.bos] + expected.greedy_tokens.prefix(3)
        var worst: Double = 0
        for (position, token) in inputs.enumerated() {
            try t.forward([TokenRow(slot: 0, position: position, token: token)])
            let logits = t.logitsArray(0)
            let reference = expected.logits_positions_0_to_3[position]
            XCTAssertEqual(logits.count, reference.count)
            for (a, b) in zip(logits, reference) { worst = max(worst, abs(Double(a) - b)) }
        }
        XCTAssertLessThan(worst, 1e-4, "largest |logit − reference|")
    }

    /// Prefill processes the 16-token prompt (BOS + 15 greedy tokens) as one batch; each row's logits
    /// must equal the logits of feeding the same tokens one at a time (same arithmetic per element,
    /// so agreement to float32 rounding, asserted at 1e-5).
    func testPrefillLogitsEqualTokenByTokenLogits() throws {
        let expected = try FixtureSupport.expected()
        let w = try FixtureSupport.weights()
        let tokens = [Tokenizer.bos] + expected.greedy_tokens.prefix(15)
        let batched = try Transformer(weights: w, contextCapacity: 32, maxRowsPerStep: 16)
        try batched.forward(tokens.enumerated().map { TokenRow(slot: 0, position: $0.offset, token: $0.element) })
        let single = try Transformer(weights: w, contextCapacity: 32)
        for (position, token) in tokens.enumerated() {
            try single.forward([TokenRow(slot: 0, position: position, token: token)])
            let a = single.logitsArray(0), b = batched.logitsArray(position)
            let diff = zip(a, b).map { abs($0 - $1) }.max() ?? .infinity
            XCTAssertLessThanOrEqual(diff, 1e-5, "position \(position)")
        }
    }

    /// Batched decode: five sequences at different positions (0, 3, 7, 2, 11 cached tokens) advance one
    /// token in one call; each row's logits must equal decoding that sequence alone (1e-5).
    func testBatchedDecodeMatchesDecodingEachSequenceAlone() throws {
        let expected = try FixtureSupport.expected()
        let w = try FixtureSupport.weights()
        let stream = [Tokenizer.bos] + expected.greedy_tokens
        let lengths = [0, 3, 7, 2, 11]
        let batch = try Transformer(weights: w, sequenceSlots: lengths.count, contextCapacity: 16)
        for (slot, length) in lengths.enumerated() where length > 0 {
            // Each sequence is a shifted window of the stream so the sequences differ.
            let prefix = Array(stream[slot..<(slot + length)])
            try batch.forward(prefix.enumerated().map { TokenRow(slot: slot, position: $0.offset, token: $0.element) })
        }
        let rows = lengths.enumerated().map { TokenRow(slot: $0.offset, position: $0.element, token: stream[$0.offset + $0.element]) }
        try batch.forward(rows)
        for (slot, length) in lengths.enumerated() {
            let alone = try Transformer(weights: w, contextCapacity: 16)
            for position in 0...length {
                try alone.forward([TokenRow(slot: 0, position: position, token: stream[slot + position])])
            }
            let a = alone.logitsArray(0), b = batch.logitsArray(slot)
            let diff = zip(a, b).map { abs($0 - $1) }.max() ?? .infinity
            XCTAssertLessThanOrEqual(diff, 1e-5, "sequence \(slot)")
        }
    }

    /// Determinism: the same batched step on 1 and on 3 threads gives bit-identical logits, because
    /// every output element is computed by one task in a fixed order whatever the thread count.
    func testResultsAreBitIdenticalForAnyThreadCount() throws {
        let expected = try FixtureSupport.expected()
        let w = try FixtureSupport.weights()
        var results: [[Float]] = []
        for threads in [1, 3] {
            let t = try Transformer(weights: w, sequenceSlots: 1, contextCapacity: 16, threads: KernelThreads(count: threads))
            let tokens = [Tokenizer.bos] + expected.greedy_tokens.prefix(9)
            try t.forward(tokens.enumerated().map { TokenRow(slot: 0, position: $0.offset, token: $0.element) })
            results.append((0..<tokens.count).flatMap { t.logitsArray($0) })
        }
        XCTAssertEqual(results[0].map(\.bitPattern), results[1].map(\.bitPattern))
    }
}
