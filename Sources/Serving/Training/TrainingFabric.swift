/// The network a training job's collectives cross: NVLink/NVSwitch inside a node, InfiniBand or RoCE (or a cloud
/// provider's fabric) between nodes, with the share of line rate NCCL achieves and the oversubscription of the
/// switch tiers above the leaves.
public struct TrainingFabric: Sendable, Equatable, Codable {
    /// Name for reports.
    public var name: String
    /// GPUs per node (one NVLink domain).
    public var gpusPerNode: Int
    /// NVLink bandwidth per GPU and direction, B/s.
    public var intraNodeBytesPerSecond: Double
    /// Latency of one step of an in-node collective, s.
    public var intraNodeLatencySeconds: Double
    /// Scale-out line rate per GPU and direction, B/s.
    public var interNodeBytesPerSecond: Double
    /// Latency of one step of a cross-node collective, s.
    public var interNodeLatencySeconds: Double
    /// Share of the scale-out line rate NCCL collectives achieve, (0, 1].
    public var interNodeEfficiency: Double
    /// Oversubscription of the fabric above the leaf switches (1 = non-blocking; 2 = half the bisection), ≥ 1.
    public var oversubscription: Double
    /// Where the figures come from.
    public var source: String

    public init(name: String, gpusPerNode: Int, intraNodeBytesPerSecond: Double, intraNodeLatencySeconds: Double,
                interNodeBytesPerSecond: Double, interNodeLatencySeconds: Double, interNodeEfficiency: Double,
                oversubscription: Double, source: String) {
        self.name = name
        self.gpusPerNode = gpusPerNode
        self.intraNodeBytesPerSecond = intraNodeBytesPerSecond
        self.intraNodeLatencySeconds = intraNodeLatencySeconds
        self.interNodeBytesPerSecond = interNodeBytesPerSecond
        self.interNodeLatencySeconds = interNodeLatencySeconds
        self.interNodeEfficiency = interNodeEfficiency
        self.oversubscription = oversubscription
        self.source = source
    }

    /// The link of a group that stays inside one node.
    public var intraNode: CollectiveCost.Link {
        .init(latencySeconds: intraNodeLatencySeconds, bytesPerSecond: intraNodeBytesPerSecond)
    }

    /// The link of a group that spans nodes: each rank's own NIC (rail-optimised: one NIC per GPU), at the achieved
    /// share of line rate, divided by the oversubscription.
    public var interNode: CollectiveCost.Link {
        .init(latencySeconds: interNodeLatencySeconds,
              bytesPerSecond: interNodeBytesPerSecond * interNodeEfficiency / oversubscription)
    }

    /// Checks the figures are physical.
    /// - Throws: `ServingError.invalidConfiguration` naming the field.
    public func validate() throws {
        guard gpusPerNode >= 1 else {
            throw ServingError.invalidConfiguration(field: "fabric.gpus_per_node", reason: "\(gpusPerNode) must be at least 1")
        }
        for (field, value) in [("nvlink_bandwidth", intraNodeBytesPerSecond), ("network_bandwidth", interNodeBytesPerSecond)]
        where !(value > 0 && value.isFinite) {
            throw ServingError.invalidConfiguration(field: "fabric.\(field)", reason: "\(value) B/s must be positive")
        }
        for (field, value) in [("nvlink_latency", intraNodeLatencySeconds), ("network_latency", interNodeLatencySeconds)]
        where !(value >= 0 && value.isFinite) {
            throw ServingError.invalidConfiguration(field: "fabric.\(field)", reason: "\(value) s must be non-negative")
        }
        guard interNodeEfficiency > 0, interNodeEfficiency <= 1 else {
            throw ServingError.invalidConfiguration(field: "fabric.network_efficiency", reason: "\(interNodeEfficiency) must be in (0, 1]")
        }
        guard oversubscription >= 1, oversubscription.isFinite else {
            throw ServingError.invalidConfiguration(field: "fabric.oversubscription", reason: "\(oversubscription) must be at least 1")
        }
    }

    /// NCCL all-reduce on AWS p5.48xlarge (8 × H100, 3,200 Gb/s EFA): bus bandwidth 355 GB/s at 8 GB over 8 nodes and
    /// 321 GB/s over 32 nodes (crazyguitar/aws-gpu-communication-benchmark `data/nccl_all_reduce.csv`, nccl-tests).
    /// A hierarchical ring limited by 400 GB/s of network per node would reach 400·(2·63/64)/(2·7/8) = 450 GB/s and
    /// 400·(2·255/256)/(2·31/32) = 411 GB/s: the achieved shares are 0.79 and 0.78; 0.78 is taken.
    public static let measuredNCCLEfficiency = 0.78

    /// An NVIDIA DGX H100 hall on a non-blocking InfiniBand NDR fat tree (DGX SuperPOD design):
    /// - 8 GPUs per node, NVLink 4 at 900 GB/s per GPU (bidirectional), so 450 GB/s per direction; 8 ConnectX-7 NDR
    ///   400 Gb/s compute NICs per node, one per GPU, so 50 GB/s per GPU (NVIDIA DGX H100 datasheet; the same figures
    ///   in MLPerf Training v4.0 `NVIDIA/systems/eos_n64_ngc24.04_nemo.json`: "NVLINK Gen4 900 GB/s + NVSWITCH Gen3",
    ///   "8x ConnectX-7 IB NDR 400Gb/s");
    /// - latencies: NVLink collectives ~10 µs per step end to end including NCCL's dispatch, InfiniBand NDR 2–5 µs per
    ///   switch hop (factryze.ai scale-atlas "Tree-reduce latency"); leaf–spine–leaf is 3 hops: 10 µs + 3 × 2 µs = 16 µs;
    /// - efficiency: Assumption: NCCL reaches the same 0.78 of NDR line rate as measured on EFA (no like-for-like
    ///   public multi-node DGX H100 nccl-tests table was found); oversubscription 1 (non-blocking fat tree).
    public static let dgxH100InfiniBand = TrainingFabric(
        name: "DGX H100, NVLink 4 + InfiniBand NDR 400 Gb/s per GPU, non-blocking", gpusPerNode: 8,
        intraNodeBytesPerSecond: 450e9, intraNodeLatencySeconds: 10e-6, interNodeBytesPerSecond: 50e9,
        interNodeLatencySeconds: 16e-6, interNodeEfficiency: measuredNCCLEfficiency, oversubscription: 1,
        source: "NVIDIA DGX H100 datasheet; MLPerf Training v4.0 Eos system description; nccl-tests on EFA (efficiency)")

    /// The same H100 nodes behind AWS p5.48xlarge networking: 3,200 Gb/s EFA per instance = 400 Gb/s = 50 GB/s per GPU
    /// (AWS EC2 P5 product page; Hugging Face / AWS guide "400 GB/s EFA networking" per p5.48xlarge), NVLink as on DGX.
    /// - efficiency 0.78: measured NCCL all-reduce on p5 (see `measuredNCCLEfficiency`);
    /// - latency: Assumption: 30 µs per cross-node step — EFA's SRD transport runs in the Nitro card with a software
    ///   libfabric path; no published NCCL small-message figure was found, so 2 × the InfiniBand 16 µs is taken;
    /// - oversubscription: Assumption: 2 — a multi-tenant fabric shared with other customers' jobs, whose bisection
    ///   a single job cannot count on (AWS documents placement groups, not a per-job bisection guarantee).
    public static let awsP5EFA = TrainingFabric(
        name: "AWS p5.48xlarge, NVLink 4 + EFA 3,200 Gb/s per instance, shared fabric", gpusPerNode: 8,
        intraNodeBytesPerSecond: 450e9, intraNodeLatencySeconds: 10e-6, interNodeBytesPerSecond: 50e9,
        interNodeLatencySeconds: 30e-6, interNodeEfficiency: measuredNCCLEfficiency, oversubscription: 2,
        source: "AWS EC2 P5 (3,200 Gb/s EFA); nccl-tests on p5 (efficiency); latency and sharing are assumptions")
}
