/// Register-blocked dot-product micro-kernels: `y[b][o] = Σₖ x[b][k] · w[o][k]` for small blocks.
///
/// Both operands are row-major with the reduction dimension contiguous (llama2.c's `(out, in)` weight
/// layout used in place, activations `(batch, in)`). Every kernel computes every output element in the
/// same fixed order, so an element's value never depends on which kernel, block or thread computed it:
/// 1. `W` lane-wise partial sums `s[j] += x[k]·w[k]` for `k ≡ j (mod W)`, `k` ascending, over the
///    largest multiple of `W` not above `n` (separate multiply and add, no FMA contraction), where the
///    lane count `W = Lanes.scalarCount` is 16 in the CPU-tuned build (one AVX-512 register) and 4 in
///    the generic x86-64 build (one SSE register: 16 lanes would need four registers per accumulator
///    and the 16 accumulators of `dot4x4` would spill);
/// 2. the lanes summed by halving (8 + 8, 4 + 4, 2 + 2, 1 + 1);
/// 3. the remaining `n mod W` products added one by one, `k` ascending;
/// 4. with `accumulate`, the result added to the existing output (`y += …`, used for residuals).
///
/// Loads are unaligned (`loadUnaligned`), since checkpoint tensors start 28 bytes into the file.
enum MicroKernels {
    #if FT_TUNED_BUILD
    /// Accumulator type of the micro-kernels: 16 lanes (AVX-512) in the CPU-tuned build.
    typealias Lanes = SIMD16<Float>
    #else
    /// Accumulator type of the micro-kernels: 4 lanes (SSE) in the generic x86-64 build.
    typealias Lanes = SIMD4<Float>
    #endif

    /// Loads one accumulator's worth of floats from any address.
    @inline(__always)
    static func loadLanes(_ p: UnsafePointer<Float>) -> Lanes {
        UnsafeRawPointer(p).loadUnaligned(as: Lanes.self)
    }

    /// Sums 4 lanes by halving.
    @inline(__always)
    static func reduce(_ v: SIMD4<Float>) -> Float {
        let a = v.lowHalf + v.highHalf
        return a[0] + a[1]
    }

    /// Loads 16 floats from any address.
    @inline(__always)
    static func load(_ p: UnsafePointer<Float>) -> SIMD16<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD16<Float>.self)
    }

    /// Sums the 16 lanes by halving: ((l + h) folded three more times).
    @inline(__always)
    static func reduce(_ v: SIMD16<Float>) -> Float {
        let a = v.lowHalf + v.highHalf
        let b = a.lowHalf + a.highHalf
        let c = b.lowHalf + b.highHalf
        return c[0] + c[1]
    }

    /// Finishes one element: lane reduction, scalar tail `[vectorEnd, n)`, optional accumulation.
    @inline(__always)
    static func finish(_ acc: Lanes, _ x: UnsafePointer<Float>, _ w: UnsafePointer<Float>,
                       _ vectorEnd: Int, _ n: Int, _ y: UnsafeMutablePointer<Float>, _ accumulate: Bool) {
        var s = reduce(acc)
        var k = vectorEnd
        while k < n {
            s += x[k] * w[k]
            k += 1
        }
        y.pointee = accumulate ? y.pointee + s : s
    }

    /// One element: `y = x · w` over `n`.
    @inline(__always)
    static func dot1x1(x: UnsafePointer<Float>, w: UnsafePointer<Float>, n: Int,
                       y: UnsafeMutablePointer<Float>, accumulate: Bool) {
        let vectorEnd = n & ~(Lanes.scalarCount - 1)
        var a = Lanes()
        var k = 0
        while k < vectorEnd {
            a += loadLanes(x + k) * loadLanes(w + k)
            k += Lanes.scalarCount
        }
        finish(a, x, w, vectorEnd, n, y, accumulate)
    }

    /// One activation row against four weight rows (`w`, stride `n`): outputs `y[0…3]`.
    /// Streams four weight rows at once; used when the batch has fewer than four rows left.
    @inline(__always)
    static func dot1x4(x: UnsafePointer<Float>, w: UnsafePointer<Float>, n: Int,
                       y: UnsafeMutablePointer<Float>, accumulate: Bool) {
        let vectorEnd = n & ~(Lanes.scalarCount - 1)
        let w0 = w, w1 = w + n, w2 = w + 2 * n, w3 = w + 3 * n
        var a0 = Lanes(), a1 = a0, a2 = a0, a3 = a0
        var k = 0
        while k < vectorEnd {
            let vx = loadLanes(x + k)
            a0 += vx * loadLanes(w0 + k)
            a1 += vx * loadLanes(w1 + k)
            a2 += vx * loadLanes(w2 + k)
            a3 += vx * loadLanes(w3 + k)
            k += Lanes.scalarCount
        }
        finish(a0, x, w0, vectorEnd, n, y, accumulate)
        finish(a1, x, w1, vectorEnd, n, y + 1, accumulate)
        finish(a2, x, w2, vectorEnd, n, y + 2, accumulate)
        finish(a3, x, w3, vectorEnd, n, y + 3, accumulate)
    }

    /// Four activation rows (`x`, stride `n`) against four weight rows (`w`, stride `n`): a 4 × 4
    /// output block at `y` with row stride `yStride`. Sixteen accumulators, eight loads per sixteen
    /// multiply-adds per 16-element step.
    @inline(__always)
    static func dot4x4(x: UnsafePointer<Float>, w: UnsafePointer<Float>, n: Int,
                       y: UnsafeMutablePointer<Float>, yStride: Int, accumulate: Bool) {
        let vectorEnd = n & ~(Lanes.scalarCount - 1)
        let x0 = x, x1 = x + n, x2 = x + 2 * n, x3 = x + 3 * n
        let w0 = w, w1 = w + n, w2 = w + 2 * n, w3 = w + 3 * n
        var a00 = Lanes(), a01 = a00, a02 = a00, a03 = a00
        var a10 = a00, a11 = a00, a12 = a00, a13 = a00
        var a20 = a00, a21 = a00, a22 = a00, a23 = a00
        var a30 = a00, a31 = a00, a32 = a00, a33 = a00
        var k = 0
        while k < vectorEnd {
            let v0 = loadLanes(x0 + k), v1 = loadLanes(x1 + k), v2 = loadLanes(x2 + k), v3 = loadLanes(x3 + k)
            var u = loadLanes(w0 + k)
            a00 += v0 * u; a10 += v1 * u; a20 += v2 * u; a30 += v3 * u
            u = loadLanes(w1 + k)
            a01 += v0 * u; a11 += v1 * u; a21 += v2 * u; a31 += v3 * u
            u = loadLanes(w2 + k)
            a02 += v0 * u; a12 += v1 * u; a22 += v2 * u; a32 += v3 * u
            u = loadLanes(w3 + k)
            a03 += v0 * u; a13 += v1 * u; a23 += v2 * u; a33 += v3 * u
            k += Lanes.scalarCount
        }
        let y0 = y, y1 = y + yStride, y2 = y + 2 * yStride, y3 = y + 3 * yStride
        finish(a00, x0, w0, vectorEnd, n, y0, accumulate); finish(a01, x0, w1, vectorEnd, n, y0 + 1, accumulate)
        finish(a02, x0, w2, vectorEnd, n, y0 + 2, accumulate); finish(a03, x0, w3, vectorEnd, n, y0 + 3, accumulate)
        finish(a10, x1, w0, vectorEnd, n, y1, accumulate); finish(a11, x1, w1, vectorEnd, n, y1 + 1, accumulate)
        finish(a12, x1, w2, vectorEnd, n, y1 + 2, accumulate); finish(a13, x1, w3, vectorEnd, n, y1 + 3, accumulate)
        finish(a20, x2, w0, vectorEnd, n, y2, accumulate); finish(a21, x2, w1, vectorEnd, n, y2 + 1, accumulate)
        finish(a22, x2, w2, vectorEnd, n, y2 + 2, accumulate); finish(a23, x2, w3, vectorEnd, n, y2 + 3, accumulate)
        finish(a30, x3, w0, vectorEnd, n, y3, accumulate); finish(a31, x3, w1, vectorEnd, n, y3 + 1, accumulate)
        finish(a32, x3, w2, vectorEnd, n, y3 + 2, accumulate); finish(a33, x3, w3, vectorEnd, n, y3 + 3, accumulate)
    }
}
