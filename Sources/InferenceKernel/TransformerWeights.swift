/// The weights of a Llama-2-architecture transformer, laid out as in llama2.c's legacy checkpoint.
///
/// Every tensor is `Float32`, row-major `(out, in)`, with all layers of one kind stacked:
/// - `tokenEmbedding`: `[vocab, dim]`
/// - `rmsAttention`, `rmsFFN`: `[L, dim]`; `rmsFinal`: `[dim]`
/// - `wq`, `wo`: `[L, dim, dim]`; `wk`, `wv`: `[L, kv_dim, dim]`
/// - `w1`, `w3`: `[L, hidden, dim]`; `w2`: `[L, dim, hidden]`
/// - `classifier`: `[vocab, dim]` (the same memory as `tokenEmbedding` when shared)
///
/// The memory is either a read-only map of a checkpoint file (see `init(checkpointPath:)`) or an
/// owned, 64-byte-aligned buffer of synthetic weights (see `synthetic(dimensions:seed:)`); the
/// pointers stay valid for the object's lifetime and are never written.
public final class TransformerWeights: @unchecked Sendable {
    /// Shape of the model.
    public let dimensions: ModelDimensions
    /// Whether the classifier is the token-embedding table (llama2.c: positive `vocab_size` in the header).
    public let sharedClassifier: Bool
    /// Where the weights came from, for result files: a checkpoint file name or `synthetic`.
    public let origin: WeightOrigin

    let tokenEmbedding: UnsafePointer<Float>
    let rmsAttention: UnsafePointer<Float>
    let wq: UnsafePointer<Float>
    let wk: UnsafePointer<Float>
    let wv: UnsafePointer<Float>
    let wo: UnsafePointer<Float>
    let rmsFFN: UnsafePointer<Float>
    let w1: UnsafePointer<Float>
    let w2: UnsafePointer<Float>
    let w3: UnsafePointer<Float>
    let rmsFinal: UnsafePointer<Float>
    let classifier: UnsafePointer<Float>
    /// Keeps the memory behind the pointers alive (a `MappedFile` or an `AlignedFloatBuffer`).
    private let owner: AnyObject

    /// Builds the tensor views over `base`, which holds the tensors in checkpoint order, each starting
    /// at `offsets[i]` floats (the order of `TensorLayout.Tensor`).
    init(dimensions: ModelDimensions, sharedClassifier: Bool, origin: WeightOrigin, base: UnsafePointer<Float>,
         layout: TensorLayout, owner: AnyObject) {
        self.dimensions = dimensions
        self.sharedClassifier = sharedClassifier
        self.origin = origin
        self.owner = owner
        tokenEmbedding = base + layout.offset(.tokenEmbedding)
        rmsAttention = base + layout.offset(.rmsAttention)
        wq = base + layout.offset(.wq)
        wk = base + layout.offset(.wk)
        wv = base + layout.offset(.wv)
        wo = base + layout.offset(.wo)
        rmsFFN = base + layout.offset(.rmsFFN)
        w1 = base + layout.offset(.w1)
        w2 = base + layout.offset(.w2)
        w3 = base + layout.offset(.w3)
        rmsFinal = base + layout.offset(.rmsFinal)
        classifier = sharedClassifier ? tokenEmbedding : base + layout.offset(.classifier)
    }

    /// Total weight elements (shared classifier counted once; legacy RoPE tables excluded).
    public var parameterCount: Int { dimensions.parameterCount(sharedClassifier: sharedClassifier) }

    // Per-layer views. `l` must be in 0..<layerCount (checked by the caller).
    @inline(__always) func rmsAttention(_ l: Int) -> UnsafePointer<Float> { rmsAttention + l * dimensions.dim }
    @inline(__always) func rmsFFN(_ l: Int) -> UnsafePointer<Float> { rmsFFN + l * dimensions.dim }
    @inline(__always) func wq(_ l: Int) -> UnsafePointer<Float> { wq + l * dimensions.dim * dimensions.dim }
    @inline(__always) func wk(_ l: Int) -> UnsafePointer<Float> { wk + l * dimensions.kvDim * dimensions.dim }
    @inline(__always) func wv(_ l: Int) -> UnsafePointer<Float> { wv + l * dimensions.kvDim * dimensions.dim }
    @inline(__always) func wo(_ l: Int) -> UnsafePointer<Float> { wo + l * dimensions.dim * dimensions.dim }
    @inline(__always) func w1(_ l: Int) -> UnsafePointer<Float> { w1 + l * dimensions.hiddenDim * dimensions.dim }
    @inline(__always) func w2(_ l: Int) -> UnsafePointer<Float> { w2 + l * dimensions.dim * dimensions.hiddenDim }
    @inline(__always) func w3(_ l: Int) -> UnsafePointer<Float> { w3 + l * dimensions.hiddenDim * dimensions.dim }
}
