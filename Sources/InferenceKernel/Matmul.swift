import KernelsAVX2
import KernelsAVX512

/// Batched matrix products `Y = X · Wᵀ` over one or more weight matrices sharing the same input.
///
/// `X` is `(batch, n)` row-major (stride `n`), each `W` is `(rows, n)` row-major as in the checkpoint,
/// and each output `Y` is `(batch, rows)` with row stride `outputStride`. Several matrices applied to
/// the same `X` (wq, wk, wv; or w1, w3) form one job, so the threads fan out once for all of them.
///
/// Work split: each matrix is cut into blocks of `rowsPerTask` weight rows (a multiple of 4, from the
/// shapes only); a task computes its block for the whole batch, so every weight row is read from
/// memory once per step whatever the batch size, and every output element by exactly one task in the
/// fixed order of `MicroKernels`. Inside a task, four weight rows at a time stay in L1 while the batch
/// streams past them four rows at a time (`dot4x4`).
///
/// The micro-kernels of one `KernelISA` level run a whole call: `baseline` in this module
/// (`MicroKernels`), `avx2` and `avx512` in their own modules (`ISAKernels`), chosen per call (default
/// `KernelISA.active`). The task split depends on the shapes only, never on the level or thread count.
struct Matmul {
    /// A weight matrix operand: Float32 as in the checkpoint, or 8-bit with group scales.
    enum Weights {
        /// `(rows, n)` row-major Float32.
        case float32(UnsafePointer<Float>)
        /// `(rows, n)` row-major Int8 with `(rows, n / groupSize)` scales.
        case int8(Int8Matrix)
    }

    /// One weight matrix of a job and where its output goes.
    struct Segment {
        /// `(rows, n)` row-major weights.
        var weights: Weights
        /// Output rows of the matrix.
        var rows: Int
        /// `(batch, outputStride)` row-major output; columns `0..<rows` are written.
        var output: UnsafeMutablePointer<Float>
        /// Distance between consecutive batch rows of the output, in floats.
        var outputStride: Int
        /// Add to the existing output instead of overwriting it (residual connections).
        var accumulate: Bool = false
    }

    /// Weight rows per task: about 96–128 KB of weights (fewer, larger tasks amortise the fan-out);
    /// always a multiple of 4 (Int8 blocks are four rows).
    static func rowsPerTask(n: Int, batch: Int, bytesPerWeight: Int) -> Int {
        let bytesPerRow = bytesPerWeight * n
        let target = batch >= 8 ? 96 * 1024 : 128 * 1024
        return max(4, min(256, target / bytesPerRow) & ~3)
    }

    /// Computes every segment for all `batch` rows of `x` with the kernels of level `isa`.
    /// - Complexity: `batch × n × Σ rows` multiply-adds, spread over `threads`.
    static func run(x: UnsafePointer<Float>, batch: Int, n: Int, segments: [Segment], threads: KernelThreads,
                    isa: KernelISA = .active) {
        var tasks: [(segment: Int, start: Int, end: Int)] = []
        for (index, segment) in segments.enumerated() {
            let bytesPerWeight: Int
            switch segment.weights {
            case .float32: bytesPerWeight = 4
            case .int8: bytesPerWeight = 1
            }
            let block = rowsPerTask(n: n, batch: batch, bytesPerWeight: bytesPerWeight)
            var start = 0
            while start < segment.rows {
                let end = min(segment.rows, start + block)
                tasks.append((index, start, end))
                start = end
            }
        }
        let taskList = tasks
        let segmentList = segments
        threads.run(taskList.count) { t in
            let task = taskList[t]
            computeBlock(x: x, batch: batch, n: n, segment: segmentList[task.segment], rows: task.start..<task.end,
                         isa: isa)
        }
    }

    /// Computes weight rows `rows` of one segment for the whole batch with the kernels of level `isa`.
    static func computeBlock(x: UnsafePointer<Float>, batch: Int, n: Int, segment: Segment, rows: Range<Int>,
                             isa: KernelISA = .active) {
        let y = segment.output, stride = segment.outputStride, accumulate = segment.accumulate
        switch (segment.weights, isa) {
        case (.float32(let weights), .baseline):
            computeBlock(x: x, batch: batch, n: n, weights: weights, segment: segment, rows: rows)
        case (.float32(let weights), .avx2):
            KernelsAVX2.ISAKernels.float32Block(x: x, batch: batch, n: n, weights: weights, rowStart: rows.lowerBound,
                                                rowEnd: rows.upperBound, output: y, outputStride: stride,
                                                accumulate: accumulate)
        case (.float32(let weights), .avx512):
            KernelsAVX512.ISAKernels.float32Block(x: x, batch: batch, n: n, weights: weights, rowStart: rows.lowerBound,
                                                  rowEnd: rows.upperBound, output: y, outputStride: stride,
                                                  accumulate: accumulate)
        case (.int8(let m), .avx2) where m.interleaved:
            KernelsAVX2.ISAKernels.int8Block(x: x, batch: batch, n: n, values: m.values, scales: m.scales,
                                             groupSize: m.groupSize, rowStart: rows.lowerBound, rowEnd: rows.upperBound,
                                             output: y, outputStride: stride, accumulate: accumulate)
        case (.int8(let m), .avx512) where m.interleaved:
            KernelsAVX512.ISAKernels.int8Block(x: x, batch: batch, n: n, values: m.values, scales: m.scales,
                                               groupSize: m.groupSize, rowStart: rows.lowerBound,
                                               rowEnd: rows.upperBound, output: y, outputStride: stride,
                                               accumulate: accumulate)
        case (.int8(let matrix), _):
            // Baseline, and the row-major layout (groups below 16) on every level: scalar per element.
            computeBlockInt8(x: x, batch: batch, n: n, matrix: matrix, segment: segment, rows: rows)
        }
    }

    /// Float32 weights: `dot4x4` over 4 × 4 blocks, `dot1x4` for leftover batch rows, `dot1x1` for
    /// leftover weight rows.
    private static func computeBlock(x: UnsafePointer<Float>, batch: Int, n: Int, weights: UnsafePointer<Float>,
                                     segment: Segment, rows: Range<Int>) {
        let stride = segment.outputStride
        let accumulate = segment.accumulate
        var o = rows.lowerBound
        while o + 4 <= rows.upperBound {
            let w = weights + o * n
            var b = 0
            while b + 4 <= batch {
                MicroKernels.dot4x4(x: x + b * n, w: w, n: n, y: segment.output + b * stride + o,
                                    yStride: stride, accumulate: accumulate)
                b += 4
            }
            while b < batch {
                MicroKernels.dot1x4(x: x + b * n, w: w, n: n, y: segment.output + b * stride + o,
                                    accumulate: accumulate)
                b += 1
            }
            o += 4
        }
        while o < rows.upperBound {
            let w = weights + o * n
            for b in 0..<batch {
                MicroKernels.dot1x1(x: x + b * n, w: w, n: n, y: segment.output + b * stride + o,
                                    accumulate: accumulate)
            }
            o += 1
        }
    }

    /// Int8 weights. Interleaved layout: `dot4x4Int8` for four batch rows per four-row block,
    /// `dot1x4Int8` for leftover batch rows (task boundaries are multiples of 4, so blocks never straddle
    /// tasks). Row-major layout (groups below 16): `dot1x1Int8RowMajor` per element.
    private static func computeBlockInt8(x: UnsafePointer<Float>, batch: Int, n: Int, matrix: Int8Matrix,
                                         segment: Segment, rows: Range<Int>) {
        let stride = segment.outputStride
        let accumulate = segment.accumulate
        guard matrix.interleaved else {
            for o in rows {
                for b in 0..<batch {
                    MicroKernels.dot1x1Int8RowMajor(x: x + b * n, m: matrix, row: o, n: n,
                                                    y: segment.output + b * stride + o, accumulate: accumulate)
                }
            }
            return
        }
        var o = rows.lowerBound
        while o < rows.upperBound {
            let valid = min(4, rows.upperBound - o)
            var b = 0
            while b + 4 <= batch {
                MicroKernels.dot4x4Int8(x: x + b * n, m: matrix, block: o / 4, n: n, valid: valid,
                                        y: segment.output + b * stride + o, yStride: stride, accumulate: accumulate)
                b += 4
            }
            while b < batch {
                MicroKernels.dot1x4Int8(x: x + b * n, m: matrix, block: o / 4, n: n, valid: valid,
                                        y: segment.output + b * stride + o, accumulate: accumulate)
                b += 1
            }
            o += 4
        }
    }
}
