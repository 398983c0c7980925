import Serving

/// The scenario's `workload: training` block: a training job run in the hall, compared with the same job on the
/// named cloud-only environment (the benchmark row "Model training speed: 2–5× faster than cloud-only").
public struct TrainingSpec: Sendable, Equatable {
    /// The job: model, batch, parallelism, precision, tokens.
    public var workload: TrainingWorkload
    /// The hall's fabric and interruption figures.
    public var hall: TrainingEnvironment
    /// The named comparison.
    public var cloud: TrainingEnvironment
    /// Compute efficiency (calibrated from the kernel profile's training section, or cited).
    public var efficiency: SourcedFigure

    public init(workload: TrainingWorkload, hall: TrainingEnvironment = .hall, cloud: TrainingEnvironment = .cloudOnly,
                efficiency: SourcedFigure) {
        self.workload = workload
        self.hall = hall
        self.cloud = cloud
        self.efficiency = efficiency
    }
}
