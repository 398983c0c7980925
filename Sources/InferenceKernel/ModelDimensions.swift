/// The shape of a Llama-2-architecture transformer: everything FLOP and byte counts depend on.
///
/// The fields are those of llama2.c's `Config` (`dim`, `hidden_dim`, `n_layers`, `n_heads`,
/// `n_kv_heads`, `vocab_size`, `seq_len`). The type is deliberately free of any weights so that the
/// serving model can describe a 70-billion-parameter model it never loads, e.g.
/// `ModelDimensions(dim: 8192, hiddenDim: 28672, layerCount: 80, headCount: 64, kvHeadCount: 8,
/// vocabSize: 32000, maxSequenceLength: 4096)` (Llama-2-70B, Touvron et al. 2023, table 1 / HF config).
public struct ModelDimensions: Sendable, Hashable, Codable {
    /// Width of the residual stream (model dimension), in elements.
    public var dim: Int
    /// Width of the SwiGLU feed-forward layer, in elements.
    public var hiddenDim: Int
    /// Number of transformer blocks.
    public var layerCount: Int
    /// Number of query heads.
    public var headCount: Int
    /// Number of key/value heads (grouped-query attention when smaller than `headCount`).
    public var kvHeadCount: Int
    /// Number of tokens in the vocabulary (rows of the embedding and classifier).
    public var vocabSize: Int
    /// Longest context the model was built for (llama2.c `seq_len`), in positions.
    public var maxSequenceLength: Int

    /// Creates dimensions without validating them; call `validate(source:)` before building a model.
    public init(dim: Int, hiddenDim: Int, layerCount: Int, headCount: Int, kvHeadCount: Int,
                vocabSize: Int, maxSequenceLength: Int) {
        self.dim = dim
        self.hiddenDim = hiddenDim
        self.layerCount = layerCount
        self.headCount = headCount
        self.kvHeadCount = kvHeadCount
        self.vocabSize = vocabSize
        self.maxSequenceLength = maxSequenceLength
    }

    /// Elements per attention head: `dim / headCount`.
    public var headSize: Int { dim / headCount }
    /// Width of the key and value projections: `dim × kvHeadCount / headCount`.
    public var kvDim: Int { dim * kvHeadCount / headCount }
    /// Query heads sharing one key/value head: `headCount / kvHeadCount`.
    public var queryGroupSize: Int { headCount / kvHeadCount }

    /// Weight elements of one transformer block: two RMSNorm vectors, wq, wk, wv, wo, w1, w2, w3.
    public var parametersPerLayer: Int {
        2 * dim + 2 * dim * dim + 2 * kvDim * dim + 3 * hiddenDim * dim
    }

    /// Weight elements read by one forward step, whatever the batch: every block, the final RMSNorm
    /// and the classifier (`vocab × dim`). The token-embedding table is not read as a whole (only the
    /// rows of the step's tokens), so it is not included.
    public var parametersReadPerStep: Int {
        layerCount * parametersPerLayer + dim + vocabSize * dim
    }

    /// Total weight elements stored (the two unused legacy RoPE tables of the file format excluded).
    /// - Parameter sharedClassifier: whether the classifier is the token-embedding table (llama2.c default).
    public func parameterCount(sharedClassifier: Bool) -> Int {
        vocabSize * dim + layerCount * parametersPerLayer + dim + (sharedClassifier ? 0 : vocabSize * dim)
    }

    /// Checks that a transformer of this shape can exist and be run by this kernel.
    ///
    /// Rejects zero or negative sizes, `headCount` not dividing `dim`, `kvHeadCount` not dividing
    /// `headCount`, an odd head size (RoPE rotates pairs) and sizes so large that byte counts overflow.
    /// - Parameter source: what the dimensions came from (a file path or a preset name), for the message.
    public func validate(source: String) throws {
        let fields: [(String, Int)] = [
            ("dim", dim), ("hidden_dim", hiddenDim), ("n_layers", layerCount), ("n_heads", headCount),
            ("n_kv_heads", kvHeadCount), ("vocab_size", vocabSize), ("seq_len", maxSequenceLength),
        ]
        for (name, value) in fields where value <= 0 {
            throw KernelError.invalidDimensions(source: source, reason: "\(name) is \(value), must be positive")
        }
        // Assumption: bounds far above any released Llama model (Llama-3-405B: dim 16384, hidden 53248,
        // 126 layers, vocab 128256) but low enough that every byte count below fits in an Int.
        let limits: [(String, Int, Int)] = [
            ("dim", dim, 1 << 16), ("hidden_dim", hiddenDim, 1 << 18), ("n_layers", layerCount, 1 << 10),
            ("vocab_size", vocabSize, 1 << 22), ("seq_len", maxSequenceLength, 1 << 22),
        ]
        for (name, value, limit) in limits where value > limit {
            throw KernelError.invalidDimensions(source: source, reason: "\(name) is \(value), above the limit \(limit)")
        }
        guard dim % headCount == 0 else {
            throw KernelError.invalidDimensions(source: source,
                reason: "n_heads \(headCount) does not divide dim \(dim)")
        }
        guard kvHeadCount <= headCount, headCount % kvHeadCount == 0 else {
            throw KernelError.invalidDimensions(source: source,
                reason: "n_kv_heads \(kvHeadCount) does not divide n_heads \(headCount)")
        }
        guard headSize % 2 == 0 else {
            throw KernelError.invalidDimensions(source: source,
                reason: "head size dim/n_heads = \(headSize) is odd; RoPE rotates pairs of elements")
        }
    }

    /// The header as llama2.c prints it, for messages: `dim=64 hidden_dim=172 …`.
    public var headerDescription: String {
        "dim=\(dim) hidden_dim=\(hiddenDim) n_layers=\(layerCount) n_heads=\(headCount) "
            + "n_kv_heads=\(kvHeadCount) vocab_size=\(vocabSize) seq_len=\(maxSequenceLength)"
    }

    private enum CodingKeys: String, CodingKey {
        case dim, hiddenDim = "hidden_dim", layerCount = "n_layers", headCount = "n_heads"
        case kvHeadCount = "n_kv_heads", vocabSize = "vocab_size", maxSequenceLength = "seq_len"
    }
}
