/// Scratch activations of one `Transformer`, sized for `rows` token rows (all row-major, 64-byte aligned).
final class ActivationBuffers {
    /// Residual stream `[rows, dim]`.
    let x: UnsafeMutablePointer<Float>
    /// Normalised input of a matmul `[rows, dim]`.
    let xb: UnsafeMutablePointer<Float>
    /// Attention output `[rows, dim]`.
    let attention: UnsafeMutablePointer<Float>
    /// Queries `[rows, dim]`.
    let q: UnsafeMutablePointer<Float>
    /// Keys of the step's rows `[rows, kv_dim]`.
    let k: UnsafeMutablePointer<Float>
    /// Values of the step's rows `[rows, kv_dim]`.
    let v: UnsafeMutablePointer<Float>
    /// Gate projection w1·x, then silu(w1·x) ⊙ w3·x `[rows, hidden]`.
    let hb: UnsafeMutablePointer<Float>
    /// Up projection w3·x `[rows, hidden]`.
    let hb2: UnsafeMutablePointer<Float>
    /// Final-normalised residual rows that want logits `[rows, dim]`.
    let final: UnsafeMutablePointer<Float>
    /// Logits `[rows, vocab]`.
    let logits: UnsafeMutablePointer<Float>
    private let storage: [AlignedFloatBuffer]

    /// Allocates buffers for `rows` rows of a model of shape `d`.
    init(dimensions d: ModelDimensions, rows: Int) {
        let widths = [d.dim, d.dim, d.dim, d.dim, d.kvDim, d.kvDim, d.hiddenDim, d.hiddenDim, d.dim, d.vocabSize]
        storage = widths.map { AlignedFloatBuffer(count: rows * $0) }
        x = storage[0].base
        xb = storage[1].base
        attention = storage[2].base
        q = storage[3].base
        k = storage[4].base
        v = storage[5].base
        hb = storage[6].base
        hb2 = storage[7].base
        final = storage[8].base
        logits = storage[9].base
    }
}
