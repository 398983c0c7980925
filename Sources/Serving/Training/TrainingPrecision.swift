import FacilityModels

/// Number format of a training run's matrix products.
///
/// `bf16`: every product in BF16 at the BF16 roof. `fp8`: Transformer Engine FP8 for the linear layers (as MLPerf
/// Training's GPT-3 submissions run, NVIDIA `config_fp8.sh`, training_results_v4.0). FP8 doubles the tensor cores'
/// arithmetic rate, but a training step does not run twice as fast: attention stays BF16, and casts, scaling
/// factors and memory-bound kernels do not speed up. The model therefore runs an FP8 step at the BF16 roof times
/// the end-to-end speed-up measured when FP8 is switched on: 1.42× — a 13B GPT in Megatron-LM on H100, 0.34 s per
/// step in BF16 against 0.24 s with `--fp8-hybrid` (NVIDIA/Megatron-LM issue #396, where the maintainers explain
/// the gap to 2×: communication, memory bandwidth, the optimiser step). One measurement of one model: Assumption
/// that it holds for other sizes.
public enum TrainingPrecision: String, Sendable, Codable, CaseIterable {
    case bf16
    case fp8

    /// End-to-end training speed-up of FP8 over BF16 on H100 (Megatron-LM issue #396: 0.34 s / 0.24 s).
    public static let fp8SpeedupOverBF16 = 0.34 / 0.24

    /// The roof a training step's model FLOPs run against on `accelerator`, FLOP/s: the BF16 peak, times the FP8
    /// end-to-end speed-up for `fp8` on accelerators with an FP8 path.
    public func stepRoofFlopsPerSecond(_ accelerator: AcceleratorSpec) -> Double {
        switch self {
        case .bf16: return accelerator.peakBF16FlopsPerSecond
        case .fp8: return accelerator.peakBF16FlopsPerSecond * (accelerator.peakFP8FlopsPerSecond > 0 ? Self.fp8SpeedupOverBF16 : 1)
        }
    }

    /// The datasheet peak model FLOPs utilisation is quoted against (FP8 dense for `fp8` where the accelerator has
    /// one, else BF16), FLOP/s.
    public func datasheetPeakFlopsPerSecond(_ accelerator: AcceleratorSpec) -> Double {
        switch self {
        case .bf16: return accelerator.peakBF16FlopsPerSecond
        case .fp8: return accelerator.peakFP8FlopsPerSecond > 0 ? accelerator.peakFP8FlopsPerSecond
            : accelerator.peakBF16FlopsPerSecond
        }
    }
}
