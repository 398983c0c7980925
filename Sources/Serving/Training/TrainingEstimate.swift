/// What the step-time model predicts for one training job on one fabric.
public struct TrainingEstimate: Sendable, Equatable, Codable {
    /// Name of the environment (fabric) the estimate is for.
    public var environment: String
    /// GPUs of the job.
    public var gpus: Int
    /// Optimiser steps.
    public var steps: Int
    /// Step time and its parts, s: compute, exposed tensor-parallel, pipeline and data-parallel communication, and
    /// the pipeline bubble.
    public var stepSeconds: Double
    public var computeSeconds: Double
    public var tensorCommunicationSeconds: Double
    public var pipelineCommunicationSeconds: Double
    public var dataCommunicationSeconds: Double
    public var bubbleSeconds: Double
    /// Time of one evaluation pass, s.
    public var evaluationSeconds: Double
    /// Failure-free time to train: steps × step time + evaluations, s.
    public var solveSeconds: Double
    /// Job mean time between interruptions, checkpoint write time and Daly interval, s.
    public var mtbfSeconds: Double
    public var checkpointSeconds: Double
    public var checkpointIntervalSeconds: Double
    /// Expected wall time with interruptions, checkpoints and restarts (Daly), s.
    public var wallSeconds: Double
    /// solveSeconds / wallSeconds.
    public var goodput: Double
    /// Model FLOPs utilisation over the failure-free time: model FLOPs / (GPUs × datasheet peak of the precision ×
    /// solve time), as MLPerf and PaLM quote it.
    public var modelFlopsUtilization: Double
}
