import Foundation

/// Element-wise kernels of the forward pass (RMSNorm, SwiGLU, softmax, dot, weighted sum), each in a fixed
/// summation order so that a row's result never depends on the batch it was computed in.
enum VectorOps {
    /// RMSNorm epsilon (llama2.c `rmsnorm`: `ss += 1e-5f`).
    static let rmsEpsilon: Float = 1e-5

    /// `a · b` over `n` elements: 16 lane sums (k ascending), halving reduction, then the tail.
    @inline(__always)
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ n: Int) -> Float {
        let vectorEnd = n & ~15
        var acc = SIMD16<Float>()
        var k = 0
        while k < vectorEnd {
            acc += MicroKernels.load(a + k) * MicroKernels.load(b + k)
            k += 16
        }
        var s = MicroKernels.reduce(acc)
        while k < n {
            s += a[k] * b[k]
            k += 1
        }
        return s
    }

    /// `out[i] = Σₜ weights[t] · rows[t · stride + i]` for `i < width`, t ascending: attention's
    /// probability-weighted sum of value vectors. Accumulates 64 (then 16, then 1) output elements in
    /// registers while streaming the rows, instead of re-reading and re-writing `out` per row.
    @inline(__always)
    static func weightedSum(_ weights: UnsafePointer<Float>, _ count: Int, _ rows: UnsafePointer<Float>,
                            _ stride: Int, _ width: Int, _ out: UnsafeMutablePointer<Float>) {
        var c = 0
        while c + 64 <= width {
            var a0 = SIMD16<Float>(), a1 = a0, a2 = a0, a3 = a0
            for t in 0..<count {
                let w = SIMD16<Float>(repeating: weights[t])
                let r = rows + t * stride + c
                a0 += w * MicroKernels.load(r)
                a1 += w * MicroKernels.load(r + 16)
                a2 += w * MicroKernels.load(r + 32)
                a3 += w * MicroKernels.load(r + 48)
            }
            let o = UnsafeMutableRawPointer(out + c)
            o.storeBytes(of: a0, as: SIMD16<Float>.self)
            o.storeBytes(of: a1, toByteOffset: 64, as: SIMD16<Float>.self)
            o.storeBytes(of: a2, toByteOffset: 128, as: SIMD16<Float>.self)
            o.storeBytes(of: a3, toByteOffset: 192, as: SIMD16<Float>.self)
            c += 64
        }
        while c + 16 <= width {
            var a = SIMD16<Float>()
            for t in 0..<count { a += SIMD16<Float>(repeating: weights[t]) * MicroKernels.load(rows + t * stride + c) }
            UnsafeMutableRawPointer(out + c).storeBytes(of: a, as: SIMD16<Float>.self)
            c += 16
        }
        while c < width {
            var a: Float = 0
            for t in 0..<count { a += weights[t] * rows[t * stride + c] }
            out[c] = a
            c += 1
        }
    }

    /// RMSNorm of one row: `out[j] = weight[j] · (x[j] / sqrt(mean(x²) + 1e-5))` (llama2.c order:
    /// `weight[j] * (ss * x[j])` with `ss = 1 / sqrtf(Σx²/n + ε)`).
    @inline(__always)
    static func rmsnorm(_ out: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>,
                        _ weight: UnsafePointer<Float>, _ n: Int) {
        let ss = 1 / (dot(x, x, n) / Float(n) + rmsEpsilon).squareRoot()
        for j in 0..<n { out[j] = weight[j] * (ss * x[j]) }
    }

    /// SwiGLU gate in place: `h[i] = silu(h[i]) · g[i]`, `silu(v) = v / (1 + e^(−v))` (llama2.c order).
    @inline(__always)
    static func swiglu(_ h: UnsafeMutablePointer<Float>, _ g: UnsafePointer<Float>, _ n: Int) {
        for i in 0..<n {
            var v = h[i]
            v *= 1 / (1 + expf(-v))
            h[i] = v * g[i]
        }
    }

    /// Softmax in place over `n` elements, as llama2.c: subtract the max, exponentiate, divide by the sum.
    @inline(__always)
    static func softmax(_ x: UnsafeMutablePointer<Float>, _ n: Int) {
        var maxValue = x[0]
        for i in 1..<max(n, 1) where x[i] > maxValue { maxValue = x[i] }
        var sum: Float = 0
        for i in 0..<n {
            x[i] = expf(x[i] - maxValue)
            sum += x[i]
        }
        for i in 0..<n { x[i] /= sum }
    }
}
