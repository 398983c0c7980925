import InferenceKernel

extension IterationTimeModel {
    /// Time of a decode-only iteration of `sequences` sequences whose new tokens attend `totalContext` positions in
    /// all (Σ over sequences of prior context + 1), s — the same value as `seconds(for: .decode(priorContexts:))`
    /// without building the batch: a decode step's FLOPs and bytes depend on the batch only through its size and
    /// its total context (`KernelAccounting.decodeStep`, reproduced term by term).
    /// - Complexity: O(1).
    public func decodeSeconds(sequences b: Int, totalContext: Int) -> Double {
        guard b > 0 else { return 0 }
        let d = model.dimensions
        let perPosition = KernelAccounting.kvBytesPerPosition(d, bytesPerActivation: model.bytesPerKVElement)
        let s = Double(totalContext)
        let cost = StepCost(
            tokens: b,
            matmulFlops: Double(b) * KernelAccounting.matmulFlopsPerToken(d),
            attentionFlops: 4 * Double(d.dim) * s * Double(d.layerCount),
            weightBytes: KernelAccounting.weightBytesPerStep(d, bytesPerWeight: model.bytesPerWeight),
            embeddingBytes: Double(b * d.dim) * model.bytesPerWeight,
            kvCacheReadBytes: s * perPosition,
            kvCacheWriteBytes: Double(b) * perPosition)
        return breakdown(of: cost).totalSeconds
    }

    /// The time and parts of an iteration of known whole-replica cost.
    public func breakdown(of c: StepCost) -> Breakdown {
        let tp = Double(parallelism.degree)
        let computeRatio = accelerator.computeThroughputRatio(clock: clock)
        let memoryRatio = accelerator.memoryBoundThroughputRatio(clock: clock)
        let compute = c.flops / (tp * peakFlopsPerSecond * efficiency.compute.value * computeRatio)
        let memory = c.bytes / (tp * accelerator.memoryBandwidthBytesPerSecond * efficiency.memory.value * memoryRatio)
        return Breakdown(computeSeconds: compute, memorySeconds: memory,
                         communicationSeconds: parallelism.communicationSeconds(tokens: c.tokens, model: model),
                         overheadSeconds: c.tokens == 0 ? 0 : efficiency.overheadSeconds.value, cost: c)
    }

    /// The constants of `decodeSeconds` for this model, accelerator, efficiency and clock, so that a scheduler can
    /// time decode steps with a few multiplications (the same operations in the same order: bit-identical).
    public var decodeTiming: DecodeTiming { DecodeTiming(self) }
}

/// `IterationTimeModel.decodeSeconds` with its per-model constants precomputed.
public struct DecodeTiming: Sendable {
    let matmulFlopsPerToken: Double, fourDim: Double, layers: Double, weightBytes: Double
    let dim: Int, bytesPerWeight: Double, kvBytesPerPosition: Double
    let computeDenominator: Double, memoryDenominator: Double, overheadSeconds: Double
    let parallelism: TensorParallelism, model: TargetModel

    init(_ t: IterationTimeModel) {
        let d = t.model.dimensions
        matmulFlopsPerToken = KernelAccounting.matmulFlopsPerToken(d)
        fourDim = 4 * Double(d.dim)
        layers = Double(d.layerCount)
        weightBytes = KernelAccounting.weightBytesPerStep(d, bytesPerWeight: t.model.bytesPerWeight)
        dim = d.dim
        bytesPerWeight = t.model.bytesPerWeight
        kvBytesPerPosition = KernelAccounting.kvBytesPerPosition(d, bytesPerActivation: t.model.bytesPerKVElement)
        let tp = Double(t.parallelism.degree)
        computeDenominator = tp * t.peakFlopsPerSecond * t.efficiency.compute.value * t.accelerator.computeThroughputRatio(clock: t.clock)
        memoryDenominator = tp * t.accelerator.memoryBandwidthBytesPerSecond * t.efficiency.memory.value
            * t.accelerator.memoryBoundThroughputRatio(clock: t.clock)
        overheadSeconds = t.efficiency.overheadSeconds.value
        parallelism = t.parallelism
        model = t.model
    }

    /// Time of a decode step of `b` sequences attending `totalContext` positions in all, s (0 for b = 0).
    @inline(__always)
    public func seconds(sequences b: Int, totalContext: Int) -> Double {
        guard b > 0 else { return 0 }
        let s = Double(totalContext)
        let flops = Double(b) * matmulFlopsPerToken + fourDim * s * layers
        let bytes = weightBytes + Double(b * dim) * bytesPerWeight + s * kvBytesPerPosition + Double(b) * kvBytesPerPosition
        let communication = parallelism.degree > 1 ? parallelism.communicationSeconds(tokens: b, model: model) : 0
        return max(flops / computeDenominator, bytes / memoryDenominator) + communication + overheadSeconds
    }
}
