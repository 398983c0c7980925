/// Micro-kernels for 8-bit weights with group scales (`Int8Matrix`) and Float32 activations.
///
/// Each weight is dequantized on the fly, `w = Float(q) × scale` (exact widening, one rounding in the
/// product), and then used exactly like a Float32 weight. Fixed order per output element, the same in
/// every kernel: with the interleaved layout (groups of 16k inputs), 16 lane-wise sums of `x[k] · w[k]`
/// over the 16-input chunks in ascending order, then the lanes summed by halving; with the row-major
/// layout (groups of 1–8), one scalar sum in ascending `k`. Weight bytes read are about a quarter of
/// Float32's, which is what batch-1 decode, bound by memory bandwidth, gains.
extension MicroKernels {
    /// Sixteen Int8 weights widened to Float32 (exact); compiles to `vpmovsxbd` + `vcvtdq2ps` on AVX-512.
    @inline(__always)
    static func widen(_ p: UnsafePointer<Int8>) -> SIMD16<Float> {
        let q = UnsafeRawPointer(p).loadUnaligned(as: SIMD16<Int8>.self)
        var f = SIMD16<Float>()
        for i in 0..<16 { f[i] = Float(q[i]) }
        return f
    }

    /// Writes a finished accumulator to `y` (or adds it, for residual connections).
    @inline(__always)
    static func store(_ acc: SIMD16<Float>, _ y: UnsafeMutablePointer<Float>, _ accumulate: Bool) {
        let s = reduce(acc)
        y.pointee = accumulate ? y.pointee + s : s
    }

    /// One activation row against the four rows of interleaved block `block`; writes the first `valid`
    /// outputs `y[0..<valid]` (the last block of a matrix may hold padding rows).
    @inline(__always)
    static func dot1x4Int8(x: UnsafePointer<Float>, m: Int8Matrix, block: Int, n: Int, valid: Int,
                           y: UnsafeMutablePointer<Float>, accumulate: Bool) {
        let groups = n / m.groupSize, chunksPerGroup = m.groupSize / 16
        let q = m.values + block * 4 * n, s = m.scales + block * groups * 4
        var a0 = SIMD16<Float>(), a1 = a0, a2 = a0, a3 = a0
        var c = 0
        for g in 0..<groups {
            let s0 = SIMD16<Float>(repeating: s[4 * g]), s1 = SIMD16<Float>(repeating: s[4 * g + 1])
            let s2 = SIMD16<Float>(repeating: s[4 * g + 2]), s3 = SIMD16<Float>(repeating: s[4 * g + 3])
            for _ in 0..<chunksPerGroup {
                let v = load(x + 16 * c), p = q + 64 * c
                a0 += v * (widen(p) * s0)
                a1 += v * (widen(p + 16) * s1)
                a2 += v * (widen(p + 32) * s2)
                a3 += v * (widen(p + 48) * s3)
                c += 1
            }
        }
        store(a0, y, accumulate)
        if valid > 1 { store(a1, y + 1, accumulate) }
        if valid > 2 { store(a2, y + 2, accumulate) }
        if valid > 3 { store(a3, y + 3, accumulate) }
    }

    /// Four activation rows (`x`, stride `n`) against the four rows of interleaved block `block`: a 4 × 4
    /// output block at `y` (row stride `yStride`), of which the first `valid` columns are written.
    /// Each dequantized weight vector serves four activation rows.
    @inline(__always)
    static func dot4x4Int8(x: UnsafePointer<Float>, m: Int8Matrix, block: Int, n: Int, valid: Int,
                           y: UnsafeMutablePointer<Float>, yStride: Int, accumulate: Bool) {
        let groups = n / m.groupSize, chunksPerGroup = m.groupSize / 16
        let q = m.values + block * 4 * n, s = m.scales + block * groups * 4
        let x0 = x, x1 = x + n, x2 = x + 2 * n, x3 = x + 3 * n
        var a00 = SIMD16<Float>(), a01 = a00, a02 = a00, a03 = a00
        var a10 = a00, a11 = a00, a12 = a00, a13 = a00
        var a20 = a00, a21 = a00, a22 = a00, a23 = a00
        var a30 = a00, a31 = a00, a32 = a00, a33 = a00
        var c = 0
        for g in 0..<groups {
            let s0 = SIMD16<Float>(repeating: s[4 * g]), s1 = SIMD16<Float>(repeating: s[4 * g + 1])
            let s2 = SIMD16<Float>(repeating: s[4 * g + 2]), s3 = SIMD16<Float>(repeating: s[4 * g + 3])
            for _ in 0..<chunksPerGroup {
                let k = 16 * c, p = q + 64 * c
                let v0 = load(x0 + k), v1 = load(x1 + k), v2 = load(x2 + k), v3 = load(x3 + k)
                var u = widen(p) * s0
                a00 += v0 * u; a10 += v1 * u; a20 += v2 * u; a30 += v3 * u
                u = widen(p + 16) * s1
                a01 += v0 * u; a11 += v1 * u; a21 += v2 * u; a31 += v3 * u
                u = widen(p + 32) * s2
                a02 += v0 * u; a12 += v1 * u; a22 += v2 * u; a32 += v3 * u
                u = widen(p + 48) * s3
                a03 += v0 * u; a13 += v1 * u; a23 += v2 * u; a33 += v3 * u
                c += 1
            }
        }
        @inline(__always) func put(_ a: SIMD16<Float>, _ i: Int, _ j: Int) {
            if j < valid { store(a, y + i * yStride + j, accumulate) }
        }
        put(a00, 0, 0); put(a01, 0, 1); put(a02, 0, 2); put(a03, 0, 3)
        put(a10, 1, 0); put(a11, 1, 1); put(a12, 1, 2); put(a13, 1, 3)
        put(a20, 2, 0); put(a21, 2, 1); put(a22, 2, 2); put(a23, 2, 3)
        put(a30, 3, 0); put(a31, 3, 1); put(a32, 3, 2); put(a33, 3, 3)
    }

    /// One element with the row-major layout (groups of 1–8 inputs): `Σₖ x[k] · (Float(q[k]) × scale)`.
    @inline(__always)
    static func dot1x1Int8RowMajor(x: UnsafePointer<Float>, m: Int8Matrix, row: Int, n: Int,
                                   y: UnsafeMutablePointer<Float>, accumulate: Bool) {
        let gs = m.groupSize, groups = n / gs
        let q = m.values + row * n, scales = m.scales + row * groups
        var s: Float = 0
        for g in 0..<groups {
            let scale = scales[g]
            for k in (g * gs)..<((g + 1) * gs) { s += x[k] * (Float(q[k]) * scale) }
        }
        y.pointee = accumulate ? y.pointee + s : s
    }
}
