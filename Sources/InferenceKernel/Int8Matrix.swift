/// Pointers to a quantized matrix in the layout of `QuantizedMatrix` (borrowed; the matrix owns them).
struct Int8Matrix {
    /// Quantized weights, interleaved `[rows/4][n/16][4][16]` or row-major `[rows, n]`.
    var values: UnsafePointer<Int8>
    /// Scales, interleaved `[rows/4][n/group][4]` or row-major `[rows, n/group]`.
    var scales: UnsafePointer<Float>
    /// Inputs sharing one scale.
    var groupSize: Int
    /// Whether the four-row interleaved layout is used (group a multiple of 16).
    var interleaved: Bool
}
