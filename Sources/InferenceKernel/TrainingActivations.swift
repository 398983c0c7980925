/// What a training forward pass saves for the backward pass, for `batch` sequences of `T` positions
/// (`R = batch × T` rows, all row-major, 64-byte aligned, one slab per layer).
///
/// Per layer `l`: the residual input `x[l]` `[R, dim]`, the inverse RMS of both norms `[R]`, the rotated
/// queries and keys and the values (`[R, dim]`, `[R, kv_dim]`, `[R, kv_dim]`), the attention probabilities
/// `[batch, heads, T, T]` (causal: entries above the diagonal are 0), the attention output `[R, dim]`, the
/// residual after attention `[R, dim]` and both feed-forward pre-activations `w1·x`, `w3·x` `[R, hidden]`.
/// After the blocks: the final residual, its inverse RMS, its normalised rows and the logits `[R, vocab]`
/// (overwritten by ∂loss/∂logits once the loss is taken).
/// - Complexity: memory `R·L·(4·dim + 2·kv_dim + 2·hidden + 2) + batch·L·heads·T² + R·(2·dim + vocab + 1)` floats.
final class TrainingActivations {
    let xIn: UnsafeMutablePointer<Float>
    let invRmsAttention: UnsafeMutablePointer<Float>
    let q: UnsafeMutablePointer<Float>
    let k: UnsafeMutablePointer<Float>
    let v: UnsafeMutablePointer<Float>
    let probabilities: UnsafeMutablePointer<Float>
    let attention: UnsafeMutablePointer<Float>
    let xMid: UnsafeMutablePointer<Float>
    let invRmsFFN: UnsafeMutablePointer<Float>
    let h1: UnsafeMutablePointer<Float>
    let h3: UnsafeMutablePointer<Float>
    let xFinal: UnsafeMutablePointer<Float>
    let invRmsFinal: UnsafeMutablePointer<Float>
    let normFinal: UnsafeMutablePointer<Float>
    let logits: UnsafeMutablePointer<Float>
    /// Floats per layer of each per-layer slab.
    let rowsDim: Int, rowsKV: Int, rowsHidden: Int, probabilitiesPerLayer: Int, rows: Int
    private let storage: [AlignedFloatBuffer]

    init(dimensions d: ModelDimensions, batch: Int, sequenceLength t: Int) {
        let r = batch * t
        let L = d.layerCount
        rows = r
        rowsDim = r * d.dim
        rowsKV = r * d.kvDim
        rowsHidden = r * d.hiddenDim
        probabilitiesPerLayer = batch * d.headCount * t * t
        let sizes = [L * rowsDim, L * r, L * rowsDim, L * rowsKV, L * rowsKV, L * probabilitiesPerLayer, L * rowsDim,
                     L * rowsDim, L * r, L * rowsHidden, L * rowsHidden, rowsDim, r, rowsDim, r * d.vocabSize]
        storage = sizes.map { AlignedFloatBuffer(count: $0, zeroed: false) }
        xIn = storage[0].base
        invRmsAttention = storage[1].base
        q = storage[2].base
        k = storage[3].base
        v = storage[4].base
        probabilities = storage[5].base
        attention = storage[6].base
        xMid = storage[7].base
        invRmsFFN = storage[8].base
        h1 = storage[9].base
        h3 = storage[10].base
        xFinal = storage[11].base
        invRmsFinal = storage[12].base
        normFinal = storage[13].base
        logits = storage[14].base
    }
}
