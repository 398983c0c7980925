import Foundation

/// Interruptions of a training job and what they cost: GPU and node failures, checkpoints written every τ at the
/// Young/Daly interval, and the restart after each failure.
///
/// With job mean time between interruptions M = 1 / (gpus·λ_gpu + nodes·λ_node), checkpoint write time δ and restart
/// time R:
/// - Young (1974, "A first order approximation to the optimum checkpoint interval", CACM 17(9)): τ = √(2δM);
/// - Daly (2006, "A higher order estimate of the optimum checkpoint interval for restart dumps", FGCS 22(3)):
///   τ = √(2δM)·[1 + ⅓·√(δ/2M) + δ/(18M)] − δ for δ < 2M, else τ = M;
/// - Daly's expected wall time for T_s of failure-free work: T_w = M·e^{R/M}·(e^{(τ+δ)/M} − 1)·T_s/τ,
///   and goodput = T_s / T_w.
public struct TrainingReliability: Sendable, Equatable, Codable {
    /// Unexpected interruptions attributed to a GPU (GPU, HBM, SRAM, GPU system processor), per GPU-hour.
    public var gpuInterruptionsPerHour: Double
    /// Other unexpected interruptions (host, network, software), per node-hour.
    public var nodeInterruptionsPerHour: Double
    /// Bytes of a checkpoint per parameter.
    public var checkpointBytesPerParameter: Double
    /// Checkpoint write bandwidth per node, B/s.
    public var checkpointBytesPerSecondPerNode: Double
    /// Time from an interruption to training again (detect, replace, reload), s.
    public var restartSeconds: Double
    /// Where the figures come from.
    public var source: String

    public init(gpuInterruptionsPerHour: Double, nodeInterruptionsPerHour: Double, checkpointBytesPerParameter: Double,
                checkpointBytesPerSecondPerNode: Double, restartSeconds: Double, source: String) {
        self.gpuInterruptionsPerHour = gpuInterruptionsPerHour
        self.nodeInterruptionsPerHour = nodeInterruptionsPerHour
        self.checkpointBytesPerParameter = checkpointBytesPerParameter
        self.checkpointBytesPerSecondPerNode = checkpointBytesPerSecondPerNode
        self.restartSeconds = restartSeconds
        self.source = source
    }

    /// Mean time between interruptions of a job on `gpus` GPUs in `nodes` nodes, s.
    public func jobMTBFSeconds(gpus: Int, nodes: Int) -> Double {
        let perHour = Double(gpus) * gpuInterruptionsPerHour + Double(nodes) * nodeInterruptionsPerHour
        return perHour > 0 ? 3600 / perHour : .infinity
    }

    /// Checkpoint write time for `parameters` spread over `nodes` nodes writing in parallel, s.
    public func checkpointSeconds(parameters: Double, nodes: Int) -> Double {
        parameters * checkpointBytesPerParameter / (Double(max(nodes, 1)) * checkpointBytesPerSecondPerNode)
    }

    /// Young's interval √(2δM), s.
    public static func youngInterval(checkpointSeconds δ: Double, mtbfSeconds m: Double) -> Double {
        (2 * δ * m).squareRoot()
    }

    /// Daly's higher-order interval, s.
    public static func dalyInterval(checkpointSeconds δ: Double, mtbfSeconds m: Double) -> Double {
        guard δ < 2 * m else { return m }
        let root = (2 * δ * m).squareRoot()
        return root * (1 + (δ / (2 * m)).squareRoot() / 3 + δ / (18 * m)) - δ
    }

    /// Daly's expected wall time for `solveSeconds` of failure-free work at interval τ, s (no failures: T_s plus the
    /// checkpoints, T_s·(1 + δ/τ)).
    public static func wallSeconds(solveSeconds ts: Double, interval τ: Double, checkpointSeconds δ: Double,
                                   restartSeconds r: Double, mtbfSeconds m: Double) -> Double {
        guard m.isFinite else { return ts * (1 + δ / τ) }
        return m * exp(r / m) * expm1((τ + δ) / m) * ts / τ
    }

    /// Interruption rates of Meta's Llama 3 405B pre-training: 419 unexpected interruptions in 54 days on 16,384 H100
    /// in 2,048 nodes, of which GPU-attributed (faulty GPU 148, HBM3 72, SRAM 19, GPU system processor 17) 256 and
    /// the other 163 host, network and software (Llama Team, arXiv 2407.21783, table 5; shared references §8).
    /// λ_gpu = 256 / (54·24·16,384) = 1.206e-5 per GPU-hour; λ_node = 163 / (54·24·2,048) = 6.14e-5 per node-hour.
    /// Checkpoints: 14 B per parameter — BF16 weights (2), FP32 master weights (4), Adam moments (8) (Rajbhandari et
    /// al. 2020, ZeRO §3.1: 16 B of model states with the FP16 gradients, which are not saved); written at the storage
    /// share of Llama 3's cluster, whose storage sustains 2 TB/s for 2,048 nodes (arXiv 2407.21783 §3.3.1):
    /// 2e12 / 2,048 = 0.98 GB/s per node (the storage system, not the nodes' 2 × 400 Gb/s storage NICs, binds).
    /// Restart: Assumption: 10 min to detect, swap in a spare node and reload the last checkpoint.
    public static let llama3OnPremises = TrainingReliability(
        gpuInterruptionsPerHour: 256.0 / (54 * 24 * 16_384), nodeInterruptionsPerHour: 163.0 / (54 * 24 * 2_048),
        checkpointBytesPerParameter: 14, checkpointBytesPerSecondPerNode: 2e12 / 2_048, restartSeconds: 600,
        source: "Llama 3 interruption census (arXiv 2407.21783 table 5) and storage (§3.3.1); ZeRO checkpoint bytes; restart 10 min (assumption)")

    /// The same GPUs rented: the hardware interruption rates and checkpoint bandwidth of `llama3OnPremises`, but
    /// Assumption: 30 min to restart (a failed instance is replaced through the provider's capacity, then reloaded).
    public static let cloudInstances = TrainingReliability(
        gpuInterruptionsPerHour: 256.0 / (54 * 24 * 16_384), nodeInterruptionsPerHour: 163.0 / (54 * 24 * 2_048),
        checkpointBytesPerParameter: 14, checkpointBytesPerSecondPerNode: 2e12 / 2_048, restartSeconds: 1_800,
        source: "Llama 3 interruption rates and storage share; restart 30 min is an assumption")
}
