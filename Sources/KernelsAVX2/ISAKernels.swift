import CPUFeatures

/// The matrix-product micro-kernels of one instruction-set level, compiled once per level.
///
/// This file is the source of two modules: `KernelsAVX2` (compiled with `-target-cpu x86-64-v3`,
/// `FT_ISA_AVX2`: 8-float YMM lanes, FMA) and `KernelsAVX512` (a symlink to it, compiled with
/// `-target-cpu x86-64-v4`, `FT_ISA_AVX512`: 16-float ZMM lanes, FMA). `InferenceKernel` keeps the
/// generic x86-64 kernels (`MicroKernels`) and calls one of these modules when `KernelISA` says the
/// CPU has the level (the only way to have several ISAs in one Swift binary: Swift has no
/// per-function target attribute). The entry points are `@inline(never)` so no AVX code is ever
/// inlined into generic code; everything else here is `internal`. The register-tile kernels are
/// `@inline(never)` too: alone, each keeps its pointers in registers (inlined into the block loop,
/// the loop's own state pushed them onto the stack, and the reloads competed with the data loads).
///
/// Operands as in `Matmul`: `y[b][o] = Σₖ x[b][k] · w[o][k]`, `x` `(batch, n)` row-major, `w` `(rows,
/// n)` row-major (or Int8 interleaved `[rows/4][n/16][4][16]` with scales `[rows/4][n/group][4]`).
/// Fixed order per output element, the same in every kernel of a level, so an element never depends
/// on the batch, block or thread that computed it:
/// 1. `W` lane-wise sums `s[j] = fma(x[k], w[k], s[j])` for `k ≡ j (mod W)`, `k` ascending, over the
///    largest multiple of `W` not above `n` (`W` = 8 for AVX2, 16 for AVX-512; one rounding per
///    multiply-add, so results differ from the generic kernels' separate multiply and add by float32
///    rounding, ~1e-7 relative per term);
/// 2. the lanes summed by halving;
/// 3. the remaining `n mod W` products added one by one (`s += x·w`), `k` ascending;
/// 4. with `accumulate`, the result added to the existing output.
///
/// Memory and arithmetic overlap: while a four-row weight block is applied to the batch (one pass per
/// register tile of batch rows, the block staying in L1), each pass prefetches its share of the next
/// block's cache lines, so the weights stream from DRAM during every pass instead of during the first
/// only (without it, mid-size batches alternate a memory-bound pass with compute-bound ones).
public enum ISAKernels {
    #if FT_ISA_AVX512
    /// Accumulator type: one ZMM register.
    typealias Lanes = SIMD16<Float>
    /// Batch rows per register tile: 4 × 4 tiles use 16 of the 32 ZMM registers for accumulators.
    static let tileRows = 4
    /// The level's name, as `FT_KERNEL_ISA` spells it.
    public static let name = "avx512"
    #else
    /// Accumulator type: one YMM register.
    typealias Lanes = SIMD8<Float>
    /// Batch rows per register tile: 2 × 4 tiles use 8 of the 16 YMM registers for accumulators
    /// (a 4 × 4 tile would need 16 accumulators plus operands and spill).
    static let tileRows = 2
    /// The level's name, as `FT_KERNEL_ISA` spells it.
    public static let name = "avx2"
    #endif

    /// Floats per accumulator register.
    public static var lanes: Int { Lanes.scalarCount }

    /// Whether this module was compiled for its level (false on non-x86 hosts, where the module
    /// holds generic code and must not be selected).
    public static var compiledForLevel: Bool {
        #if arch(x86_64) && (FT_ISA_AVX2 || FT_ISA_AVX512)
        return true
        #else
        return false
        #endif
    }

    /// Cache lines of the next block prefetched per accumulator step: `W / 4` covers four rows of `n`
    /// floats (`n / 4` lines) in the `n / W` steps of a single pass.
    static var prefetchLinesPerStep: Int { Lanes.scalarCount / 4 }

    /// Prefetches lines `j ..< j + prefetchLinesPerStep` of `pf` (64-byte lines, 16 floats) if `j < lines`.
    @inline(__always)
    static func prefetch(_ pf: UnsafePointer<Float>, _ j: inout Int, _ lines: Int) {
        guard j < lines else { return }
        for i in 0..<prefetchLinesPerStep { ft_prefetch(pf + 16 * (j + i)) }
        j += prefetchLinesPerStep
    }

    /// Loads one accumulator's worth of floats from any address.
    @inline(__always)
    static func load(_ p: UnsafePointer<Float>) -> Lanes {
        UnsafeRawPointer(p).loadUnaligned(as: Lanes.self)
    }

    /// `a + x · w` lane-wise with one rounding (a fused multiply-add instruction at this level).
    @inline(__always)
    static func madd(_ a: Lanes, _ x: Lanes, _ w: Lanes) -> Lanes {
        a.addingProduct(x, w)
    }

    /// Sums the lanes by halving.
    @inline(__always)
    static func reduce(_ v: Lanes) -> Float {
        #if FT_ISA_AVX512
        let a = v.lowHalf + v.highHalf
        let b = a.lowHalf + a.highHalf
        #else
        let b = v.lowHalf + v.highHalf
        #endif
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

    /// Weight rows `rowStart..<rowEnd` of a Float32 `(rows, n)` matrix for all `batch` rows of `x`,
    /// into `output` (row stride `outputStride`).
    /// - Complexity: `batch × n × (rowEnd − rowStart)` multiply-adds on the calling thread.
    @inline(never)
    public static func float32Block(x: UnsafePointer<Float>, batch: Int, n: Int, weights: UnsafePointer<Float>,
                                    rowStart: Int, rowEnd: Int, output: UnsafeMutablePointer<Float>,
                                    outputStride stride: Int, accumulate: Bool) {
        let passes = batch / tileRows + batch % tileRows
        var o = rowStart
        while o + 4 <= rowEnd {
            let w = weights + o * n
            // The next block of this task (up to four rows), a 1/passes share of its lines per pass.
            let nextLines = (max(0, min(4, rowEnd - (o + 4))) * n + 15) / 16
            let share = (nextLines + passes - 1) / passes
            var pass = 0
            func next() -> (UnsafePointer<Float>, Int) {
                let first = min(nextLines, pass * share)
                pass += 1
                return (w + 4 * n + 16 * first, min(nextLines, first + share) - first)
            }
            var b = 0
            while b + tileRows <= batch {
                let (pf, lines) = next()
                #if FT_ISA_AVX512
                dot4x4(x: x + b * n, w: w, n: n, y: output + b * stride + o, yStride: stride, accumulate: accumulate,
                       pf: pf, pfLines: lines)
                #else
                dot2x4(x: x + b * n, w: w, n: n, y: output + b * stride + o, yStride: stride, accumulate: accumulate,
                       pf: pf, pfLines: lines)
                #endif
                b += tileRows
            }
            while b < batch {
                let (pf, lines) = next()
                dot1x4(x: x + b * n, w: w, n: n, y: output + b * stride + o, accumulate: accumulate, pf: pf, pfLines: lines)
                b += 1
            }
            o += 4
        }
        while o < rowEnd {
            let w = weights + o * n
            for b in 0..<batch {
                dot1x1(x: x + b * n, w: w, n: n, y: output + b * stride + o, accumulate: accumulate)
            }
            o += 1
        }
    }

    /// One element: `y = x · w` over `n`.
    @inline(__always)
    static func dot1x1(x: UnsafePointer<Float>, w: UnsafePointer<Float>, n: Int,
                       y: UnsafeMutablePointer<Float>, accumulate: Bool) {
        let vectorEnd = n & ~(Lanes.scalarCount - 1)
        var a = Lanes()
        var k = 0
        while k < vectorEnd {
            a = madd(a, load(x + k), load(w + k))
            k += Lanes.scalarCount
        }
        finish(a, x, w, vectorEnd, n, y, accumulate)
    }

    /// One activation row against four weight rows (`w`, stride `n`): outputs `y[0…3]`.
    @inline(never)
    static func dot1x4(x: UnsafePointer<Float>, w: UnsafePointer<Float>, n: Int,
                       y: UnsafeMutablePointer<Float>, accumulate: Bool, pf: UnsafePointer<Float>, pfLines: Int) {
        let vectorEnd = n & ~(Lanes.scalarCount - 1)
        let w0 = w, w1 = w + n, w2 = w + 2 * n, w3 = w + 3 * n
        var a0 = Lanes(), a1 = a0, a2 = a0, a3 = a0
        var k = 0, j = 0
        while k < vectorEnd {
            prefetch(pf, &j, pfLines)
            let vx = load(x + k), wk = w + k
            a0 = madd(a0, vx, load(wk))
            a1 = madd(a1, vx, load(wk + n))
            a2 = madd(a2, vx, load(wk + 2 * n))
            a3 = madd(a3, vx, load(wk + 3 * n))
            k += Lanes.scalarCount
        }
        finish(a0, x, w0, vectorEnd, n, y, accumulate)
        finish(a1, x, w1, vectorEnd, n, y + 1, accumulate)
        finish(a2, x, w2, vectorEnd, n, y + 2, accumulate)
        finish(a3, x, w3, vectorEnd, n, y + 3, accumulate)
    }

    /// Two activation rows (`x`, stride `n`) against four weight rows: a 2 × 4 block at `y` (row
    /// stride `yStride`). Eight accumulators, six loads per eight multiply-adds.
    @inline(never)
    static func dot2x4(x: UnsafePointer<Float>, w: UnsafePointer<Float>, n: Int,
                       y: UnsafeMutablePointer<Float>, yStride: Int, accumulate: Bool,
                       pf: UnsafePointer<Float>, pfLines: Int) {
        let vectorEnd = n & ~(Lanes.scalarCount - 1)
        let x0 = x, x1 = x + n
        let w0 = w, w1 = w + n, w2 = w + 2 * n, w3 = w + 3 * n
        var a00 = Lanes(), a01 = a00, a02 = a00, a03 = a00
        var a10 = a00, a11 = a00, a12 = a00, a13 = a00
        var k = 0, j = 0
        while k < vectorEnd {
            prefetch(pf, &j, pfLines)
            // One base pointer per operand plus row offsets keeps the loop in registers (four weight and
            // two activation pointers would spill on x86-64's 16 general registers).
            let xk = x + k, wk = w + k
            let v0 = load(xk), v1 = load(xk + n)
            var u = load(wk)
            a00 = madd(a00, v0, u); a10 = madd(a10, v1, u)
            u = load(wk + n)
            a01 = madd(a01, v0, u); a11 = madd(a11, v1, u)
            u = load(wk + 2 * n)
            a02 = madd(a02, v0, u); a12 = madd(a12, v1, u)
            u = load(wk + 3 * n)
            a03 = madd(a03, v0, u); a13 = madd(a13, v1, u)
            k += Lanes.scalarCount
        }
        let y0 = y, y1 = y + yStride
        finish(a00, x0, w0, vectorEnd, n, y0, accumulate); finish(a01, x0, w1, vectorEnd, n, y0 + 1, accumulate)
        finish(a02, x0, w2, vectorEnd, n, y0 + 2, accumulate); finish(a03, x0, w3, vectorEnd, n, y0 + 3, accumulate)
        finish(a10, x1, w0, vectorEnd, n, y1, accumulate); finish(a11, x1, w1, vectorEnd, n, y1 + 1, accumulate)
        finish(a12, x1, w2, vectorEnd, n, y1 + 2, accumulate); finish(a13, x1, w3, vectorEnd, n, y1 + 3, accumulate)
    }

    /// Four activation rows against four weight rows: a 4 × 4 block at `y` (row stride `yStride`).
    /// Sixteen accumulators, eight loads per sixteen multiply-adds (AVX-512's 32 registers hold it).
    @inline(never)
    static func dot4x4(x: UnsafePointer<Float>, w: UnsafePointer<Float>, n: Int,
                       y: UnsafeMutablePointer<Float>, yStride: Int, accumulate: Bool,
                       pf: UnsafePointer<Float>, pfLines: Int) {
        let vectorEnd = n & ~(Lanes.scalarCount - 1)
        let x0 = x, x1 = x + n, x2 = x + 2 * n, x3 = x + 3 * n
        let w0 = w, w1 = w + n, w2 = w + 2 * n, w3 = w + 3 * n
        var a00 = Lanes(), a01 = a00, a02 = a00, a03 = a00
        var a10 = a00, a11 = a00, a12 = a00, a13 = a00
        var a20 = a00, a21 = a00, a22 = a00, a23 = a00
        var a30 = a00, a31 = a00, a32 = a00, a33 = a00
        var k = 0, j = 0
        while k < vectorEnd {
            prefetch(pf, &j, pfLines)
            let xk = x + k, wk = w + k
            let v0 = load(xk), v1 = load(xk + n), v2 = load(xk + 2 * n), v3 = load(xk + 3 * n)
            var u = load(wk)
            a00 = madd(a00, v0, u); a10 = madd(a10, v1, u); a20 = madd(a20, v2, u); a30 = madd(a30, v3, u)
            u = load(wk + n)
            a01 = madd(a01, v0, u); a11 = madd(a11, v1, u); a21 = madd(a21, v2, u); a31 = madd(a31, v3, u)
            u = load(wk + 2 * n)
            a02 = madd(a02, v0, u); a12 = madd(a12, v1, u); a22 = madd(a22, v2, u); a32 = madd(a32, v3, u)
            u = load(wk + 3 * n)
            a03 = madd(a03, v0, u); a13 = madd(a13, v1, u); a23 = madd(a23, v2, u); a33 = madd(a33, v3, u)
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
