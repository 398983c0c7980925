import FacilityModels
import InferenceKernel

/// Iteration time of one model replica on tensor-parallel accelerators, by the roofline:
/// `t = max(FLOPs/(TP · peak · η_c · r_c), bytes/(TP · BW · η_m · r_m)) + communication + overhead`,
/// where FLOPs and bytes are `KernelAccounting` counts for the batch (weights read once per
/// iteration), peak is the FP8 peak for weights of ≤ 1 B when the accelerator has one (else BF16),
/// and `r_c`, `r_m` are the accelerator's throughput ratios at the current clock (throttling).
public struct IterationTimeModel: IterationTiming {
    /// The model served.
    public var model: TargetModel
    /// The accelerator of every GPU of the replica.
    public var accelerator: AcceleratorSpec
    /// How the replica is split across GPUs.
    public var parallelism: TensorParallelism
    /// Achieved fractions of the roofs and the fixed overhead.
    public var efficiency: EfficiencyProfile
    /// Clock ratio f/f_max of the GPUs (1 unless throttled), in (0, 1].
    public private(set) var clock: Double = 1

    /// The parts of one iteration's time.
    public struct Breakdown: Sendable, Equatable {
        /// Time at the compute roof, s.
        public var computeSeconds: Double
        /// Time at the memory roof, s.
        public var memorySeconds: Double
        /// All-reduce time, s.
        public var communicationSeconds: Double
        /// Fixed overhead, s.
        public var overheadSeconds: Double
        /// Whole-replica FLOPs and bytes of the iteration.
        public var cost: StepCost
        /// `max(compute, memory) + communication + overhead`, s.
        public var totalSeconds: Double { max(computeSeconds, memorySeconds) + communicationSeconds + overheadSeconds }
        /// Whether the compute roof binds.
        public var isComputeBound: Bool { computeSeconds > memorySeconds }
    }

    /// Creates a model.
    /// - Throws: `ServingError.invalidConfiguration` when the weights do not fit the replica's memory.
    public init(model: TargetModel, accelerator: AcceleratorSpec, parallelism: TensorParallelism,
                efficiency: EfficiencyProfile) throws {
        let memory = accelerator.memoryBytes * Double(parallelism.degree)
        guard model.weightBytes < memory else {
            throw ServingError.invalidConfiguration(field: "tensor_parallel",
                reason: "\(model.name) needs \(model.weightBytes) B of weights, more than \(memory) B on "
                    + "\(parallelism.degree) × \(accelerator.name)")
        }
        self.model = model
        self.accelerator = accelerator
        self.parallelism = parallelism
        self.efficiency = efficiency
    }

    /// Peak FLOP/s of one GPU used for this model: FP8 for ≤ 1-byte weights where supported, else BF16.
    public var peakFlopsPerSecond: Double {
        model.bytesPerWeight <= 1 && accelerator.peakFP8FlopsPerSecond > 0
            ? accelerator.peakFP8FlopsPerSecond : accelerator.peakBF16FlopsPerSecond
    }

    /// The same model at another clock ratio (throttling).
    /// - Throws: `ServingError.invalidConfiguration` unless 0 < clock ≤ 1.
    public func atClock(_ clock: Double) throws -> IterationTimeModel {
        guard clock > 0, clock <= 1 else {
            throw ServingError.invalidConfiguration(field: "clock", reason: "\(clock) must be in (0, 1]")
        }
        var copy = self
        copy.clock = clock
        return copy
    }

    /// Whole-replica FLOPs and bytes of `batch`: each entry's prefill or decode cost, weights counted once.
    /// - Complexity: O(entries).
    public func cost(of batch: IterationBatch) -> StepCost {
        let d = model.dimensions
        var total = StepCost(tokens: 0, matmulFlops: 0, attentionFlops: 0, weightBytes: 0, embeddingBytes: 0,
                             kvCacheReadBytes: 0, kvCacheWriteBytes: 0)
        var decodeContexts: [Int] = []
        for e in batch.entries where e.tokens > 0 {
            if e.phase == .decode {
                decodeContexts.append(e.priorContext + 1)
                continue
            }
            var c = KernelAccounting.prefill(d, promptLength: e.tokens, priorContext: e.priorContext,
                                             logitRows: e.producesToken ? 1 : 0, bytesPerWeight: model.bytesPerWeight,
                                             bytesPerActivation: model.bytesPerKVElement)
            c.weightBytes = 0
            total = total + c
        }
        if !decodeContexts.isEmpty {
            var c = KernelAccounting.decodeStep(d, contextLengths: decodeContexts, bytesPerWeight: model.bytesPerWeight,
                                                bytesPerActivation: model.bytesPerKVElement)
            c.weightBytes = 0
            total = total + c
        }
        if total.tokens > 0 { total.weightBytes = KernelAccounting.weightBytesPerStep(d, bytesPerWeight: model.bytesPerWeight) }
        return total
    }

    /// The time of `batch` and its parts.
    public func breakdown(of batch: IterationBatch) -> Breakdown { breakdown(of: cost(of: batch)) }

    public func seconds(for batch: IterationBatch) -> Double { breakdown(of: batch).totalSeconds }

    /// Decode batch size at which the ideal roofline turns from memory- to compute-bound, for short
    /// contexts: `peak · η_c / (BW · η_m) · weight bytes / FLOPs per token` ≈ peak/(BW · 2/bytes-per-weight).
    public var ridgeBatch: Double {
        let weights = KernelAccounting.weightBytesPerStep(model.dimensions, bytesPerWeight: model.bytesPerWeight)
        let flops = KernelAccounting.matmulFlopsPerToken(model.dimensions)
        return peakFlopsPerSecond * efficiency.compute.value * weights
            / (accelerator.memoryBandwidthBytesPerSecond * efficiency.memory.value * flops)
    }
}
