/// Int8-weight micro-kernels of one instruction-set level (interleaved layout, groups a multiple of 16).
///
/// Each weight is dequantized on the fly, `w = Float(q) × scale` (exact widening, one rounding in the
/// product), and then used exactly like a Float32 weight in the order documented on `ISAKernels`: a
/// 16-input chunk is `16 / W` accumulator steps (two YMM steps for AVX2, one ZMM step for AVX-512).
extension ISAKernels {
    #if FT_ISA_AVX512
    /// One accumulator's worth of Int8 weights.
    typealias ByteLanes = SIMD16<Int8>
    #else
    /// One accumulator's worth of Int8 weights.
    typealias ByteLanes = SIMD8<Int8>
    #endif

    /// Accumulator steps per 16-input chunk of the interleaved layout.
    static var stepsPerChunk: Int { 16 / Lanes.scalarCount }

    /// `W` Int8 weights widened to Float32 (exact; `vpmovsxbd` + `vcvtdq2ps`).
    @inline(__always)
    static func widen(_ p: UnsafePointer<Int8>) -> Lanes {
        let q = UnsafeRawPointer(p).loadUnaligned(as: ByteLanes.self)
        var f = Lanes()
        for i in 0..<Lanes.scalarCount { f[i] = Float(q[i]) }
        return f
    }

    /// Writes a finished accumulator to `y` (or adds it, for residual connections).
    @inline(__always)
    static func store(_ acc: Lanes, _ y: UnsafeMutablePointer<Float>, _ accumulate: Bool) {
        let s = reduce(acc)
        y.pointee = accumulate ? y.pointee + s : s
    }

    /// Weight rows `rowStart..<rowEnd` (`rowStart` a multiple of 4) of an interleaved Int8 matrix of
    /// `groupSize`-input groups, for all `batch` rows of `x`, into `output` (row stride `outputStride`).
    /// Rows past `rowEnd` in the last four-row block are padding and are not written.
    /// - Complexity: `batch × n × (rowEnd − rowStart)` multiply-adds on the calling thread.
    @inline(never)
    public static func int8Block(x: UnsafePointer<Float>, batch: Int, n: Int, values: UnsafePointer<Int8>,
                                 scales: UnsafePointer<Float>, groupSize: Int, rowStart: Int, rowEnd: Int,
                                 output: UnsafeMutablePointer<Float>, outputStride stride: Int, accumulate: Bool) {
        var o = rowStart
        while o < rowEnd {
            let valid = min(4, rowEnd - o)
            let q = values + (o / 4) * 4 * n, s = scales + (o / 4) * (n / groupSize) * 4
            var b = 0
            while b + tileRows <= batch {
                #if FT_ISA_AVX512
                dot4x4Int8(x: x + b * n, q: q, s: s, groupSize: groupSize, n: n, valid: valid,
                           y: output + b * stride + o, yStride: stride, accumulate: accumulate)
                #else
                dot2x4Int8(x: x + b * n, q: q, s: s, groupSize: groupSize, n: n, valid: valid,
                           y: output + b * stride + o, yStride: stride, accumulate: accumulate)
                #endif
                b += tileRows
            }
            while b < batch {
                dot1x4Int8(x: x + b * n, q: q, s: s, groupSize: groupSize, n: n, valid: valid,
                           y: output + b * stride + o, accumulate: accumulate)
                b += 1
            }
            o += 4
        }
    }

    /// One activation row against one interleaved four-row block (`q`, scales `s`); writes `y[0..<valid]`.
    @inline(__always)
    static func dot1x4Int8(x: UnsafePointer<Float>, q: UnsafePointer<Int8>, s: UnsafePointer<Float>, groupSize: Int,
                           n: Int, valid: Int, y: UnsafeMutablePointer<Float>, accumulate: Bool) {
        let groups = n / groupSize, chunksPerGroup = groupSize / 16, w = Lanes.scalarCount
        var a0 = Lanes(), a1 = a0, a2 = a0, a3 = a0
        var c = 0
        for g in 0..<groups {
            let s0 = Lanes(repeating: s[4 * g]), s1 = Lanes(repeating: s[4 * g + 1])
            let s2 = Lanes(repeating: s[4 * g + 2]), s3 = Lanes(repeating: s[4 * g + 3])
            for _ in 0..<chunksPerGroup {
                for h in 0..<stepsPerChunk {
                    let v = load(x + 16 * c + h * w), p = q + 64 * c + h * w
                    a0 = madd(a0, v, widen(p) * s0)
                    a1 = madd(a1, v, widen(p + 16) * s1)
                    a2 = madd(a2, v, widen(p + 32) * s2)
                    a3 = madd(a3, v, widen(p + 48) * s3)
                }
                c += 1
            }
        }
        store(a0, y, accumulate)
        if valid > 1 { store(a1, y + 1, accumulate) }
        if valid > 2 { store(a2, y + 2, accumulate) }
        if valid > 3 { store(a3, y + 3, accumulate) }
    }

    /// Two activation rows (`x`, stride `n`) against one interleaved four-row block: a 2 × 4 block at
    /// `y` (row stride `yStride`), of which the first `valid` columns are written.
    @inline(__always)
    static func dot2x4Int8(x: UnsafePointer<Float>, q: UnsafePointer<Int8>, s: UnsafePointer<Float>, groupSize: Int,
                           n: Int, valid: Int, y: UnsafeMutablePointer<Float>, yStride: Int, accumulate: Bool) {
        let groups = n / groupSize, chunksPerGroup = groupSize / 16, w = Lanes.scalarCount
        let x0 = x, x1 = x + n
        var a00 = Lanes(), a01 = a00, a02 = a00, a03 = a00
        var a10 = a00, a11 = a00, a12 = a00, a13 = a00
        var c = 0
        for g in 0..<groups {
            let s0 = Lanes(repeating: s[4 * g]), s1 = Lanes(repeating: s[4 * g + 1])
            let s2 = Lanes(repeating: s[4 * g + 2]), s3 = Lanes(repeating: s[4 * g + 3])
            for _ in 0..<chunksPerGroup {
                for h in 0..<stepsPerChunk {
                    let k = 16 * c + h * w, p = q + 64 * c + h * w
                    let v0 = load(x0 + k), v1 = load(x1 + k)
                    var u = widen(p) * s0
                    a00 = madd(a00, v0, u); a10 = madd(a10, v1, u)
                    u = widen(p + 16) * s1
                    a01 = madd(a01, v0, u); a11 = madd(a11, v1, u)
                    u = widen(p + 32) * s2
                    a02 = madd(a02, v0, u); a12 = madd(a12, v1, u)
                    u = widen(p + 48) * s3
                    a03 = madd(a03, v0, u); a13 = madd(a13, v1, u)
                }
                c += 1
            }
        }
        @inline(__always) func put(_ a: Lanes, _ i: Int, _ j: Int) {
            if j < valid { store(a, y + i * yStride + j, accumulate) }
        }
        put(a00, 0, 0); put(a01, 0, 1); put(a02, 0, 2); put(a03, 0, 3)
        put(a10, 1, 0); put(a11, 1, 1); put(a12, 1, 2); put(a13, 1, 3)
    }

    /// Four activation rows against one interleaved four-row block: a 4 × 4 block at `y` (row stride
    /// `yStride`), of which the first `valid` columns are written. Each dequantized weight vector
    /// serves four activation rows.
    @inline(__always)
    static func dot4x4Int8(x: UnsafePointer<Float>, q: UnsafePointer<Int8>, s: UnsafePointer<Float>, groupSize: Int,
                           n: Int, valid: Int, y: UnsafeMutablePointer<Float>, yStride: Int, accumulate: Bool) {
        let groups = n / groupSize, chunksPerGroup = groupSize / 16, w = Lanes.scalarCount
        let x0 = x, x1 = x + n, x2 = x + 2 * n, x3 = x + 3 * n
        var a00 = Lanes(), a01 = a00, a02 = a00, a03 = a00
        var a10 = a00, a11 = a00, a12 = a00, a13 = a00
        var a20 = a00, a21 = a00, a22 = a00, a23 = a00
        var a30 = a00, a31 = a00, a32 = a00, a33 = a00
        var c = 0
        for g in 0..<groups {
            let s0 = Lanes(repeating: s[4 * g]), s1 = Lanes(repeating: s[4 * g + 1])
            let s2 = Lanes(repeating: s[4 * g + 2]), s3 = Lanes(repeating: s[4 * g + 3])
            for _ in 0..<chunksPerGroup {
                for h in 0..<stepsPerChunk {
                    let k = 16 * c + h * w, p = q + 64 * c + h * w
                    let v0 = load(x0 + k), v1 = load(x1 + k), v2 = load(x2 + k), v3 = load(x3 + k)
                    var u = widen(p) * s0
                    a00 = madd(a00, v0, u); a10 = madd(a10, v1, u); a20 = madd(a20, v2, u); a30 = madd(a30, v3, u)
                    u = widen(p + 16) * s1
                    a01 = madd(a01, v0, u); a11 = madd(a11, v1, u); a21 = madd(a21, v2, u); a31 = madd(a31, v3, u)
                    u = widen(p + 32) * s2
                    a02 = madd(a02, v0, u); a12 = madd(a12, v1, u); a22 = madd(a22, v2, u); a32 = madd(a32, v3, u)
                    u = widen(p + 48) * s3
                    a03 = madd(a03, v0, u); a13 = madd(a13, v1, u); a23 = madd(a23, v2, u); a33 = madd(a33, v3, u)
                }
                c += 1
            }
        }
        @inline(__always) func put(_ a: Lanes, _ i: Int, _ j: Int) {
            if j < valid { store(a, y + i * yStride + j, accumulate) }
        }
        put(a00, 0, 0); put(a01, 0, 1); put(a02, 0, 2); put(a03, 0, 3)
        put(a10, 1, 0); put(a11, 1, 1); put(a12, 1, 2); put(a13, 1, 3)
        put(a20, 2, 0); put(a21, 2, 1); put(a22, 2, 2); put(a23, 2, 3)
        put(a30, 3, 0); put(a31, 3, 1); put(a32, 3, 2); put(a33, 3, 3)
    }
}
