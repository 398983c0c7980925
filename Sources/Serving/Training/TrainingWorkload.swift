import InferenceKernel

/// A training job: the model, the batch, how it is split over GPUs, the number format and how much it trains.
public struct TrainingWorkload: Sendable, Equatable {
    /// Display name of the model.
    public var modelName: String
    /// Transformer shape (a GELU MLP of width 4d is the SwiGLU shape of width 8d/3: both have 8d² weights).
    public var dimensions: ModelDimensions
    /// Positions per sequence.
    public var sequenceLength: Int
    /// Sequences per optimiser step, all replicas.
    public var globalBatchSequences: Int
    /// Sequences per micro-batch.
    public var microBatchSequences: Int
    /// 3-D parallelism.
    public var parallelism: TrainingParallelism
    /// Number format of the products.
    public var precision: TrainingPrecision
    /// Tokens to train.
    public var tokensToTrain: Double
    /// Evaluation: every `evaluationIntervalSteps` steps, a forward pass over `evaluationTokens` (0: none).
    public var evaluationIntervalSteps: Int
    public var evaluationTokens: Double
    /// Share of each kind of communication hidden behind compute, 0…1 (tensor-parallel all-reduces, pipeline sends,
    /// data-parallel gradient reduce-scatter and parameter all-gather of the distributed optimiser).
    public var tensorOverlap: Double, pipelineOverlap: Double, dataOverlap: Double
    /// Bytes per exchanged activation and per reduced gradient / gathered parameter (BF16: 2).
    public var bytesPerActivation: Double, bytesPerGradient: Double
    /// All-reduce algorithm of the tensor-parallel group.
    public var allReduceAlgorithm: CollectiveCost.Algorithm

    public init(modelName: String, dimensions: ModelDimensions, sequenceLength: Int, globalBatchSequences: Int,
                microBatchSequences: Int, parallelism: TrainingParallelism, precision: TrainingPrecision,
                tokensToTrain: Double, evaluationIntervalSteps: Int = 0, evaluationTokens: Double = 0,
                tensorOverlap: Double = 0, pipelineOverlap: Double = 0, dataOverlap: Double = 0,
                bytesPerActivation: Double = 2, bytesPerGradient: Double = 2,
                allReduceAlgorithm: CollectiveCost.Algorithm = .ring) {
        self.modelName = modelName
        self.dimensions = dimensions
        self.sequenceLength = sequenceLength
        self.globalBatchSequences = globalBatchSequences
        self.microBatchSequences = microBatchSequences
        self.parallelism = parallelism
        self.precision = precision
        self.tokensToTrain = tokensToTrain
        self.evaluationIntervalSteps = evaluationIntervalSteps
        self.evaluationTokens = evaluationTokens
        self.tensorOverlap = tensorOverlap
        self.pipelineOverlap = pipelineOverlap
        self.dataOverlap = dataOverlap
        self.bytesPerActivation = bytesPerActivation
        self.bytesPerGradient = bytesPerGradient
        self.allReduceAlgorithm = allReduceAlgorithm
    }

    /// Tokens per optimiser step.
    public var tokensPerStep: Double { Double(globalBatchSequences * sequenceLength) }

    /// Optimiser steps to train `tokensToTrain` (rounded up).
    public var steps: Int { Int((tokensToTrain / tokensPerStep).rounded(.up)) }

    /// Micro-batches each pipeline runs per step: global batch / (data × micro-batch).
    public var microBatchesPerPipeline: Int { globalBatchSequences / (parallelism.data * microBatchSequences) }

    /// Parameters read by matmuls (blocks and classifier), the N of 6·N.
    public var matmulParameters: Double { Double(TrainingBenchmark.matmulParameters(dimensions)) }

    /// Checks the job can be laid out: shapes, degrees, batch divisibility, layers per stage, overlaps in 0…1.
    /// - Throws: `ServingError.invalidConfiguration` naming the field.
    public func validate(gpusPerNode: Int) throws {
        do { try dimensions.validate(source: modelName) } catch {
            throw ServingError.invalidConfiguration(field: "model", reason: "\(error)")
        }
        try parallelism.validate(gpusPerNode: gpusPerNode)
        for (field, value) in [("sequence_length", sequenceLength), ("global_batch", globalBatchSequences),
                               ("micro_batch", microBatchSequences)] where value < 1 {
            throw ServingError.invalidConfiguration(field: field, reason: "\(value) must be at least 1")
        }
        guard globalBatchSequences % (parallelism.data * microBatchSequences) == 0 else {
            throw ServingError.invalidConfiguration(field: "global_batch", reason:
                "\(globalBatchSequences) is not a multiple of data parallelism × micro-batch = \(parallelism.data * microBatchSequences)")
        }
        guard dimensions.layerCount % (parallelism.pipeline * parallelism.virtualStages) == 0 else {
            throw ServingError.invalidConfiguration(field: "parallelism.pipeline", reason:
                "\(dimensions.layerCount) layers do not split into pipeline × virtual stages = \(parallelism.pipeline * parallelism.virtualStages) equal chunks")
        }
        guard tokensToTrain > 0, tokensToTrain.isFinite else {
            throw ServingError.invalidConfiguration(field: "tokens", reason: "\(tokensToTrain) must be positive")
        }
        for (field, value) in [("overlap.tensor", tensorOverlap), ("overlap.pipeline", pipelineOverlap),
                               ("overlap.data", dataOverlap)] where !(0...1).contains(value) {
            throw ServingError.invalidConfiguration(field: field, reason: "\(value) must be in 0…1")
        }
    }
}
