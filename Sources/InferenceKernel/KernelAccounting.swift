/// Exact FLOP and byte counts of the Llama-2 forward pass, as pure functions of the model's shape.
///
/// Counting rules (the same for this CPU kernel and for a projected GPU, only the byte widths change):
/// - A multiply-add is 2 FLOPs. Only matrix products are counted: the weight matmuls (wq, wk, wv, wo,
///   w1, w2, w3 per layer and the `vocab × dim` classifier) and attention's two products. RMSNorm,
///   RoPE, softmax, SiLU, the gate product and residual adds are O(dim) per token and not counted
///   (for the 110M preset they are < 0.1 % of the matmul FLOPs).
/// - Matmul FLOPs per token: `2 × (L × (2·dim² + 2·kv_dim·dim + 3·hidden·dim) + vocab·dim)`.
/// - Attention FLOPs per token attending `c` positions (its own included): q·k over every head is
///   `n_heads × head_size × c = dim × c` multiply-adds, and the weighted sum of values the same, so
///   `2 × 2 × dim × c` per layer, `4 · dim · c · L` in all. Grouped-query attention does not change
///   the FLOPs (each query head still scores every position), only the bytes.
/// - Weights are read once per step, whatever the batch: every block's RMSNorm vectors and matrices,
///   the final RMSNorm and the classifier, `parametersReadPerStep × bytesPerWeight`. Each token
///   also reads its own embedding row (`dim × bytesPerWeight`).
/// - The KV cache is held at activation precision: each token writes one key and one value vector per
///   layer (`2 · kv_dim · L × bytesPerActivation`); decode reads all `c` cached positions of its
///   sequence (`2 · kv_dim · L · c × bytesPerActivation`, its own just-written entry included).
///   Prefill reads each cached position once for the whole chunk (assumes a tiled attention that keeps
///   the chunk's keys on chip — a lower bound; the CPU kernel re-reads from cache, not from DRAM).
/// - Activations other than the KV cache stay in cache/registers and are not counted as bytes moved.
public enum KernelAccounting {
    /// Matmul FLOPs for one token: all weight matrix products of every layer, plus the classifier if asked.
    public static func matmulFlopsPerToken(_ d: ModelDimensions, includeClassifier: Bool = true) -> Double {
        let perLayer = 2 * d.dim * d.dim + 2 * d.kvDim * d.dim + 3 * d.hiddenDim * d.dim
        let macs = d.layerCount * perLayer + (includeClassifier ? d.vocabSize * d.dim : 0)
        return 2 * Double(macs)
    }

    /// Attention FLOPs for one token attending `contextLength` positions (its own included): `4·dim·c·L`.
    public static func attentionFlopsPerToken(_ d: ModelDimensions, contextLength: Int) -> Double {
        4 * Double(d.dim) * Double(contextLength) * Double(d.layerCount)
    }

    /// Bytes of weights one step reads: `parametersReadPerStep × bytesPerWeight`.
    public static func weightBytesPerStep(_ d: ModelDimensions, bytesPerWeight: Double) -> Double {
        Double(d.parametersReadPerStep) * bytesPerWeight
    }

    /// Bytes of KV cache one token writes: `2 · kv_dim · L × bytesPerActivation`.
    public static func kvBytesPerPosition(_ d: ModelDimensions, bytesPerActivation: Double) -> Double {
        2 * Double(d.kvDim) * Double(d.layerCount) * bytesPerActivation
    }

    /// One batched decode step: every sequence advances one token.
    ///
    /// - Parameters:
    ///   - contextLengths: for each sequence of the batch, the positions its new token attends
    ///     (position + 1). The batch size is `contextLengths.count`.
    ///   - bytesPerWeight: bytes per stored weight (4 for Float32, 2 for BF16, 1 for FP8, 0.5 for 4-bit).
    ///   - bytesPerActivation: bytes per KV-cache element.
    /// - Complexity: O(batch).
    public static func decodeStep(_ d: ModelDimensions, contextLengths: [Int], bytesPerWeight: Double,
                                  bytesPerActivation: Double) -> StepCost {
        let batch = contextLengths.count
        let totalContext = Double(contextLengths.reduce(0, +))
        return StepCost(
            tokens: batch,
            matmulFlops: Double(batch) * matmulFlopsPerToken(d),
            attentionFlops: 4 * Double(d.dim) * totalContext * Double(d.layerCount),
            weightBytes: batch > 0 ? weightBytesPerStep(d, bytesPerWeight: bytesPerWeight) : 0,
            embeddingBytes: Double(batch * d.dim) * bytesPerWeight,
            kvCacheReadBytes: totalContext * kvBytesPerPosition(d, bytesPerActivation: bytesPerActivation),
            kvCacheWriteBytes: Double(batch) * kvBytesPerPosition(d, bytesPerActivation: bytesPerActivation))
    }

    /// One batched decode step where all `batch` sequences attend `contextLength` positions.
    public static func decodeStep(_ d: ModelDimensions, batch: Int, contextLength: Int, bytesPerWeight: Double,
                                  bytesPerActivation: Double) -> StepCost {
        decodeStep(d, contextLengths: Array(repeating: contextLength, count: max(batch, 0)),
                   bytesPerWeight: bytesPerWeight, bytesPerActivation: bytesPerActivation)
    }

    /// A prefill pass: `promptLength` tokens of one sequence processed as one batch, appended after
    /// `priorContext` already-cached positions, with the classifier applied to `logitRows` of them
    /// (1 in generation: only the last prompt token's logits are needed).
    ///
    /// Token `i` (0-based) attends `priorContext + i + 1` positions, so attention FLOPs are
    /// `4·dim·L·(n·priorContext + n(n+1)/2)`.
    public static func prefill(_ d: ModelDimensions, promptLength n: Int, priorContext: Int = 0, logitRows: Int = 1,
                               bytesPerWeight: Double, bytesPerActivation: Double) -> StepCost {
        let attended = Double(n) * Double(priorContext) + Double(n) * Double(n + 1) / 2
        let perPosition = kvBytesPerPosition(d, bytesPerActivation: bytesPerActivation)
        return StepCost(
            tokens: n,
            matmulFlops: Double(n) * matmulFlopsPerToken(d, includeClassifier: false)
                + Double(logitRows) * 2 * Double(d.vocabSize * d.dim),
            attentionFlops: 4 * Double(d.dim) * Double(d.layerCount) * attended,
            weightBytes: n > 0 ? weightBytesPerStep(d, bytesPerWeight: bytesPerWeight) : 0,
            embeddingBytes: Double(n * d.dim) * bytesPerWeight,
            kvCacheReadBytes: n > 0 ? Double(priorContext + n) * perPosition : 0,
            kvCacheWriteBytes: Double(n) * perPosition)
    }
}
