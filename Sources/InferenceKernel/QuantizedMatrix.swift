import Foundation

/// A weight matrix in 8-bit integers with one Float32 scale per group of consecutive inputs of a row
/// (the Q8_0 scheme of llama2.c's `runq.c`: `scale = max|w| / 127`, `q = round(w / scale)`).
///
/// Shapes: `values` `[rows, n]` Int8 and `scales` `[rows, n / groupSize]` Float32, row-major; `n` is a
/// multiple of `groupSize`. A weight is `q × scale`, with error at most `scale / 2`. Only the weights
/// are quantized; activations stay Float32 (`runq.c` also quantizes activations to 8 bits).
final class QuantizedMatrix: @unchecked Sendable {
    /// Output rows.
    let rows: Int
    /// Inputs per row.
    let n: Int
    /// Inputs sharing one scale.
    let groupSize: Int
    /// `[rows, n]` quantized weights.
    let values: UnsafeMutablePointer<Int8>
    /// `[rows, n / groupSize]` scales.
    let scales: UnsafeMutablePointer<Float>

    /// Quantizes `rows × n` Float32 weights (row-major) in groups of `groupSize`, rows spread over threads.
    init(_ weights: UnsafePointer<Float>, rows: Int, n: Int, groupSize: Int, threads: KernelThreads) {
        precondition(groupSize > 0 && n % groupSize == 0, "group size must divide the row length")
        self.rows = rows
        self.n = n
        self.groupSize = groupSize
        values = UnsafeMutableRawPointer.allocate(byteCount: max(rows * n, 1), alignment: 64)
            .bindMemory(to: Int8.self, capacity: max(rows * n, 1))
        scales = UnsafeMutablePointer<Float>.allocate(capacity: max(rows * n / groupSize, 1))
        let groupsPerRow = n / groupSize
        let rowsPerTask = 64
        let (values, scales) = (self.values, self.scales)
        threads.run((rows + rowsPerTask - 1) / rowsPerTask) { task in
            for row in (task * rowsPerTask)..<min(rows, (task + 1) * rowsPerTask) {
                for group in 0..<groupsPerRow {
                    let start = row * n + group * groupSize
                    var maxAbs: Float = 0
                    for k in start..<(start + groupSize) { maxAbs = max(maxAbs, abs(weights[k])) }
                    let scale = maxAbs / 127
                    scales[row * groupsPerRow + group] = scale
                    for k in start..<(start + groupSize) {
                        values[k] = scale > 0 ? Int8(max(-127, min(127, (weights[k] / scale).rounded()))) : 0
                    }
                }
            }
        }
    }

    deinit {
        UnsafeMutableRawPointer(values).deallocate()
        scales.deallocate()
    }

    /// A borrowed view for the micro-kernels.
    var view: Int8Matrix { Int8Matrix(values: values, scales: scales, groupSize: groupSize) }

    /// Bytes of storage per weight: 1 + 4 / groupSize.
    var bytesPerWeight: Double { 1 + 4 / Double(groupSize) }

    /// The largest power-of-two group size ≤ `preferred` dividing every row length in `lengths`.
    static func groupSize(preferred: Int, dividing lengths: [Int]) -> Int {
        var size = 1
        while size * 2 <= preferred && lengths.allSatisfy({ $0 % (size * 2) == 0 }) { size *= 2 }
        return size
    }
}

/// Pointers to a quantized matrix: `values` `[rows, n]`, `scales` `[rows, n / groupSize]`.
struct Int8Matrix {
    var values: UnsafePointer<Int8>
    var scales: UnsafePointer<Float>
    var groupSize: Int
}
