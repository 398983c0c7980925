/// Weight-only 8-bit copies of every matrix a forward step multiplies by (`QuantizedMatrix`).
///
/// The Float32 `TransformerWeights` stay alongside: the embedding lookup and the RMSNorm vectors use
/// them. The classifier is quantized even when shared with the embedding.
final class QuantizedWeights: @unchecked Sendable {
    /// Inputs sharing one scale.
    let groupSize: Int
    let wq: [QuantizedMatrix], wk: [QuantizedMatrix], wv: [QuantizedMatrix], wo: [QuantizedMatrix]
    let w1: [QuantizedMatrix], w2: [QuantizedMatrix], w3: [QuantizedMatrix]
    let classifier: QuantizedMatrix

    /// Quantizes `weights` with the largest power-of-two group ≤ `preferredGroupSize` dividing both
    /// dim and hidden_dim (llama2.c `export.py` halves its group of 64 until it divides dim).
    init(_ weights: TransformerWeights, preferredGroupSize: Int, threads: KernelThreads) {
        let d = weights.dimensions
        let gs = QuantizedMatrix.groupSize(preferred: preferredGroupSize, dividing: [d.dim, d.hiddenDim])
        groupSize = gs
        let layers = 0..<d.layerCount
        func q(_ p: UnsafePointer<Float>, _ rows: Int, _ n: Int) -> QuantizedMatrix {
            QuantizedMatrix(p, rows: rows, n: n, groupSize: gs, threads: threads)
        }
        wq = layers.map { q(weights.wq($0), d.dim, d.dim) }
        wk = layers.map { q(weights.wk($0), d.kvDim, d.dim) }
        wv = layers.map { q(weights.wv($0), d.kvDim, d.dim) }
        wo = layers.map { q(weights.wo($0), d.dim, d.dim) }
        w1 = layers.map { q(weights.w1($0), d.hiddenDim, d.dim) }
        w2 = layers.map { q(weights.w2($0), d.dim, d.hiddenDim) }
        w3 = layers.map { q(weights.w3($0), d.hiddenDim, d.dim) }
        classifier = q(weights.classifier, d.vocabSize, d.dim)
    }

    /// Bytes per stored weight, scales included: 1 + 4 / groupSize.
    var bytesPerWeight: Double { 1 + 4 / Double(groupSize) }
}
