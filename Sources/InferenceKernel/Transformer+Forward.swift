import Foundation

/// The forward pass: embedding, `L` blocks of attention and SwiGLU, final RMSNorm, classifier.
extension Transformer {
    /// Runs one forward step over `rows` and computes the logits of the rows that want them.
    ///
    /// Per block (llama2.c `forward`, generalised to many rows): RMSNorm; q, k, v = one fused
    /// matrix-matrix product; RoPE on q and k; k, v stored in the cache at each row's position;
    /// causal attention of each row over its own sequence's positions 0…pos; `x += wo · att`; RMSNorm;
    /// `h = silu(w1 · x) ⊙ (w3 · x)` (w1, w3 fused); `x += w2 · h`. Then the final RMSNorm and the
    /// classifier for the rows with `wantsLogits`, read afterwards with `logits(_:)` in row order.
    ///
    /// - Throws: `KernelError.invalidArgument` for an empty or oversized call, a slot, token or
    ///   position out of range, or rows that do not continue their sequence's cache.
    /// - Complexity: reads every weight once; `2 × rows × params` FLOPs plus attention
    ///   (see `KernelAccounting`).
    public func forward(_ rows: [TokenRow]) throws {
        try validate(rows)
        let d = weights.dimensions
        let w = weights
        let buf = buffers
        let count = rows.count
        for (r, row) in rows.enumerated() {
            (buf.x + r * d.dim).update(from: w.tokenEmbedding + row.token * d.dim, count: d.dim)
        }
        for l in 0..<d.layerCount {
            normalizeRows(buf.xb, buf.x, w.rmsAttention(l), count)
            Matmul.run(x: buf.xb, batch: count, n: d.dim, segments: [
                .init(weights: matrix(.wq, l), rows: d.dim, output: buf.q, outputStride: d.dim),
                .init(weights: matrix(.wk, l), rows: d.kvDim, output: buf.k, outputStride: d.kvDim),
                .init(weights: matrix(.wv, l), rows: d.kvDim, output: buf.v, outputStride: d.kvDim),
            ], threads: threads, isa: isa)
            rotateAndStore(rows, layer: l)
            attend(rows, layer: l)
            Matmul.run(x: buf.attention, batch: count, n: d.dim, segments: [
                .init(weights: matrix(.wo, l), rows: d.dim, output: buf.x, outputStride: d.dim, accumulate: true),
            ], threads: threads, isa: isa)
            normalizeRows(buf.xb, buf.x, w.rmsFFN(l), count)
            Matmul.run(x: buf.xb, batch: count, n: d.dim, segments: [
                .init(weights: matrix(.w1, l), rows: d.hiddenDim, output: buf.hb, outputStride: d.hiddenDim),
                .init(weights: matrix(.w3, l), rows: d.hiddenDim, output: buf.hb2, outputStride: d.hiddenDim),
            ], threads: threads, isa: isa)
            gateRows(count)
            Matmul.run(x: buf.hb, batch: count, n: d.hiddenDim, segments: [
                .init(weights: matrix(.w2, l), rows: d.dim, output: buf.x, outputStride: d.dim, accumulate: true),
            ], threads: threads, isa: isa)
        }
        for row in rows { cache.length[row.slot] = row.position + 1 }
        var logitRows = 0
        for (r, row) in rows.enumerated() where row.wantsLogits {
            VectorOps.rmsnorm(buf.final + logitRows * d.dim, buf.x + r * d.dim, w.rmsFinal, d.dim)
            logitRows += 1
        }
        logitRowCount = logitRows
        if logitRows > 0 {
            Matmul.run(x: buf.final, batch: logitRows, n: d.dim, segments: [
                .init(weights: classifierMatrix, rows: d.vocabSize, output: buf.logits, outputStride: d.vocabSize),
            ], threads: threads, isa: isa)
        }
    }

    /// The matrices of a block, by name.
    enum BlockMatrix { case wq, wk, wv, wo, w1, w2, w3 }

    /// The operand for matrix `m` of layer `l` in this runner's precision.
    private func matrix(_ m: BlockMatrix, _ l: Int) -> Matmul.Weights {
        let w = weights
        if let q = quantized {
            let all: [QuantizedMatrix]
            switch m {
            case .wq: all = q.wq
            case .wk: all = q.wk
            case .wv: all = q.wv
            case .wo: all = q.wo
            case .w1: all = q.w1
            case .w2: all = q.w2
            case .w3: all = q.w3
            }
            return .int8(all[l].view)
        }
        switch m {
        case .wq: return .float32(w.wq(l))
        case .wk: return .float32(w.wk(l))
        case .wv: return .float32(w.wv(l))
        case .wo: return .float32(w.wo(l))
        case .w1: return .float32(w.w1(l))
        case .w2: return .float32(w.w2(l))
        case .w3: return .float32(w.w3(l))
        }
    }

    /// The classifier operand in this runner's precision.
    private var classifierMatrix: Matmul.Weights {
        quantized.map { .int8($0.classifier.view) } ?? .float32(weights.classifier)
    }

    /// RMSNorm of `count` rows of width `dim` (rows spread over threads when the batch is large).
    private func normalizeRows(_ out: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>,
                               _ weight: UnsafePointer<Float>, _ count: Int) {
        let dim = dimensions.dim
        let run = count >= 16 ? threads : .serial
        run.run(count) { r in VectorOps.rmsnorm(out + r * dim, x + r * dim, weight, dim) }
    }

    /// SwiGLU gate of `count` rows in place in `hb` (rows spread over threads).
    private func gateRows(_ count: Int) {
        let hidden = dimensions.hiddenDim
        let hb = buffers.hb, hb2 = buffers.hb2
        threads.run(count) { r in VectorOps.swiglu(hb + r * hidden, hb2 + r * hidden, hidden) }
    }

    /// RoPE on each row's query and key at its position (llama2.c: pair (x[2i], x[2i+1]) of each head
    /// rotated by pos × 10000^(−2i/head_size)), then the key and value stored in the cache.
    private func rotateAndStore(_ rows: [TokenRow], layer l: Int) {
        let d = dimensions
        let pairs = d.headSize / 2
        let buf = buffers
        for (r, row) in rows.enumerated() {
            let q = buf.q + r * d.dim
            let k = buf.k + r * d.kvDim
            ropeCos.withUnsafeBufferPointer { cosTable in
                ropeSin.withUnsafeBufferPointer { sinTable in
                    let c = cosTable.baseAddress! + row.position * pairs
                    let s = sinTable.baseAddress! + row.position * pairs
                    Self.rotate(q, d.dim, pairs, c, s)
                    Self.rotate(k, d.kvDim, pairs, c, s)
                }
            }
            (cache.keys(layer: l, slot: row.slot) + row.position * d.kvDim).update(from: k, count: d.kvDim)
            (cache.values(layer: l, slot: row.slot) + row.position * d.kvDim).update(from: buf.v + r * d.kvDim,
                                                                                      count: d.kvDim)
        }
    }

    /// Rotates each pair of a `width`-wide vector made of heads of `2 × pairs` elements.
    @inline(__always)
    private static func rotate(_ v: UnsafeMutablePointer<Float>, _ width: Int, _ pairs: Int,
                               _ cosines: UnsafePointer<Float>, _ sines: UnsafePointer<Float>) {
        var i = 0
        while i < width / 2 {
            let j = i % pairs
            let v0 = v[2 * i], v1 = v[2 * i + 1]
            let fcr = cosines[j], fci = sines[j]
            v[2 * i] = v0 * fcr - v1 * fci
            v[2 * i + 1] = v0 * fci + v1 * fcr
            i += 1
        }
    }

    /// Causal multi-head attention with grouped-query heads: each (row, head) task scores the row's
    /// query against its sequence's keys 0…pos (scaled by 1/sqrt(head_size)), takes the softmax and
    /// writes the weighted sum of values to `attention[row, head]`.
    private func attend(_ rows: [TokenRow], layer l: Int) {
        let d = dimensions
        let hs = d.headSize, heads = d.headCount, group = d.queryGroupSize, kvDim = d.kvDim, dim = d.dim
        let scale = sqrtf(Float(hs))
        let q = buffers.q, out = buffers.attention
        let cache = self.cache
        // Small attention (short contexts, one row) is cheaper than a fan-out: ~2^15 multiply-adds.
        let work = rows.reduce(0) { $0 + $1.position + 1 } * heads * hs
        let run = work >= 1 << 15 ? threads : .serial
        run.run(rows.count * heads) { task in
            let r = task / heads, h = task % heads
            let row = rows[r]
            let query = q + r * dim + h * hs
            let keys = cache.keys(layer: l, slot: row.slot) + (h / group) * hs
            let values = cache.values(layer: l, slot: row.slot) + (h / group) * hs
            let result = out + r * dim + h * hs
            let n = row.position + 1
            withUnsafeTemporaryAllocation(of: Float.self, capacity: n) { scores in
                let att = scores.baseAddress!
                for t in 0..<n { att[t] = VectorOps.dot(query, keys + t * kvDim, hs) / scale }
                VectorOps.softmax(att, n)
                VectorOps.weightedSum(att, n, values, kvDim, hs, result)
            }
        }
    }
}
