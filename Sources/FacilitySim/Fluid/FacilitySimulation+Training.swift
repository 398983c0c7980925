import FacilityModels
import Serving

extension FacilitySimulation {
    /// The training job of a `workload: training` block, in the hall and on the cloud-only comparison.
    ///
    /// The hall's compute runs at the share of full-clock throughput the simulated hall delivered
    /// (1 − `throughputLostFraction`; Assumption: the decode-derived loss stands for training's, which, being
    /// compute-bound, loses somewhat more per throttled second); the cloud runs the same GPUs at full clock.
    /// - Throws: `ServingError.invalidConfiguration` for a job that cannot be laid out on a fabric.
    func applyTrainingFigures(to s: inout RunSummary) throws {
        guard let block = spec.training else { return }
        let factor = min(1, max(1e-6, 1 - s.throughputLostFraction))
        let hall = try TrainingStepModel(workload: block.workload, fabric: block.hall.fabric, accelerator: plant.accelerator,
                                         reliability: block.hall.reliability, efficiency: block.efficiency,
                                         throughputFactor: factor).estimate()
        let cloud = try TrainingStepModel(workload: block.workload, fabric: block.cloud.fabric, accelerator: plant.accelerator,
                                          reliability: block.cloud.reliability, efficiency: block.efficiency).estimate()
        s.training = TrainingFigures(model: block.workload.modelName, gpus: block.workload.parallelism.gpus,
                                     tokens: block.workload.tokensToTrain, hall: hall, cloud: cloud,
                                     speedupVersusCloud: cloud.wallSeconds / hall.wallSeconds,
                                     efficiency: block.efficiency.value, efficiencySource: block.efficiency.source,
                                     hallThroughputFactor: factor)
    }
}
