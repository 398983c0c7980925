import XCTest
@testable import InferenceKernel

/// Greedy, temperature and top-p sampling.
final class SamplerTests: XCTestCase {
    private func sample(_ sampler: inout Sampler, _ logits: [Float]) -> Int {
        logits.withUnsafeBufferPointer { sampler.sample($0) }
    }

    /// Temperature 0 is argmax, the first index on ties.
    func testGreedyIsFirstArgmax() throws {
        var s = try Sampler(temperature: 0, topP: 0.9, seed: 1)
        XCTAssertEqual(sample(&s, [0.1, 3, -2, 3]), 1)
    }

    /// Probabilities 1/2, 1/4, 1/4 (logits ln p, temperature 1, no top-p): over 40000 seeded draws the
    /// frequencies are within 4 standard errors (sqrt(p(1−p)/n) ≤ 0.0025, so ±0.01) of p.
    func testTemperatureSamplingFollowsSoftmax() throws {
        var s = try Sampler(temperature: 1, topP: 1, seed: 5)
        let logits = [log(Float(0.5)), log(Float(0.25)), log(Float(0.25))]
        var counts = [0, 0, 0]
        for _ in 0..<40000 { counts[sample(&s, logits)] += 1 }
        XCTAssertEqual(Double(counts[0]) / 40000, 0.5, accuracy: 0.01)
        XCTAssertEqual(Double(counts[1]) / 40000, 0.25, accuracy: 0.01)
    }

    /// Top-p with probabilities 0.6, 0.3, 0.1: top-p 0.5 keeps only the first token (0.6 > 0.5);
    /// top-p 0.8 keeps the first two (0.9 > 0.8), never the third.
    func testTopPKeepsTheNucleus() throws {
        let logits = [log(Float(0.6)), log(Float(0.3)), log(Float(0.1))]
        var narrow = try Sampler(temperature: 1, topP: 0.5, seed: 2)
        XCTAssertTrue((0..<500).allSatisfy { _ in sample(&narrow, logits) == 0 })
        var wide = try Sampler(temperature: 1, topP: 0.8, seed: 2)
        let drawn = Set((0..<2000).map { _ in sample(&wide, logits) })
        XCTAssertEqual(drawn, [0, 1])
    }

    /// Same seed and stream ⇒ same draws; another stream ⇒ a different sequence.
    func testSeededStreams() throws {
        let logits = (0..<50).map { Float($0 % 7) * 0.3 }
        var a = try Sampler(temperature: 1, topP: 0.9, seed: 3, stream: 0)
        var b = try Sampler(temperature: 1, topP: 0.9, seed: 3, stream: 0)
        var c = try Sampler(temperature: 1, topP: 0.9, seed: 3, stream: 1)
        let sa = (0..<64).map { _ in sample(&a, logits) }
        XCTAssertEqual(sa, (0..<64).map { _ in sample(&b, logits) })
        XCTAssertNotEqual(sa, (0..<64).map { _ in sample(&c, logits) })
    }
}
