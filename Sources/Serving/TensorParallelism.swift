/// Tensor parallelism across the GPUs of one server: each GPU holds 1/degree of every weight matrix
/// and of the KV heads, does 1/degree of the FLOPs and bytes, and the shards exchange activations by
/// two all-reduces per layer (after attention's output projection and after the feed-forward block,
/// Megatron-LM, Shoeybi et al. 2019, arXiv 1909.08053 §3).
public struct TensorParallelism: Sendable, Equatable {
    /// GPUs sharing one model replica.
    public var degree: Int
    /// Per-direction link bandwidth of each GPU, B/s.
    public var linkBandwidthBytesPerSecond: SourcedFigure
    /// Fixed time of one all-reduce (launch and synchronisation), s.
    public var allReduceLatencySeconds: SourcedFigure

    /// Creates a configuration.
    /// - Throws: `ServingError.invalidConfiguration` for a degree below 1 or non-positive bandwidth.
    public init(degree: Int, linkBandwidthBytesPerSecond: SourcedFigure, allReduceLatencySeconds: SourcedFigure) throws {
        guard degree >= 1 else {
            throw ServingError.invalidConfiguration(field: "tensor_parallel", reason: "degree \(degree) must be at least 1")
        }
        guard linkBandwidthBytesPerSecond.value > 0, allReduceLatencySeconds.value >= 0 else {
            throw ServingError.invalidConfiguration(field: "tensor_parallel",
                                                    reason: "link bandwidth must be positive and latency non-negative")
        }
        self.degree = degree
        self.linkBandwidthBytesPerSecond = linkBandwidthBytesPerSecond
        self.allReduceLatencySeconds = allReduceLatencySeconds
    }

    /// H100/H200 SXM NVLink 4: 900 GB/s bidirectional per GPU (NVIDIA H100 Tensor Core GPU datasheet,
    /// "NVLink: 900GB/s"), i.e. 450 GB/s per direction, the figure a ring all-reduce moves data at.
    /// Assumption: 5 µs per all-reduce of latency (TensorRT-LLM's one-shot NVLink all-reduce for small
    /// messages is of that order; NCCL's ring is slower, ~10–20 µs).
    public static func nvlink4(degree: Int) throws -> TensorParallelism {
        try TensorParallelism(
            degree: degree,
            linkBandwidthBytesPerSecond: SourcedFigure(450e9, .cited,
                source: "NVIDIA H100 datasheet: NVLink 4 900 GB/s bidirectional per GPU, 450 GB/s per direction"),
            allReduceLatencySeconds: SourcedFigure(5e-6, .modelled,
                source: "Assumption: 5 µs per all-reduce (order of TensorRT-LLM one-shot all-reduce)"))
    }

    /// One GPU, no communication.
    public static let single = try! TensorParallelism(
        degree: 1, linkBandwidthBytesPerSecond: SourcedFigure(1, .modelled, source: "unused at degree 1"),
        allReduceLatencySeconds: SourcedFigure(0, .modelled, source: "unused at degree 1"))

    /// Time of one ring all-reduce of `bytes` over `degree` GPUs: 2(p−1)/p · bytes / link bandwidth + latency, s.
    /// Zero for degree 1.
    public func allReduceSeconds(bytes: Double) -> Double {
        guard degree > 1, bytes > 0 else { return 0 }
        let p = Double(degree)
        return 2 * (p - 1) / p * bytes / linkBandwidthBytesPerSecond.value + allReduceLatencySeconds.value
    }

    /// Communication time of one iteration processing `tokens` tokens: two all-reduces per layer of
    /// `tokens × dim × bytesPerActivation` bytes each, not overlapped with compute (Assumption), s.
    public func communicationSeconds(tokens: Int, model: TargetModel) -> Double {
        guard degree > 1, tokens > 0 else { return 0 }
        let bytes = Double(tokens) * Double(model.dimensions.dim) * model.bytesPerActivation
        return 2 * Double(model.dimensions.layerCount) * allReduceSeconds(bytes: bytes)
    }
}
