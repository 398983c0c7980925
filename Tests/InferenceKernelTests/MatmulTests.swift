import XCTest
@testable import InferenceKernel

/// The batched matrix product and its micro-kernels.
final class MatmulTests: XCTestCase {
    /// `Y = X·Wᵀ` for batch 9 (two 4-row blocks and one single row), n = 300 (18 16-lane steps, then a
    /// 12-element tail) and 10 weight rows (two 4-row blocks and two single rows), with and without
    /// accumulation, on 1 and 3 threads. Every element must equal, bit for bit, the one-element kernel
    /// `dot1x1` (the order documented in `MicroKernels` is the same in every kernel), and the
    /// float64 dot product within 1e-5 relative to Σ|x·w|. (The baseline level, whose one-element
    /// kernel this is; `KernelISATests` holds every level to the same rule.)
    func testAllKernelsAndChunkingsGiveTheSameBits() {
        let batch = 9, n = 300, rows = 10
        var rng = SplitMix64(seed: 11)
        let x = (0..<(batch * n)).map { _ in rng.nextUnitFloat() - 0.5 }
        let w = (0..<(rows * n)).map { _ in rng.nextUnitFloat() - 0.5 }
        let initial = (0..<(batch * rows)).map { _ in rng.nextUnitFloat() }
        for accumulate in [false, true] {
            for threads in [KernelThreads.serial, KernelThreads(count: 3)] {
                var y = initial
                x.withUnsafeBufferPointer { xp in
                    w.withUnsafeBufferPointer { wp in
                        y.withUnsafeMutableBufferPointer { yp in
                            Matmul.run(x: xp.baseAddress!, batch: batch, n: n, segments: [
                                .init(weights: .float32(wp.baseAddress!), rows: rows, output: yp.baseAddress!, outputStride: rows,
                                      accumulate: accumulate),
                            ], threads: threads, isa: .baseline)
                        }
                    }
                }
                for b in 0..<batch {
                    for o in 0..<rows {
                        var single = initial[b * rows + o]
                        x.withUnsafeBufferPointer { xp in
                            w.withUnsafeBufferPointer { wp in
                                MicroKernels.dot1x1(x: xp.baseAddress! + b * n, w: wp.baseAddress! + o * n, n: n,
                                                    y: &single, accumulate: accumulate)
                            }
                        }
                        XCTAssertEqual(y[b * rows + o].bitPattern, single.bitPattern, "(\(b), \(o))")
                        var exact = accumulate ? Double(initial[b * rows + o]) : 0
                        var magnitude = 0.0
                        for k in 0..<n {
                            exact += Double(x[b * n + k]) * Double(w[o * n + k])
                            magnitude += abs(Double(x[b * n + k]) * Double(w[o * n + k]))
                        }
                        XCTAssertEqual(Double(y[b * rows + o]), exact, accuracy: 1e-5 * max(magnitude, 1))
                    }
                }
            }
        }
    }
}
