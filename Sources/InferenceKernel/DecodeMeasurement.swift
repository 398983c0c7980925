/// One decode measurement: batch, time, and what the accounting says the steps did.
public struct DecodeMeasurement: Sendable, Equatable {
    /// Sequences advanced per step.
    public var batch: Int
    /// Timed steps.
    public var steps: Int
    /// Position of the first timed step (after warm-up).
    public var firstPosition: Int
    /// Wall time of the timed steps (best of N), s.
    public var seconds: Double
    /// Work of the timed steps (all sequences).
    public var cost: StepCost
    /// Weight storage of the run.
    public var precision: WeightPrecision

    /// Tokens generated per second, all sequences together.
    public var tokensPerSecond: Double { Double(batch * steps) / seconds }
    /// Achieved GFLOP/s.
    public var gflopsPerSecond: Double { cost.flops / seconds / 1e9 }
    /// Achieved GB/s of modelled memory traffic.
    public var gigabytesPerSecond: Double { cost.bytes / seconds / 1e9 }
}
