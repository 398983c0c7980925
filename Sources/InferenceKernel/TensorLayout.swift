/// Where each tensor of a llama2.c legacy checkpoint starts, in floats from the first tensor.
///
/// Order (llama2.c `export.py` `legacy_export`): token_embedding, rms_att, wq, wk, wv, wo, rms_ffn,
/// w1, w2, w3, rms_final, two RoPE tables `[seq_len, head_size/2]` each (unused), then the classifier
/// only when it is not shared. With `alignment > 1` every tensor starts on a multiple of `alignment`
/// floats (used for synthetic weights so that SIMD loads never straddle cache lines), and the RoPE
/// tables can be left out.
struct TensorLayout {
    /// The tensors in file order.
    enum Tensor: Int, CaseIterable {
        case tokenEmbedding, rmsAttention, wq, wk, wv, wo, rmsFFN, w1, w2, w3, rmsFinal, ropeTables, classifier
    }

    /// Offsets (floats) of each tensor, indexed by `Tensor.rawValue`.
    private(set) var offsets: [Int]
    /// Number of floats of each tensor, indexed by `Tensor.rawValue`.
    private(set) var counts: [Int]
    /// Floats from the first tensor to the end of the last one.
    private(set) var totalFloats: Int

    /// Computes the layout.
    /// - Parameters:
    ///   - d: validated dimensions.
    ///   - sharedClassifier: whether the classifier tensor is absent (shared with the embedding).
    ///   - includeRopeTables: whether the two legacy RoPE tables are present (true for files).
    ///   - alignment: each tensor starts on a multiple of this many floats.
    init(_ d: ModelDimensions, sharedClassifier: Bool, includeRopeTables: Bool, alignment: Int = 1) {
        let L = d.layerCount
        let sizes: [Tensor: Int] = [
            .tokenEmbedding: d.vocabSize * d.dim, .rmsAttention: L * d.dim, .wq: L * d.dim * d.dim,
            .wk: L * d.kvDim * d.dim, .wv: L * d.kvDim * d.dim, .wo: L * d.dim * d.dim, .rmsFFN: L * d.dim,
            .w1: L * d.hiddenDim * d.dim, .w2: L * d.dim * d.hiddenDim, .w3: L * d.hiddenDim * d.dim,
            .rmsFinal: d.dim, .ropeTables: includeRopeTables ? d.maxSequenceLength * d.headSize : 0,
            .classifier: sharedClassifier ? 0 : d.vocabSize * d.dim,
        ]
        var offsets = [Int](repeating: 0, count: Tensor.allCases.count)
        var counts = offsets
        var cursor = 0
        for tensor in Tensor.allCases {
            cursor = (cursor + alignment - 1) / alignment * alignment
            offsets[tensor.rawValue] = cursor
            counts[tensor.rawValue] = sizes[tensor] ?? 0
            cursor += counts[tensor.rawValue]
        }
        self.offsets = offsets
        self.counts = counts
        self.totalFloats = cursor
    }

    /// Offset of `tensor` in floats.
    func offset(_ tensor: Tensor) -> Int { offsets[tensor.rawValue] }

    /// Number of floats of `tensor` (alignment padding excluded).
    func count(_ tensor: Tensor) -> Int { counts[tensor.rawValue] }
}
