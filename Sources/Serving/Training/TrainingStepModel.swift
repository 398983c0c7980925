import FacilityModels
import Foundation

/// Step time of a 3-D-parallel training job from the roofline, the α-β collectives of its fabric and the pipeline
/// bubble, and its time to train with failures, checkpoints and restarts.
///
/// Per optimiser step, per GPU (m micro-batches of b sequences of T tokens per pipeline, L layers, width d):
/// - compute: model FLOPs (6·N + 12·L·d·T per token; Kaplan et al. 2020, PaLM appendix B) ÷ GPUs ÷ (the
///   precision's step roof — BF16 peak, × the measured FP8 end-to-end speed-up for FP8 — × measured efficiency),
///   divided by the hall's delivered-throughput factor (throttling); an evaluation pass costs a third (forward only);
/// - tensor parallelism: 4 all-reduces of b·T·d activations per layer and micro-batch (2 forward, 2 backward;
///   Shoeybi et al. 2019, Megatron-LM §3) over the t GPUs of a node, on NVLink;
/// - pipeline parallelism: one send forward and one backward of b·T·d/t activations per micro-batch and model chunk
///   (scatter-gather, Narayanan et al. 2021 §4.1), across nodes when a node holds no more than one stage;
/// - data parallelism: the distributed optimiser's reduce-scatter of gradients and all-gather of parameters,
///   N/(t·p) elements per rank over the r replicas, across nodes when a replica group spans them;
/// - each kind's exposed share is (1 − overlap); the pipeline bubble adds (p − 1)/(v·m) of the pipelined time
///   (Narayanan et al. 2021, "Efficient Large-Scale Language Model Training on GPU Clusters Using Megatron-LM",
///   SC '21, §2.2: interleaved schedule with v chunks per GPU).
public struct TrainingStepModel: Sendable {
    public var workload: TrainingWorkload
    public var fabric: TrainingFabric
    public var accelerator: AcceleratorSpec
    public var reliability: TrainingReliability
    /// Achieved fraction of the compute roof (from a measured kernel profile, or cited).
    public var efficiency: SourcedFigure
    /// Share of full-clock throughput the hall delivers (1 − throttling loss), (0, 1].
    public var throughputFactor: Double

    /// Creates the model after checking the workload and fabric.
    /// - Throws: `ServingError.invalidConfiguration` naming the field.
    public init(workload: TrainingWorkload, fabric: TrainingFabric, accelerator: AcceleratorSpec,
                reliability: TrainingReliability, efficiency: SourcedFigure, throughputFactor: Double = 1) throws {
        try fabric.validate()
        try workload.validate(gpusPerNode: fabric.gpusPerNode)
        guard efficiency.value > 0, efficiency.value <= 1 else {
            throw ServingError.invalidConfiguration(field: "training.efficiency", reason: "\(efficiency.value) must be in (0, 1]")
        }
        guard throughputFactor > 0, throughputFactor <= 1 else {
            throw ServingError.invalidConfiguration(field: "training.throughput_factor", reason: "\(throughputFactor) must be in (0, 1]")
        }
        self.workload = workload
        self.fabric = fabric
        self.accelerator = accelerator
        self.reliability = reliability
        self.efficiency = efficiency
        self.throughputFactor = throughputFactor
    }

    /// The estimate for the whole job.
    public func estimate() -> TrainingEstimate {
        let w = workload, p = w.parallelism, d = w.dimensions
        let gpus = Double(p.gpus)
        let m = Double(w.microBatchesPerPipeline), v = Double(p.virtualStages)
        let roof = w.precision.stepRoofFlopsPerSecond(accelerator) * efficiency.value * throughputFactor
        let attentionPerToken = 12 * Double(d.layerCount * d.dim * w.sequenceLength)
        let compute = w.tokensPerStep * (6 * w.matmulParameters + attentionPerToken) / roof / gpus

        let activationBytes = Double(w.microBatchSequences * w.sequenceLength * d.dim) * w.bytesPerActivation
        let layersPerStage = Double(d.layerCount / p.pipeline)
        let tensor = 4 * layersPerStage * m
            * CollectiveCost.allReduce(bytes: activationBytes, ranks: p.tensor, link: fabric.intraNode,
                                       algorithm: w.allReduceAlgorithm)
        let stagesCrossNodes = p.tensor * p.data >= fabric.gpusPerNode
        let pipelineLink = stagesCrossNodes ? fabric.interNode : fabric.intraNode
        let pipeline = p.pipeline > 1
            ? 2 * m * v * CollectiveCost.pointToPoint(bytes: activationBytes / Double(p.tensor), link: pipelineLink) : 0
        let shardBytes = w.matmulParameters / Double(p.tensor * p.pipeline) * w.bytesPerGradient
        let dataLink = p.tensor * p.data > fabric.gpusPerNode ? fabric.interNode : fabric.intraNode
        let data = CollectiveCost.reduceScatter(bytes: shardBytes, ranks: p.data, link: dataLink)
            + CollectiveCost.allGather(bytes: shardBytes, ranks: p.data, link: dataLink)

        let exposedTensor = tensor * (1 - w.tensorOverlap)
        let exposedPipeline = pipeline * (1 - w.pipelineOverlap)
        let exposedData = data * (1 - w.dataOverlap)
        let pipelined = compute + exposedTensor + exposedPipeline
        let bubble = pipelined * Double(p.pipeline - 1) / (v * m)
        let step = pipelined + bubble + exposedData

        let evaluation = w.evaluationTokens * (2 * w.matmulParameters + attentionPerToken / 3) / roof / gpus
        let evaluations = w.evaluationIntervalSteps > 0 ? w.steps / w.evaluationIntervalSteps : 0
        let solve = Double(w.steps) * step + Double(evaluations) * evaluation

        let nodes = (p.gpus + fabric.gpusPerNode - 1) / fabric.gpusPerNode
        let mtbf = reliability.jobMTBFSeconds(gpus: p.gpus, nodes: nodes)
        let parameters = Double(d.parameterCount(sharedClassifier: false))
        let checkpoint = reliability.checkpointSeconds(parameters: parameters, nodes: nodes)
        let interval = mtbf.isFinite ? TrainingReliability.dalyInterval(checkpointSeconds: checkpoint, mtbfSeconds: mtbf)
            : solve
        let wall = TrainingReliability.wallSeconds(solveSeconds: solve, interval: interval, checkpointSeconds: checkpoint,
                                                   restartSeconds: reliability.restartSeconds, mtbfSeconds: mtbf)
        let modelFlops = Double(w.steps) * w.tokensPerStep * (6 * w.matmulParameters + attentionPerToken)
        let mfu = modelFlops / (gpus * w.precision.datasheetPeakFlopsPerSecond(accelerator) * solve)
        return TrainingEstimate(
            environment: fabric.name, gpus: p.gpus, steps: w.steps, stepSeconds: step, computeSeconds: compute,
            tensorCommunicationSeconds: exposedTensor, pipelineCommunicationSeconds: exposedPipeline,
            dataCommunicationSeconds: exposedData, bubbleSeconds: bubble, evaluationSeconds: evaluation,
            solveSeconds: solve, mtbfSeconds: mtbf, checkpointSeconds: checkpoint, checkpointIntervalSeconds: interval,
            wallSeconds: wall, goodput: solve / wall, modelFlopsUtilization: mfu)
    }
}
