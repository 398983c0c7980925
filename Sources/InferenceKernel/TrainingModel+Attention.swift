import Foundation

/// RoPE and causal grouped-query attention of the training pass, forward and backward.
extension TrainingModel {
    /// Rotates every row's heads at its position (row r of a sequence is position r mod T): the pair
    /// (v[2i], v[2i+1]) by angle pos·10000^(−2i/head_size) (llama2.c), or by its negative when `inverse`
    /// (the transpose of a rotation is its inverse, which is RoPE's backward pass).
    func rotate(_ buffer: UnsafeMutablePointer<Float>, width: Int, inverse: Bool) {
        let pairs = dimensions.headSize / 2, t = sequenceLength
        let sign: Float = inverse ? -1 : 1
        ropeCos.withUnsafeBufferPointer { cosTable in
            ropeSin.withUnsafeBufferPointer { sinTable in
                let cosBase = cosTable.baseAddress!, sinBase = sinTable.baseAddress!
                threads.run(rows) { r in
                    let c = cosBase + (r % t) * pairs, s = sinBase + (r % t) * pairs
                    let v = buffer + r * width
                    for i in 0..<(width / 2) {
                        let j = i % pairs
                        let v0 = v[2 * i], v1 = v[2 * i + 1]
                        let fcr = c[j], fci = sign * s[j]
                        v[2 * i] = v0 * fcr - v1 * fci
                        v[2 * i + 1] = v0 * fci + v1 * fcr
                    }
                }
            }
        }
    }

    /// Causal attention of layer `l`: one task per (sequence, query head) computes, for every position t,
    /// scores `q_t · k_j / sqrt(head_size)` over j ≤ t, their softmax (saved) and `Σ_j p_j v_j`.
    func attendForward(layer l: Int) {
        let d = dimensions, s = saved, t = sequenceLength
        let hs = d.headSize, heads = d.headCount, group = d.queryGroupSize, kvDim = d.kvDim, dim = d.dim
        let scale = sqrtf(Float(hs))
        let q = s.q + l * s.rowsDim, k = s.k + l * s.rowsKV, v = s.v + l * s.rowsKV
        let out = s.attention + l * s.rowsDim, p = s.probabilities + l * s.probabilitiesPerLayer
        threads.run(batch * heads) { task in
            let b = task / heads, h = task % heads
            let keys = k + b * t * kvDim + (h / group) * hs, values = v + b * t * kvDim + (h / group) * hs
            for i in 0..<t {
                let row = b * t + i
                let probabilities = p + (task * t + i) * t
                let query = q + row * dim + h * hs
                for j in 0...i { probabilities[j] = VectorOps.dot(query, keys + j * kvDim, hs) / scale }
                VectorOps.softmax(probabilities, i + 1)
                for j in (i + 1)..<t { probabilities[j] = 0 }
                VectorOps.weightedSum(probabilities, i + 1, values, kvDim, hs, out + row * dim + h * hs)
            }
        }
    }

    /// Backward of `attendForward` for layer `l`, from `scratch.dAttention` (∂loss/∂output, `[R, dim]`) into
    /// `scratch.dq`, `dk`, `dv` (gradients of the rotated queries and keys and of the values).
    ///
    /// For query row t of head h with probabilities p and upstream gradient g: `dp_j = g · v_j`,
    /// `ds_j = p_j (dp_j − Σ_k p_k dp_k)` (softmax Jacobian), `dq_t = Σ_j ds_j k_j / sqrt(hs)`,
    /// `dk_j += ds_j q_t / sqrt(hs)`, `dv_j += p_j g`. One task per (sequence, key/value head) owns that head's
    /// dk and dv and visits its query heads and positions in a fixed order, so sums never race.
    func attendBackward(layer l: Int) {
        let d = dimensions, s = saved, t = sequenceLength
        let hs = d.headSize, heads = d.headCount, group = d.queryGroupSize, kvDim = d.kvDim, dim = d.dim
        let kvHeads = d.kvHeadCount
        let inverseScale = 1 / sqrtf(Float(hs))
        let q = s.q + l * s.rowsDim, k = s.k + l * s.rowsKV, v = s.v + l * s.rowsKV
        let p = s.probabilities + l * s.probabilitiesPerLayer
        let dOut = scratch.dAttention, dq = scratch.dq, dk = scratch.dk, dv = scratch.dv
        threads.run(batch * kvHeads) { task in
            let b = task / kvHeads, g = task % kvHeads
            let keys = k + b * t * kvDim + g * hs, values = v + b * t * kvDim + g * hs
            let dKeys = dk + b * t * kvDim + g * hs, dValues = dv + b * t * kvDim + g * hs
            for j in 0..<t {
                (dKeys + j * kvDim).update(repeating: 0, count: hs)
                (dValues + j * kvDim).update(repeating: 0, count: hs)
            }
            withUnsafeTemporaryAllocation(of: Float.self, capacity: t) { buffer in
                let ds = buffer.baseAddress!
                for h in (g * group)..<((g + 1) * group) {
                    for i in 0..<t {
                        let row = b * t + i
                        let probabilities = p + ((b * heads + h) * t + i) * t
                        let upstream = dOut + row * dim + h * hs
                        var weighted: Float = 0
                        for j in 0...i {
                            ds[j] = VectorOps.dot(upstream, values + j * kvDim, hs)
                            weighted += probabilities[j] * ds[j]
                        }
                        for j in 0...i { ds[j] = probabilities[j] * (ds[j] - weighted) * inverseScale }
                        let query = q + row * dim + h * hs
                        VectorOps.weightedSum(ds, i + 1, keys, kvDim, hs, dq + row * dim + h * hs)
                        for j in 0...i {
                            let dKey = dKeys + j * kvDim, dValue = dValues + j * kvDim
                            let a = ds[j], pj = probabilities[j]
                            for e in 0..<hs {
                                dKey[e] += a * query[e]
                                dValue[e] += pj * upstream[e]
                            }
                        }
                    }
                }
            }
        }
    }
}
