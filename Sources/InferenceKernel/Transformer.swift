import Foundation

/// A Llama-2 forward pass over a batch of token rows: prefill, batched decode, or both at once.
///
/// One `forward` call processes up to `maxRowsPerStep` rows; a row is one token of one sequence
/// (a KV-cache slot) at one position. Rows of different slots are independent sequences (batched
/// decode); consecutive rows of one slot are consecutive positions (prefill of a prompt). Every weight
/// matrix is read once per call and applied to all rows as a matrix-matrix product.
///
/// The object owns its activations and KV cache and is not thread-safe: use one per caller. It spreads
/// each call over `threads`; results are bit-identical for any thread count.
public final class Transformer {
    /// The weights (shared, read-only).
    public let weights: TransformerWeights
    /// Independent sequences the KV cache holds.
    public let sequenceSlots: Int
    /// Positions each sequence can hold (≤ the model's `seq_len`).
    public let contextCapacity: Int
    /// Most rows one `forward` call takes (batch size of decode, chunk length of prefill).
    public let maxRowsPerStep: Int
    /// Threads used by each call.
    public var threads: KernelThreads
    /// How the matrices are stored (Float32, or 8-bit quantized at construction).
    public let precision: WeightPrecision
    /// Which compiled micro-kernels the matrix products run (`KernelISA.active` unless told otherwise).
    public let isa: KernelISA
    /// The 8-bit matrices when `precision` is `.int8`.
    let quantized: QuantizedWeights?

    let cache: KVCache
    let buffers: ActivationBuffers
    /// RoPE rotation per position and pair: `[capacity, head_size/2]` cosines and sines.
    let ropeCos: [Float]
    let ropeSin: [Float]
    /// Rows (in call order) whose logits the last call computed.
    var logitRowCount = 0

    /// Model dimensions.
    public var dimensions: ModelDimensions { weights.dimensions }

    /// Builds a runner with an empty KV cache.
    /// - Parameters:
    ///   - sequenceSlots: independent sequences (≥ 1).
    ///   - contextCapacity: positions per sequence, 1…`seq_len` (nil: `seq_len`).
    ///   - maxRowsPerStep: rows per call (nil: max(sequenceSlots, 64), enough for prefill chunks of 64).
    ///   - precision: `.float32` uses the weights in place; `.int8` quantizes every matrix first
    ///     (about 0.3 s for the 110M preset).
    ///   - isa: the micro-kernel level; must be one of `KernelISA.available`.
    /// - Throws: `KernelError.invalidArgument` for a batch < 1, a capacity outside 1…seq_len or a
    ///   group size < 1.
    public init(weights: TransformerWeights, sequenceSlots: Int = 1, contextCapacity: Int? = nil,
                maxRowsPerStep: Int? = nil, precision: WeightPrecision = .float32,
                threads: KernelThreads = .allCores, isa: KernelISA = .active) throws {
        let d = weights.dimensions
        guard isa <= KernelISA.detected else {
            throw KernelError.invalidArgument("kernel ISA \(isa.rawValue) needs a CPU this one is not "
                                              + "(it supports at most \(KernelISA.detected.rawValue))")
        }
        guard sequenceSlots >= 1 else {
            throw KernelError.invalidArgument("batch size must be at least 1, got \(sequenceSlots)")
        }
        let capacity = contextCapacity ?? d.maxSequenceLength
        guard capacity >= 1, capacity <= d.maxSequenceLength else {
            throw KernelError.invalidArgument(
                "context capacity must be 1…\(d.maxSequenceLength) (the model's seq_len), got \(capacity)")
        }
        let rows = maxRowsPerStep ?? max(sequenceSlots, 64)
        guard rows >= 1 else { throw KernelError.invalidArgument("rows per step must be at least 1, got \(rows)") }
        self.weights = weights
        self.sequenceSlots = sequenceSlots
        self.contextCapacity = capacity
        self.maxRowsPerStep = rows
        self.threads = threads
        self.precision = precision
        self.isa = isa
        switch precision {
        case .float32:
            quantized = nil
        case .int8(let groupSize):
            guard groupSize >= 1 else { throw KernelError.invalidArgument("group size must be ≥ 1, got \(groupSize)") }
            quantized = QuantizedWeights(weights, preferredGroupSize: groupSize, threads: threads)
        }
        cache = KVCache(dimensions: d, slots: sequenceSlots, capacity: capacity)
        buffers = ActivationBuffers(dimensions: d, rows: rows)
        // llama2.c run.c: freq = 1 / powf(10000, head_dim / (float)head_size), angle = pos × freq.
        let pairs = d.headSize / 2
        var cosTable = [Float](repeating: 0, count: capacity * pairs)
        var sinTable = cosTable
        for i in 0..<pairs {
            let frequency = 1 / powf(10000, Float(2 * i) / Float(d.headSize))
            for pos in 0..<capacity {
                let angle = Float(pos) * frequency
                cosTable[pos * pairs + i] = cosf(angle)
                sinTable[pos * pairs + i] = sinf(angle)
            }
        }
        ropeCos = cosTable
        ropeSin = sinTable
    }

    /// Positions cached for `slot` (the next position it may take).
    public func cachedLength(slot: Int) -> Int { cache.length[slot] }

    /// Empties every sequence of the KV cache.
    public func resetCache() { cache.reset() }

    /// Bytes per weight the matmuls read: 4 for Float32, 1 + 4/group for Int8.
    public var bytesPerWeight: Double { quantized?.bytesPerWeight ?? 4 }

    /// Inputs per scale of the Int8 matrices (nil for Float32).
    public var quantizationGroupSize: Int? { quantized?.groupSize }

    /// Bytes allocated for the KV cache (`2 × L × slots × capacity × kv_dim × 4`).
    public var kvCacheBytes: Int { cache.byteCount }

    /// The logits of the `index`-th row that asked for them in the last `forward` call, `[vocab]`.
    /// Valid until the next call.
    public func logits(_ index: Int) -> UnsafeBufferPointer<Float> {
        precondition(index >= 0 && index < logitRowCount, "logit row \(index) was not computed")
        return UnsafeBufferPointer(start: buffers.logits + index * dimensions.vocabSize, count: dimensions.vocabSize)
    }

    /// A copy of `logits(index)`.
    public func logitsArray(_ index: Int) -> [Float] { Array(logits(index)) }

    /// Checks a call's rows: counts, slot and token ranges, and that each slot's rows continue its cache.
    func validate(_ rows: [TokenRow]) throws {
        let d = dimensions
        guard !rows.isEmpty else { throw KernelError.invalidArgument("forward called with no rows") }
        guard rows.count <= maxRowsPerStep else {
            throw KernelError.invalidArgument("\(rows.count) rows exceed the \(maxRowsPerStep) rows per step")
        }
        var next: [Int: Int] = [:]
        for row in rows {
            guard row.slot >= 0, row.slot < sequenceSlots else {
                throw KernelError.invalidArgument("slot \(row.slot) outside 0..<\(sequenceSlots)")
            }
            guard row.token >= 0, row.token < d.vocabSize else {
                throw KernelError.invalidArgument("token \(row.token) outside the vocabulary 0..<\(d.vocabSize)")
            }
            guard row.position >= 0, row.position < contextCapacity else {
                throw KernelError.invalidArgument(
                    "position \(row.position) outside the context 0..<\(contextCapacity) of slot \(row.slot)")
            }
            if let expected = next[row.slot] {
                guard row.position == expected else {
                    throw KernelError.invalidArgument(
                        "slot \(row.slot): rows must take consecutive positions, got \(row.position) after \(expected - 1)")
                }
            } else {
                guard row.position <= cache.length[row.slot] else {
                    throw KernelError.invalidArgument("slot \(row.slot): position \(row.position) skips positions; "
                        + "\(cache.length[row.slot]) are cached")
                }
            }
            next[row.slot] = row.position + 1
        }
    }
}
