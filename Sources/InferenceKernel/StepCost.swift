/// The work of one forward step (a prefill pass or one batched decode step): FLOPs and bytes moved.
///
/// Produced by `KernelAccounting`; all fields are totals for the whole step (every sequence in the
/// batch), not per token. Counts are `Double` because bytes per weight may be fractional (4-bit
/// weights are 0.5 B) and a 70B-parameter step exceeds 2³² easily; every count that the kernel itself
/// produces is an integer well below 2⁵³, so it is exact.
public struct StepCost: Sendable, Equatable, Codable {
    /// Tokens the step processes (batch size for decode, prompt length for prefill).
    public var tokens: Int
    /// FLOPs of the weight matrix products (2 per multiply-add), classifier included.
    public var matmulFlops: Double
    /// FLOPs of attention: the q·k scores and the probability-weighted sum of values (2 per multiply-add).
    public var attentionFlops: Double
    /// Bytes of weights read from memory (each weight matrix once per step, whatever the batch).
    public var weightBytes: Double
    /// Bytes of token-embedding rows read (one row of `dim` weights per token).
    public var embeddingBytes: Double
    /// Bytes of key/value cache read by attention.
    public var kvCacheReadBytes: Double
    /// Bytes of key/value cache written (one key and one value vector per layer per token).
    public var kvCacheWriteBytes: Double

    /// Creates a cost from its parts.
    public init(tokens: Int, matmulFlops: Double, attentionFlops: Double, weightBytes: Double,
                embeddingBytes: Double, kvCacheReadBytes: Double, kvCacheWriteBytes: Double) {
        self.tokens = tokens
        self.matmulFlops = matmulFlops
        self.attentionFlops = attentionFlops
        self.weightBytes = weightBytes
        self.embeddingBytes = embeddingBytes
        self.kvCacheReadBytes = kvCacheReadBytes
        self.kvCacheWriteBytes = kvCacheWriteBytes
    }

    /// All FLOPs of the step.
    public var flops: Double { matmulFlops + attentionFlops }
    /// All bytes moved by the step: weights, embedding rows, KV cache reads and writes.
    public var bytes: Double { weightBytes + embeddingBytes + kvCacheReadBytes + kvCacheWriteBytes }
    /// FLOPs per token.
    public var flopsPerToken: Double { tokens > 0 ? flops / Double(tokens) : 0 }
    /// Bytes moved per token.
    public var bytesPerToken: Double { tokens > 0 ? bytes / Double(tokens) : 0 }
    /// Arithmetic intensity in FLOP/byte: where the step sits on a roofline.
    public var arithmeticIntensity: Double { bytes > 0 ? flops / bytes : 0 }

    /// Lower bound on the step time in seconds by the roofline: the larger of compute and memory time.
    /// - Parameters:
    ///   - peakFlopsPerSecond: sustained compute rate, FLOP/s.
    ///   - bandwidthBytesPerSecond: sustained memory bandwidth, B/s.
    public func rooflineSeconds(peakFlopsPerSecond: Double, bandwidthBytesPerSecond: Double) -> Double {
        max(flops / peakFlopsPerSecond, bytes / bandwidthBytesPerSecond)
    }

    /// The sum of two step costs (e.g. a prefill followed by decode steps).
    public static func + (a: StepCost, b: StepCost) -> StepCost {
        StepCost(tokens: a.tokens + b.tokens, matmulFlops: a.matmulFlops + b.matmulFlops,
                 attentionFlops: a.attentionFlops + b.attentionFlops, weightBytes: a.weightBytes + b.weightBytes,
                 embeddingBytes: a.embeddingBytes + b.embeddingBytes,
                 kvCacheReadBytes: a.kvCacheReadBytes + b.kvCacheReadBytes,
                 kvCacheWriteBytes: a.kvCacheWriteBytes + b.kvCacheWriteBytes)
    }

    private enum CodingKeys: String, CodingKey {
        case tokens, matmulFlops = "matmul_flops", attentionFlops = "attention_flops"
        case weightBytes = "weight_bytes", embeddingBytes = "embedding_bytes"
        case kvCacheReadBytes = "kv_cache_read_bytes", kvCacheWriteBytes = "kv_cache_write_bytes"
    }
}
