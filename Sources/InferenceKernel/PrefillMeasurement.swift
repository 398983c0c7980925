/// One prefill measurement.
public struct PrefillMeasurement: Sendable, Equatable {
    /// Prompt tokens.
    public var promptLength: Int
    /// Rows per forward call.
    public var chunk: Int
    /// Wall time (best of N), s.
    public var seconds: Double
    /// Work of the whole prefill.
    public var cost: StepCost
    /// Bytes per weight of the run's matrices.
    public var bytesPerWeight: Double

    /// Prompt tokens processed per second.
    public var tokensPerSecond: Double { Double(promptLength) / seconds }
    /// Achieved GFLOP/s.
    public var gflopsPerSecond: Double { cost.flops / seconds / 1e9 }
    /// Achieved GB/s of modelled memory traffic.
    public var gigabytesPerSecond: Double { cost.bytes / seconds / 1e9 }
}
