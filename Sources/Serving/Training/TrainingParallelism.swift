/// How a training job is split over GPUs (Megatron-LM 3-D parallelism, Narayanan et al. 2021).
///
/// `tensor` GPUs share each layer (inside one node, over NVLink), `pipeline` stages hold consecutive layers,
/// and `data` replicas each see a share of the global batch; `virtualStages` > 1 is the interleaved schedule
/// (each GPU holds that many non-consecutive chunks of layers).
public struct TrainingParallelism: Sendable, Equatable, Codable {
    public var data: Int
    public var tensor: Int
    public var pipeline: Int
    public var virtualStages: Int

    public init(data: Int, tensor: Int, pipeline: Int, virtualStages: Int = 1) {
        self.data = data
        self.tensor = tensor
        self.pipeline = pipeline
        self.virtualStages = virtualStages
    }

    /// GPUs of the job: data × tensor × pipeline.
    public var gpus: Int { data * tensor * pipeline }

    /// Checks every degree is ≥ 1 and the tensor group fits in one node.
    /// - Throws: `ServingError.invalidConfiguration` naming the field.
    public func validate(gpusPerNode: Int) throws {
        for (field, value) in [("data", data), ("tensor", tensor), ("pipeline", pipeline), ("virtual_stages", virtualStages)]
        where value < 1 {
            throw ServingError.invalidConfiguration(field: "parallelism.\(field)", reason: "\(value) must be at least 1")
        }
        guard tensor <= gpusPerNode, gpusPerNode % tensor == 0 else {
            throw ServingError.invalidConfiguration(field: "parallelism.tensor",
                reason: "\(tensor) must divide the \(gpusPerNode) GPUs of a node (tensor parallelism stays on NVLink)")
        }
    }
}
