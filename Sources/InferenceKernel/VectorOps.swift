import Foundation

/// Element-wise kernels of the forward pass (RMSNorm, SwiGLU, softmax, dot, axpy), each in a fixed
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

    /// `y += alpha · x` over `n` elements.
    @inline(__always)
    static func axpy(_ alpha: Float, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ n: Int) {
        let vectorEnd = n & ~15
        let a = SIMD16<Float>(repeating: alpha)
        var k = 0
        while k < vectorEnd {
            let r = UnsafeMutableRawPointer(y + k)
            r.storeBytes(of: r.loadUnaligned(as: SIMD16<Float>.self) + a * MicroKernels.load(x + k),
                         as: SIMD16<Float>.self)
            k += 16
        }
        while k < n {
            y[k] += alpha * x[k]
            k += 1
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
