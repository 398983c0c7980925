import Foundation

/// Picks the next token from logits: greedy, temperature, or nucleus (top-p), as llama2.c's `sample`.
///
/// Seeded: the same seed and logits give the same tokens. Each sequence of a batch owns a sampler
/// whose stream is derived from the run seed and the sequence index.
public struct Sampler: Sendable {
    /// Softmax temperature; 0 means greedy argmax.
    public let temperature: Float
    /// Nucleus mass in (0, 1); values ≤ 0 or ≥ 1 sample from the full distribution.
    public let topP: Float
    private var rng: SplitMix64

    /// Creates a sampler.
    /// - Throws: `KernelError.invalidArgument` for a negative or non-finite temperature or a
    ///   non-finite top-p.
    public init(temperature: Float, topP: Float, seed: UInt64, stream: UInt64 = 0) throws {
        guard temperature.isFinite, temperature >= 0 else {
            throw KernelError.invalidArgument("temperature must be a finite number ≥ 0, got \(temperature)")
        }
        guard topP.isFinite else { throw KernelError.invalidArgument("top-p must be finite, got \(topP)") }
        self.temperature = temperature
        self.topP = topP
        rng = SplitMix64(seed: seed, stream: stream)
    }

    /// The index of the largest logit (the first one on ties), llama2.c `sample_argmax`.
    public static func argmax(_ logits: UnsafeBufferPointer<Float>) -> Int {
        var best = 0
        var bestValue = logits[0]
        for i in 1..<logits.count where logits[i] > bestValue {
            best = i
            bestValue = logits[i]
        }
        return best
    }

    /// Samples a token from `logits` (not modified).
    ///
    /// Temperature 0: argmax. Otherwise the logits are divided by the temperature and soft-maxed; a
    /// uniform coin in [0, 1) then walks the cumulative distribution (`sample_mult`), or, with
    /// 0 < top-p < 1, the smallest set of most probable tokens whose mass exceeds top-p, after dropping
    /// tokens below `(1 − top_p)/(n − 1)` as llama2.c does (`sample_topp`).
    /// - Complexity: O(vocab) plus O(k log k) for the k tokens kept by top-p.
    public mutating func sample(_ logits: UnsafeBufferPointer<Float>) -> Int {
        if temperature == 0 { return Self.argmax(logits) }
        var probabilities = logits.map { $0 / temperature }
        probabilities.withUnsafeMutableBufferPointer { VectorOps.softmax($0.baseAddress!, $0.count) }
        let coin = rng.nextUnitFloat()
        if topP <= 0 || topP >= 1 {
            var cdf: Float = 0
            for (i, p) in probabilities.enumerated() {
                cdf += p
                if coin < cdf { return i }
            }
            return probabilities.count - 1
        }
        let cutoff = (1 - topP) / Float(max(probabilities.count - 1, 1))
        var candidates: [(index: Int, probability: Float)] = []
        for (i, p) in probabilities.enumerated() where p >= cutoff { candidates.append((i, p)) }
        if candidates.isEmpty { return Self.argmax(logits) }
        candidates.sort { $0.probability > $1.probability || ($0.probability == $1.probability && $0.index < $1.index) }
        var cumulative: Float = 0
        var last = candidates.count - 1
        for (i, candidate) in candidates.enumerated() {
            cumulative += candidate.probability
            if cumulative > topP {
                last = i
                break
            }
        }
        let r = coin * cumulative
        var cdf: Float = 0
        for candidate in candidates[0...last] {
            cdf += candidate.probability
            if r < cdf { return candidate.index }
        }
        return candidates[last].index
    }
}
