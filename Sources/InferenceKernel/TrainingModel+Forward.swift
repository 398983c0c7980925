import Foundation

/// The training forward pass: the inference kernel's block (RMSNorm, fused q/k/v, RoPE, causal GQA attention,
/// `wo`, RMSNorm, SwiGLU, `w2`, tied classifier) over whole sequences, saving what the backward pass needs,
/// then the mean cross-entropy of the next-token targets.
extension TrainingModel {
    /// Forward pass and loss over `tokens` (`batch` sequences of `sequenceLength + 1` tokens); leaves
    /// ∂loss/∂logits in the saved logits for `backward()`.
    ///
    /// Loss = (1/R) Σ_r −log softmax(logits_r)[target_r] over the `R = batch × T` rows, in nats; the
    /// gradient of row r is (softmax(logits_r) − onehot(target_r)) / R.
    /// - Throws: `KernelError.invalidArgument` for a wrong number of sequences or tokens, or a token outside
    ///   the vocabulary.
    @discardableResult
    public func forwardLoss(tokens: [[Int]]) throws -> Double {
        try setRows(tokens)
        let d = dimensions, s = saved, r = rows
        for (row, token) in inputs.enumerated() {
            (s.xIn + row * d.dim).update(from: parameter(.tokenEmbedding) + token * d.dim, count: d.dim)
        }
        for l in 0..<d.layerCount {
            let x = s.xIn + l * s.rowsDim
            let q = s.q + l * s.rowsDim, k = s.k + l * s.rowsKV, v = s.v + l * s.rowsKV
            normalize(x, weight: parameter(.rmsAttention) + l * d.dim, into: scratch.xb, inverse: s.invRmsAttention + l * r)
            Matmul.run(x: scratch.xb, batch: r, n: d.dim, segments: [
                .init(weights: .float32(matrix(.wq, l)), rows: d.dim, output: q, outputStride: d.dim),
                .init(weights: .float32(matrix(.wk, l)), rows: d.kvDim, output: k, outputStride: d.kvDim),
                .init(weights: .float32(matrix(.wv, l)), rows: d.kvDim, output: v, outputStride: d.kvDim),
            ], threads: threads)
            rotate(q, width: d.dim, inverse: false)
            rotate(k, width: d.kvDim, inverse: false)
            attendForward(layer: l)
            let mid = s.xMid + l * s.rowsDim
            mid.update(from: x, count: s.rowsDim)
            Matmul.run(x: s.attention + l * s.rowsDim, batch: r, n: d.dim, segments: [
                .init(weights: .float32(matrix(.wo, l)), rows: d.dim, output: mid, outputStride: d.dim, accumulate: true),
            ], threads: threads)
            normalize(mid, weight: parameter(.rmsFFN) + l * d.dim, into: scratch.xb, inverse: s.invRmsFFN + l * r)
            let h1 = s.h1 + l * s.rowsHidden, h3 = s.h3 + l * s.rowsHidden
            Matmul.run(x: scratch.xb, batch: r, n: d.dim, segments: [
                .init(weights: .float32(matrix(.w1, l)), rows: d.hiddenDim, output: h1, outputStride: d.hiddenDim),
                .init(weights: .float32(matrix(.w3, l)), rows: d.hiddenDim, output: h3, outputStride: d.hiddenDim),
            ], threads: threads)
            gate(layer: l)
            let next = l + 1 < d.layerCount ? s.xIn + (l + 1) * s.rowsDim : s.xFinal
            next.update(from: mid, count: s.rowsDim)
            Matmul.run(x: scratch.gated, batch: r, n: d.hiddenDim, segments: [
                .init(weights: .float32(matrix(.w2, l)), rows: d.dim, output: next, outputStride: d.dim, accumulate: true),
            ], threads: threads)
        }
        normalize(s.xFinal, weight: parameter(.rmsFinal), into: s.normFinal, inverse: s.invRmsFinal)
        Matmul.run(x: s.normFinal, batch: r, n: d.dim, segments: [
            .init(weights: .float32(parameter(.tokenEmbedding)), rows: d.vocabSize, output: s.logits,
                  outputStride: d.vocabSize),
        ], threads: threads)
        return crossEntropy()
    }

    /// Checks and records the inputs and targets of a step.
    private func setRows(_ tokens: [[Int]]) throws {
        guard tokens.count == batch else {
            throw KernelError.invalidArgument("training step needs \(batch) sequences, got \(tokens.count)")
        }
        var ins: [Int] = [], outs: [Int] = []
        ins.reserveCapacity(rows)
        outs.reserveCapacity(rows)
        for (b, sequence) in tokens.enumerated() {
            guard sequence.count == sequenceLength + 1 else {
                throw KernelError.invalidArgument(
                    "sequence \(b) has \(sequence.count) tokens, a step needs \(sequenceLength + 1)")
            }
            if let bad = sequence.first(where: { $0 < 0 || $0 >= dimensions.vocabSize }) {
                throw KernelError.invalidArgument("token \(bad) outside the vocabulary 0..<\(dimensions.vocabSize)")
            }
            ins += sequence.dropLast()
            outs += sequence.dropFirst()
        }
        inputs = ins
        targets = outs
    }

    /// Matrix `m` of layer `l` in the parameters.
    func matrix(_ m: TrainingTensor, _ l: Int) -> UnsafeMutablePointer<Float> {
        let d = dimensions
        let perLayer: Int
        switch m {
        case .wq, .wo: perLayer = d.dim * d.dim
        case .wk, .wv: perLayer = d.kvDim * d.dim
        case .w1, .w2, .w3: perLayer = d.hiddenDim * d.dim
        case .tokenEmbedding, .rmsAttention, .rmsFFN, .rmsFinal: perLayer = 0
        }
        return parameter(m.layoutTensor) + l * perLayer
    }

    /// RMSNorm of every row of `x` into `out` (llama2.c order), saving `1/sqrt(mean(x²) + ε)` per row.
    func normalize(_ x: UnsafePointer<Float>, weight: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>,
                   inverse: UnsafeMutablePointer<Float>?) {
        let dim = dimensions.dim
        threads.run(rows) { r in
            let row = x + r * dim
            let ss = 1 / (VectorOps.dot(row, row, dim) / Float(dim) + VectorOps.rmsEpsilon).squareRoot()
            inverse?[r] = ss
            let o = out + r * dim
            for j in 0..<dim { o[j] = weight[j] * (ss * row[j]) }
        }
    }

    /// `gated = silu(h1) ⊙ h3` of layer `l` into the scratch buffer.
    func gate(layer l: Int) {
        let hidden = dimensions.hiddenDim, s = saved
        let h1 = s.h1 + l * s.rowsHidden, h3 = s.h3 + l * s.rowsHidden, g = scratch.gated
        threads.run(rows) { r in
            let o = r * hidden
            (g + o).update(from: h1 + o, count: hidden)
            VectorOps.swiglu(g + o, h3 + o, hidden)
        }
    }

    /// Softmax cross-entropy of every row against its target; replaces the logits by ∂loss/∂logits.
    private func crossEntropy() -> Double {
        let vocab = dimensions.vocabSize, logits = saved.logits, targets = self.targets
        let scale = 1 / Float(rows)
        var perRow = [Double](repeating: 0, count: rows)
        perRow.withUnsafeMutableBufferPointer { lossOut in
            let out = lossOut.baseAddress!
            threads.run(rows) { r in
                let z = logits + r * vocab
                var maxValue = z[0]
                for i in 1..<vocab where z[i] > maxValue { maxValue = z[i] }
                var sum: Double = 0
                for i in 0..<vocab { sum += Double(expf(z[i] - maxValue)) }
                out[r] = log(sum) - Double(z[targets[r]] - maxValue)
                let inverse = Float(1 / sum)
                for i in 0..<vocab { z[i] = expf(z[i] - maxValue) * inverse * scale }
                z[targets[r]] -= scale
            }
        }
        return perRow.reduce(0, +) / Double(rows)
    }
}
