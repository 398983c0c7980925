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
struct Matmul {
    /// One weight matrix of a job and where its output goes.
    struct Segment {
        /// `(rows, n)` row-major weights.
        var weights: UnsafePointer<Float>
        /// Output rows of the matrix.
        var rows: Int
        /// `(batch, outputStride)` row-major output; columns `0..<rows` are written.
        var output: UnsafeMutablePointer<Float>
        /// Distance between consecutive batch rows of the output, in floats.
        var outputStride: Int
        /// Add to the existing output instead of overwriting it (residual connections).
        var accumulate: Bool = false
    }

    /// Weight rows per task: about 16–32 KB of weights at the batch sizes this kernel serves.
    static func rowsPerTask(n: Int, batch: Int) -> Int {
        let bytesPerRow = 4 * n
        let target = batch >= 8 ? 96 * 1024 : 128 * 1024
        return max(4, min(256, target / bytesPerRow) & ~3)
    }

    /// Computes every segment for all `batch` rows of `x`.
    /// - Complexity: `batch × n × Σ rows` multiply-adds, spread over `threads`.
    static func run(x: UnsafePointer<Float>, batch: Int, n: Int, segments: [Segment], threads: KernelThreads) {
        let block = rowsPerTask(n: n, batch: batch)
        var tasks: [(segment: Int, start: Int, end: Int)] = []
        for (index, segment) in segments.enumerated() {
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
            computeBlock(x: x, batch: batch, n: n, segment: segmentList[task.segment], rows: task.start..<task.end)
        }
    }

    /// Computes weight rows `rows` of one segment for the whole batch.
    static func computeBlock(x: UnsafePointer<Float>, batch: Int, n: Int, segment: Segment, rows: Range<Int>) {
        let stride = segment.outputStride
        let accumulate = segment.accumulate
        var o = rows.lowerBound
        while o + 4 <= rows.upperBound {
            let w = segment.weights + o * n
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
            let w = segment.weights + o * n
            for b in 0..<batch {
                MicroKernels.dot1x1(x: x + b * n, w: w, n: n, y: segment.output + b * stride + o,
                                    accumulate: accumulate)
            }
            o += 1
        }
    }
}
