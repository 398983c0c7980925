/// Micro-kernels for 8-bit weights with group scales (`Int8Matrix`) and Float32 activations.
///
/// Fixed order per output element, the same in every kernel: for each group, 16 lane-wise partial
/// sums of `x[k] · q[k]` (k ascending, the Int8 widened exactly to Float32), then the group's partial
/// vector times its scale added to a 16-lane accumulator; finally the lanes summed by halving. With a
/// group smaller than 16 (or not a multiple of 16) every element uses the scalar form of the same
/// recipe (`dot1x1Int8`). Weight bytes read are a quarter of Float32's, which is what batch-1 decode,
/// bound by memory bandwidth, gains.
extension MicroKernels {
    /// Sixteen Int8 weights widened to Float32 (exact); compiles to `vpmovsxbd` + `vcvtdq2ps` on AVX-512.
    @inline(__always)
    static func widen(_ p: UnsafePointer<Int8>) -> SIMD16<Float> {
        let q = UnsafeRawPointer(p).loadUnaligned(as: SIMD16<Int8>.self)
        var f = SIMD16<Float>()
        for i in 0..<16 { f[i] = Float(q[i]) }
        return f
    }

    /// Applies the finished 16-lane accumulator to the output.
    @inline(__always)
    static func store(_ acc: SIMD16<Float>, _ y: UnsafeMutablePointer<Float>, _ accumulate: Bool) {
        let s = reduce(acc)
        y.pointee = accumulate ? y.pointee + s : s
    }

    /// One element: `y = x · dequantized(row o)` over `n`, for any group size.
    @inline(__always)
    static func dot1x1Int8(x: UnsafePointer<Float>, m: Int8Matrix, row o: Int, n: Int,
                           y: UnsafeMutablePointer<Float>, accumulate: Bool) {
        let gs = m.groupSize, groups = n / gs
        let q = m.values + o * n, scales = m.scales + o * groups
        if gs % 16 == 0 {
            var acc = SIMD16<Float>()
            for g in 0..<groups {
                var part = SIMD16<Float>()
                var k = g * gs
                while k < (g + 1) * gs {
                    part += load(x + k) * widen(q + k)
                    k += 16
                }
                acc += part * SIMD16<Float>(repeating: scales[g])
            }
            store(acc, y, accumulate)
        } else {
            var s: Float = 0
            for g in 0..<groups {
                var part: Float = 0
                for k in (g * gs)..<((g + 1) * gs) { part += x[k] * Float(q[k]) }
                s += part * scales[g]
            }
            y.pointee = accumulate ? y.pointee + s : s
        }
    }

    /// One activation row against weight rows `o…o+3`: outputs `y[0…3]`. Requires `groupSize % 16 == 0`.
    @inline(__always)
    static func dot1x4Int8(x: UnsafePointer<Float>, m: Int8Matrix, row o: Int, n: Int,
                           y: UnsafeMutablePointer<Float>, accumulate: Bool) {
        let gs = m.groupSize, groups = n / gs
        let q0 = m.values + o * n, q1 = q0 + n, q2 = q1 + n, q3 = q2 + n
        let s0 = m.scales + o * groups, s1 = s0 + groups, s2 = s1 + groups, s3 = s2 + groups
        var a0 = SIMD16<Float>(), a1 = a0, a2 = a0, a3 = a0
        for g in 0..<groups {
            var p0 = SIMD16<Float>(), p1 = p0, p2 = p0, p3 = p0
            var k = g * gs
            while k < (g + 1) * gs {
                let v = load(x + k)
                p0 += v * widen(q0 + k)
                p1 += v * widen(q1 + k)
                p2 += v * widen(q2 + k)
                p3 += v * widen(q3 + k)
                k += 16
            }
            a0 += p0 * SIMD16<Float>(repeating: s0[g])
            a1 += p1 * SIMD16<Float>(repeating: s1[g])
            a2 += p2 * SIMD16<Float>(repeating: s2[g])
            a3 += p3 * SIMD16<Float>(repeating: s3[g])
        }
        store(a0, y, accumulate)
        store(a1, y + 1, accumulate)
        store(a2, y + 2, accumulate)
        store(a3, y + 3, accumulate)
    }

    /// Activation rows `x…x+3` (stride `n`) against weight row `o`: outputs `y`, `y + yStride`, …
    /// Each widened weight vector serves four rows (the conversion cost is shared); four partial and
    /// four group accumulators keep register pressure low. Requires `groupSize % 16 == 0`.
    @inline(__always)
    static func dot4x1Int8(x: UnsafePointer<Float>, m: Int8Matrix, row o: Int, n: Int,
                           y: UnsafeMutablePointer<Float>, yStride: Int, accumulate: Bool) {
        let gs = m.groupSize, groups = n / gs
        let q = m.values + o * n, scales = m.scales + o * groups
        let x0 = x, x1 = x + n, x2 = x + 2 * n, x3 = x + 3 * n
        var a0 = SIMD16<Float>(), a1 = a0, a2 = a0, a3 = a0
        for g in 0..<groups {
            var p0 = SIMD16<Float>(), p1 = p0, p2 = p0, p3 = p0
            var k = g * gs
            while k < (g + 1) * gs {
                let w = widen(q + k)
                p0 += load(x0 + k) * w
                p1 += load(x1 + k) * w
                p2 += load(x2 + k) * w
                p3 += load(x3 + k) * w
                k += 16
            }
            let s = SIMD16<Float>(repeating: scales[g])
            a0 += p0 * s
            a1 += p1 * s
            a2 += p2 * s
            a3 += p3 * s
        }
        store(a0, y, accumulate)
        store(a1, y + yStride, accumulate)
        store(a2, y + 2 * yStride, accumulate)
        store(a3, y + 3 * yStride, accumulate)
    }
}
