import Foundation

/// A trainable Llama-2-architecture transformer: mutable Float32 parameters in the llama2.c tensor layout,
/// their gradients, and the activations one training step saves for its backward pass.
///
/// One `step(tokens:)` call takes `batch` sequences of `sequenceLength + 1` tokens, predicts tokens 1…T from
/// tokens 0…T−1 (teacher forcing, causal attention within each sequence), returns the mean cross-entropy and
/// leaves ∂loss/∂θ in `gradients` (see `TrainingModel+Backward.swift`); `AdamW` then updates the parameters.
/// The classifier is the token-embedding table (tied, as in llama2.c), so its gradient is the sum of the
/// embedding-lookup and classifier contributions.
///
/// Every product is a `Matmul` call and every other loop is split into tasks by shape alone, each task writing
/// its own outputs in a fixed order, so loss, gradients and updates are bit-identical for any thread count.
public final class TrainingModel {
    /// Shape of the model.
    public let dimensions: ModelDimensions
    /// Sequences per step.
    public let batch: Int
    /// Predicted positions per sequence (each sequence holds `sequenceLength + 1` tokens).
    public let sequenceLength: Int
    /// Threads of every call.
    public var threads: KernelThreads

    let layout: TensorLayout
    /// Parameters `θ` in `layout` order (classifier tied to the embedding).
    let parameterBuffer: AlignedFloatBuffer
    /// `∂loss/∂θ` of the last step, same layout.
    let gradientBuffer: AlignedFloatBuffer
    /// Saved activations of the last forward pass.
    let saved: TrainingActivations
    /// Scratch for the backward pass.
    let scratch: TrainingScratch
    /// RoPE cosines and sines `[sequenceLength, head_size/2]` (llama2.c frequencies).
    let ropeCos: [Float]
    let ropeSin: [Float]
    /// Target token of each row of the last step `[batch × sequenceLength]`.
    var targets: [Int] = []
    /// Input token of each row of the last step.
    var inputs: [Int] = []

    /// Rows per step: `batch × sequenceLength`.
    public var rows: Int { batch * sequenceLength }

    /// Parameter elements (embedding counted once, tied classifier not again).
    public var parameterCount: Int { dimensions.parameterCount(sharedClassifier: true) }

    /// Builds a trainable copy of `weights` (which must use a tied classifier, as synthetic weights and llama2.c's
    /// TinyStories checkpoints do).
    /// - Throws: `KernelError.invalidArgument` for batch < 1, a sequence length outside 1…seq_len − 1 or an untied
    ///   classifier.
    public init(weights: TransformerWeights, batch: Int, sequenceLength: Int, threads: KernelThreads = .allCores) throws {
        let d = weights.dimensions
        guard batch >= 1 else { throw KernelError.invalidArgument("training batch must be at least 1, got \(batch)") }
        guard sequenceLength >= 1, sequenceLength < d.maxSequenceLength else {
            throw KernelError.invalidArgument(
                "training sequence length must be 1…\(d.maxSequenceLength - 1) (seq_len − 1), got \(sequenceLength)")
        }
        guard weights.sharedClassifier else {
            throw KernelError.invalidArgument("training needs a classifier tied to the token embedding")
        }
        dimensions = d
        self.batch = batch
        self.sequenceLength = sequenceLength
        self.threads = threads
        layout = TensorLayout(d, sharedClassifier: true, includeRopeTables: false, alignment: 16)
        parameterBuffer = AlignedFloatBuffer(count: layout.totalFloats)
        gradientBuffer = AlignedFloatBuffer(count: layout.totalFloats)
        let sources: [(TensorLayout.Tensor, UnsafePointer<Float>)] = [
            (.tokenEmbedding, weights.tokenEmbedding), (.rmsAttention, weights.rmsAttention), (.wq, weights.wq),
            (.wk, weights.wk), (.wv, weights.wv), (.wo, weights.wo), (.rmsFFN, weights.rmsFFN), (.w1, weights.w1),
            (.w2, weights.w2), (.w3, weights.w3), (.rmsFinal, weights.rmsFinal),
        ]
        for (tensor, source) in sources {
            (parameterBuffer.base + layout.offset(tensor)).update(from: source, count: layout.count(tensor))
        }
        saved = TrainingActivations(dimensions: d, batch: batch, sequenceLength: sequenceLength)
        scratch = TrainingScratch(dimensions: d, rows: batch * sequenceLength)
        let pairs = d.headSize / 2
        var cosTable = [Float](repeating: 0, count: sequenceLength * pairs)
        var sinTable = cosTable
        for i in 0..<pairs {
            let frequency = 1 / powf(10000, Float(2 * i) / Float(d.headSize))
            for pos in 0..<sequenceLength {
                cosTable[pos * pairs + i] = cosf(Float(pos) * frequency)
                sinTable[pos * pairs + i] = sinf(Float(pos) * frequency)
            }
        }
        ropeCos = cosTable
        ropeSin = sinTable
    }

    /// Pointer to tensor `t` of the parameters.
    @inline(__always) func parameter(_ t: TensorLayout.Tensor) -> UnsafeMutablePointer<Float> {
        parameterBuffer.base + layout.offset(t)
    }

    /// Pointer to tensor `t` of the gradients.
    @inline(__always) func gradient(_ t: TensorLayout.Tensor) -> UnsafeMutablePointer<Float> {
        gradientBuffer.base + layout.offset(t)
    }

    /// Floats of the parameter (and gradient) buffer, padding included: the span `AdamW` updates.
    var flatCount: Int { layout.totalFloats }

    /// A read-only copy of the current parameters as inference weights (for the forward-pass kernel).
    public func inferenceWeights() -> TransformerWeights {
        let copy = AlignedFloatBuffer(count: layout.totalFloats)
        copy.base.update(from: parameterBuffer.base, count: layout.totalFloats)
        return TransformerWeights(dimensions: dimensions, sharedClassifier: true, origin: .synthetic(preset: nil, seed: 0),
                                  base: UnsafePointer(copy.base), layout: layout, owner: copy)
    }

    /// Parameter element `index` of tensor `tensor` (tests, finite differences).
    public func parameterValue(_ tensor: TrainingTensor, _ index: Int) -> Float { parameter(tensor.layoutTensor)[index] }

    /// Sets parameter element `index` of `tensor` (tests, finite differences).
    public func setParameterValue(_ tensor: TrainingTensor, _ index: Int, _ value: Float) {
        parameter(tensor.layoutTensor)[index] = value
    }

    /// Gradient element `index` of `tensor` from the last `step`.
    public func gradientValue(_ tensor: TrainingTensor, _ index: Int) -> Float { gradient(tensor.layoutTensor)[index] }

    /// Elements of `tensor`.
    public func elementCount(_ tensor: TrainingTensor) -> Int { layout.count(tensor.layoutTensor) }
}
