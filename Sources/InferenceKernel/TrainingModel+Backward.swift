import Foundation

/// The backward pass: ∂loss/∂θ for every parameter from the activations `forwardLoss` saved.
///
/// A linear layer `Y = X·Wᵀ` (W `[out, in]`) has two backward products, both run by `Matmul`:
/// `dX = dY·W` (with `Wᵀ` as the operand) and `dW += dYᵀ·X` (with `dYᵀ` as the input and `Xᵀ` as the operand).
/// RMSNorm `y = w ⊙ x·s`, `s = (mean(x²) + ε)^(−1/2)`: `dx = s·(w ⊙ dy) − (s³/n)·x·Σ_j w_j dy_j x_j`,
/// `dw += dy ⊙ x·s`. SwiGLU `g = silu(a)·b`: `da = dg·b·σ(a)(1 + a(1 − σ(a)))`, `db = dg·silu(a)`.
/// Residual connections pass the gradient through unchanged; the tied embedding receives the classifier's
/// `dW` plus each input row's gradient.
extension TrainingModel {
    /// One training step's gradients: `forwardLoss(tokens:)`, then the backward pass into `gradients`.
    /// - Returns: the loss before the update, nats per token.
    @discardableResult
    public func lossAndGradients(tokens: [[Int]]) throws -> Double {
        let loss = try forwardLoss(tokens: tokens)
        backward()
        return loss
    }

    /// Backward pass of the last `forwardLoss` (which left ∂loss/∂logits in the saved logits).
    func backward() {
        let d = dimensions, s = saved, c = scratch
        gradientBuffer.base.update(repeating: 0, count: flatCount)
        let embedding = parameter(.tokenEmbedding), dEmbedding = gradient(.tokenEmbedding)
        // Classifier (tied): d(normFinal) = dlogits · E; dE += dlogitsᵀ · normFinal.
        backwardInput(s.logits, outputs: d.vocabSize, inputs: d.dim, weight: embedding, into: c.dxb, accumulate: false)
        backwardWeight(s.logits, outputs: d.vocabSize, input: s.normFinal, inputs: d.dim, into: dEmbedding)
        c.dx.update(repeating: 0, count: s.rowsDim)
        normBackward(c.dxb, x: s.xFinal, inverse: s.invRmsFinal, weight: parameter(.rmsFinal),
                     dWeight: gradient(.rmsFinal), into: c.dx)
        for l in stride(from: d.layerCount - 1, through: 0, by: -1) {
            feedForwardBackward(layer: l)
            attentionBlockBackward(layer: l)
        }
        for (row, token) in inputs.enumerated() {
            let target = dEmbedding + token * d.dim, source = c.dx + row * d.dim
            for j in 0..<d.dim { target[j] += source[j] }
        }
    }

    /// Backward through `x_{l+1} = xMid + w2·(silu(w1·n) ⊙ w3·n)`, `n = rmsnorm(xMid)`: on entry `scratch.dx` is
    /// ∂loss/∂x_{l+1}; on exit it is ∂loss/∂xMid.
    private func feedForwardBackward(layer l: Int) {
        let d = dimensions, s = saved, c = scratch
        let mid = s.xMid + l * s.rowsDim
        let h1 = s.h1 + l * s.rowsHidden, h3 = s.h3 + l * s.rowsHidden
        gate(layer: l)
        backwardInput(c.dx, outputs: d.dim, inputs: d.hiddenDim, weight: matrix(.w2, l), into: c.dGated, accumulate: false)
        backwardWeight(c.dx, outputs: d.dim, input: c.gated, inputs: d.hiddenDim, into: gradientMatrix(.w2, l))
        let hidden = d.hiddenDim
        threads.run(rows) { r in
            let o = r * hidden
            for i in 0..<hidden {
                let a = h1[o + i], sigma = 1 / (1 + expf(-a))
                let upstream = c.dGated[o + i]
                c.dh1[o + i] = upstream * h3[o + i] * sigma * (1 + a * (1 - sigma))
                c.dh3[o + i] = upstream * a * sigma
            }
        }
        normalize(mid, weight: parameter(.rmsFFN) + l * d.dim, into: c.xb, inverse: nil)
        backwardInput(c.dh1, outputs: hidden, inputs: d.dim, weight: matrix(.w1, l), into: c.dxb, accumulate: false)
        backwardInput(c.dh3, outputs: hidden, inputs: d.dim, weight: matrix(.w3, l), into: c.dxb, accumulate: true)
        backwardWeight(c.dh1, outputs: hidden, input: c.xb, inputs: d.dim, into: gradientMatrix(.w1, l))
        backwardWeight(c.dh3, outputs: hidden, input: c.xb, inputs: d.dim, into: gradientMatrix(.w3, l))
        normBackward(c.dxb, x: mid, inverse: s.invRmsFFN + l * rows, weight: parameter(.rmsFFN) + l * d.dim,
                     dWeight: gradient(.rmsFFN) + l * d.dim, into: c.dx)
    }

    /// Backward through `xMid = x_l + wo·attention(rope(wq·n), rope(wk·n), wv·n)`, `n = rmsnorm(x_l)`: on entry
    /// `scratch.dx` is ∂loss/∂xMid; on exit ∂loss/∂x_l.
    private func attentionBlockBackward(layer l: Int) {
        let d = dimensions, s = saved, c = scratch
        let x = s.xIn + l * s.rowsDim
        backwardInput(c.dx, outputs: d.dim, inputs: d.dim, weight: matrix(.wo, l), into: c.dAttention, accumulate: false)
        backwardWeight(c.dx, outputs: d.dim, input: s.attention + l * s.rowsDim, inputs: d.dim,
                       into: gradientMatrix(.wo, l))
        attendBackward(layer: l)
        rotate(c.dq, width: d.dim, inverse: true)
        rotate(c.dk, width: d.kvDim, inverse: true)
        normalize(x, weight: parameter(.rmsAttention) + l * d.dim, into: c.xb, inverse: nil)
        backwardInput(c.dq, outputs: d.dim, inputs: d.dim, weight: matrix(.wq, l), into: c.dxb, accumulate: false)
        backwardInput(c.dk, outputs: d.kvDim, inputs: d.dim, weight: matrix(.wk, l), into: c.dxb, accumulate: true)
        backwardInput(c.dv, outputs: d.kvDim, inputs: d.dim, weight: matrix(.wv, l), into: c.dxb, accumulate: true)
        backwardWeight(c.dq, outputs: d.dim, input: c.xb, inputs: d.dim, into: gradientMatrix(.wq, l))
        backwardWeight(c.dk, outputs: d.kvDim, input: c.xb, inputs: d.dim, into: gradientMatrix(.wk, l))
        backwardWeight(c.dv, outputs: d.kvDim, input: c.xb, inputs: d.dim, into: gradientMatrix(.wv, l))
        normBackward(c.dxb, x: x, inverse: s.invRmsAttention + l * rows, weight: parameter(.rmsAttention) + l * d.dim,
                     dWeight: gradient(.rmsAttention) + l * d.dim, into: c.dx)
    }

    /// Gradient of matrix `m` of layer `l`.
    private func gradientMatrix(_ m: TrainingTensor, _ l: Int) -> UnsafeMutablePointer<Float> {
        gradientBuffer.base + (matrix(m, l) - parameterBuffer.base)
    }

    /// `dX (+)= dY · W` for `W` `[outputs, inputs]` and `dY` `[R, outputs]`, through `Wᵀ`.
    private func backwardInput(_ dY: UnsafePointer<Float>, outputs: Int, inputs: Int, weight: UnsafePointer<Float>,
                               into dX: UnsafeMutablePointer<Float>, accumulate: Bool) {
        let wT = scratch.transposedWeight
        Transpose.run(weight, rows: outputs, columns: inputs, into: wT, threads: threads)
        Matmul.run(x: dY, batch: rows, n: outputs, segments: [
            .init(weights: .float32(wT), rows: inputs, output: dX, outputStride: inputs, accumulate: accumulate),
        ], threads: threads)
    }

    /// `dW += dYᵀ · X` for `dY` `[R, outputs]`, `X` `[R, inputs]`, `dW` `[outputs, inputs]`.
    private func backwardWeight(_ dY: UnsafePointer<Float>, outputs: Int, input x: UnsafePointer<Float>, inputs: Int,
                                into dW: UnsafeMutablePointer<Float>) {
        let dYT = scratch.transposedGradient, xT = scratch.transposedInput
        Transpose.run(dY, rows: rows, columns: outputs, into: dYT, threads: threads)
        Transpose.run(x, rows: rows, columns: inputs, into: xT, threads: threads)
        Matmul.run(x: dYT, batch: outputs, n: rows, segments: [
            .init(weights: .float32(xT), rows: inputs, output: dW, outputStride: inputs, accumulate: true),
        ], threads: threads)
    }

    /// RMSNorm backward of every row: adds ∂loss/∂x to `dx` and accumulates ∂loss/∂w (rows in order, one
    /// thread, so the sum over rows has a fixed order).
    private func normBackward(_ dy: UnsafePointer<Float>, x: UnsafePointer<Float>, inverse: UnsafePointer<Float>,
                              weight: UnsafePointer<Float>, dWeight: UnsafeMutablePointer<Float>,
                              into dx: UnsafeMutablePointer<Float>) {
        let dim = dimensions.dim
        threads.run(rows) { r in
            let g = dy + r * dim, row = x + r * dim, out = dx + r * dim
            let s = inverse[r]
            var projection: Float = 0
            for j in 0..<dim { projection += weight[j] * g[j] * row[j] }
            let k = s * s * s * projection / Float(dim)
            for j in 0..<dim { out[j] += s * weight[j] * g[j] - k * row[j] }
        }
        for r in 0..<rows {
            let g = dy + r * dim, row = x + r * dim, s = inverse[r]
            for j in 0..<dim { dWeight[j] += g[j] * row[j] * s }
        }
    }
}
