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
}
