import Foundation

/// AdamW: Adam with decoupled weight decay (Loshchilov & Hutter, "Decoupled Weight Decay Regularization",
/// ICLR 2019, algorithm 2), with optional clipping of the global gradient norm.
///
/// Per element, at step t ≥ 1: `m = β1·m + (1−β1)·g`, `v = β2·v + (1−β2)·g²`, `m̂ = m/(1−β1ᵗ)`,
/// `v̂ = v/(1−β2ᵗ)`, `θ −= lr·(m̂/(√v̂ + ε) + λ·θ)`, with λ applied to matrices and the embedding only
/// (llama2.c `model.py` `configure_optimizers`: 2-D tensors decay, RMSNorm weights do not).
/// Work is split into fixed chunks of each tensor, so updates are bit-identical for any thread count.
public final class AdamW {
    /// Hyper-parameters.
    public struct Settings: Sendable, Equatable {
        /// Learning rate.
        public var learningRate: Float
        /// β1, β2.
        public var beta1: Float, beta2: Float
        /// ε of the denominator.
        public var epsilon: Float
        /// Decoupled weight decay λ.
        public var weightDecay: Float
        /// Largest global L2 norm of the gradient (nil: no clipping).
        public var gradientClip: Float?

        /// llama2.c `train.py` defaults: lr 5e-4, weight decay 0.1, β = (0.9, 0.95), grad_clip 1.0; ε 1e-8 is
        /// PyTorch's `torch.optim.AdamW` default.
        public init(learningRate: Float = 5e-4, beta1: Float = 0.9, beta2: Float = 0.95, epsilon: Float = 1e-8,
                    weightDecay: Float = 0.1, gradientClip: Float? = 1.0) {
            self.learningRate = learningRate
            self.beta1 = beta1
            self.beta2 = beta2
            self.epsilon = epsilon
            self.weightDecay = weightDecay
            self.gradientClip = gradientClip
        }
    }

    /// Settings in use.
    public var settings: Settings
    /// Steps taken.
    public private(set) var step = 0
    private let firstMoment: AlignedFloatBuffer
    private let secondMoment: AlignedFloatBuffer
    /// Floats per task.
    static let chunk = 1 << 16

    /// Optimiser state (both moments 0) for `model`.
    public init(model: TrainingModel, settings: Settings = Settings()) {
        self.settings = settings
        firstMoment = AlignedFloatBuffer(count: model.flatCount)
        secondMoment = AlignedFloatBuffer(count: model.flatCount)
    }

    /// Global L2 norm of `model`'s gradients (chunk sums in Double, added in chunk order).
    public static func gradientNorm(_ model: TrainingModel, threads: KernelThreads) -> Double {
        let tasks = chunks(model)
        var partial = [Double](repeating: 0, count: tasks.count)
        partial.withUnsafeMutableBufferPointer { out in
            let sums = out.baseAddress!
            threads.run(tasks.count) { i in
                let g = model.gradientBuffer.base + tasks[i].start
                var s: Double = 0
                for e in 0..<tasks[i].count { s += Double(g[e]) * Double(g[e]) }
                sums[i] = s
            }
        }
        return partial.reduce(0, +).squareRoot()
    }

    /// Applies one update to `model`'s parameters from its current gradients.
    /// - Returns: the gradient norm before clipping.
    @discardableResult
    public func update(_ model: TrainingModel) -> Double {
        step += 1
        let norm = Self.gradientNorm(model, threads: model.threads)
        let clip = settings.gradientClip.map { norm > Double($0) ? Float(Double($0) / norm) : 1 } ?? 1
        let s = settings
        let correction1 = 1 - powf(s.beta1, Float(step)), correction2 = 1 - powf(s.beta2, Float(step))
        let tasks = Self.chunks(model)
        let theta = model.parameterBuffer.base, grad = model.gradientBuffer.base
        let m = firstMoment.base, v = secondMoment.base
        model.threads.run(tasks.count) { i in
            let task = tasks[i]
            let decay: Float = task.decays ? s.weightDecay : 0
            for e in task.start..<(task.start + task.count) {
                let g = grad[e] * clip
                m[e] = s.beta1 * m[e] + (1 - s.beta1) * g
                v[e] = s.beta2 * v[e] + (1 - s.beta2) * g * g
                let mHat = m[e] / correction1, vHat = v[e] / correction2
                theta[e] -= s.learningRate * (mHat / (vHat.squareRoot() + s.epsilon) + decay * theta[e])
            }
        }
        return norm
    }

    /// The update's tasks: chunks of each tensor, with whether weight decay applies.
    static func chunks(_ model: TrainingModel) -> [(start: Int, count: Int, decays: Bool)] {
        var tasks: [(start: Int, count: Int, decays: Bool)] = []
        for tensor in TrainingTensor.allCases {
            let t = tensor.layoutTensor
            let decays = ![.rmsAttention, .rmsFFN, .rmsFinal].contains(tensor)
            let base = model.layout.offset(t), count = model.layout.count(t)
            var start = 0
            while start < count {
                tasks.append((base + start, min(chunk, count - start), decays))
                start += chunk
            }
        }
        return tasks
    }
}
