import Serving

/// The training job's figures in the hall and on the cloud-only comparison (summary.json `training`).
public struct TrainingFigures: Codable, Sendable, Equatable {
    /// Model trained and GPUs used.
    public var model: String
    public var gpus: Int
    /// Tokens trained.
    public var tokens: Double
    /// The hall's estimate (its throttling loss applied to compute) and the cloud-only one.
    public var hall: TrainingEstimate
    public var cloud: TrainingEstimate
    /// Cloud wall time to train / hall wall time to train.
    public var speedupVersusCloud: Double
    /// Compute efficiency used and its source.
    public var efficiency: Double
    public var efficiencySource: String
    /// Share of full-clock throughput the hall delivered over the run (1 − throughput lost to throttling).
    public var hallThroughputFactor: Double
}
