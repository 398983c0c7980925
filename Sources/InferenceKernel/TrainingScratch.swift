/// Scratch buffers of a training backward pass over `R` rows (row-major, 64-byte aligned).
///
/// `xb` holds a recomputed normalised input `[R, dim]`, `gated` the recomputed `silu(w1·x) ⊙ w3·x`
/// `[R, hidden]`; the `d…` buffers are gradients of the residual stream and of each block's intermediates;
/// `transposedWeight` (`[max(vocab·dim, hidden·dim)]`), `transposedGradient` and `transposedInput`
/// (`[max(vocab, hidden) · R]`) hold the transposes that turn both backward products of a linear layer into
/// `Matmul` calls (`dX = dY·W` needs `Wᵀ`; `dW += dYᵀ·X` needs `dYᵀ` and `Xᵀ`).
final class TrainingScratch {
    let xb: UnsafeMutablePointer<Float>
    let gated: UnsafeMutablePointer<Float>
    let dx: UnsafeMutablePointer<Float>
    let dxb: UnsafeMutablePointer<Float>
    let dAttention: UnsafeMutablePointer<Float>
    let dq: UnsafeMutablePointer<Float>
    let dk: UnsafeMutablePointer<Float>
    let dv: UnsafeMutablePointer<Float>
    let dh1: UnsafeMutablePointer<Float>
    let dh3: UnsafeMutablePointer<Float>
    let dGated: UnsafeMutablePointer<Float>
    let transposedWeight: UnsafeMutablePointer<Float>
    let transposedGradient: UnsafeMutablePointer<Float>
    let transposedInput: UnsafeMutablePointer<Float>
    private let storage: [AlignedFloatBuffer]

    init(dimensions d: ModelDimensions, rows r: Int) {
        let widest = max(d.vocabSize, d.hiddenDim, d.dim)
        let sizes = [r * d.dim, r * d.hiddenDim, r * d.dim, r * d.dim, r * d.dim, r * d.dim, r * d.kvDim, r * d.kvDim,
                     r * d.hiddenDim, r * d.hiddenDim, r * d.hiddenDim, widest * max(d.dim, d.hiddenDim), widest * r,
                     widest * r]
        storage = sizes.map { AlignedFloatBuffer(count: $0, zeroed: false) }
        xb = storage[0].base
        gated = storage[1].base
        dx = storage[2].base
        dxb = storage[3].base
        dAttention = storage[4].base
        dq = storage[5].base
        dk = storage[6].base
        dv = storage[7].base
        dh1 = storage[8].base
        dh3 = storage[9].base
        dGated = storage[10].base
        transposedWeight = storage[11].base
        transposedGradient = storage[12].base
        transposedInput = storage[13].base
    }
}
