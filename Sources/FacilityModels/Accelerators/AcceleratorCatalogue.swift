/// Sourced figures for the accelerators FactoryTwin knows by name.
///
/// Every figure is from the shared references (§1 Accelerators and §1 Thermal limits), which cite:
/// - A100 SXM4 80 GB: 400 W, 312 TFLOPS BF16 dense, 80 GB HBM2e at 2.039 TB/s (NVIDIA A100 datasheet via
///   glennklockwood.com/garden/processors/A100); no FP8 tensor path. Idle ≈ 60 W and limits max operating
///   85 °C, slowdown 89 °C, shutdown 92 °C from an `nvidia-smi -q` capture (thamada/nvidia-smi
///   gls/A100SXMx4_smi.py).
/// - H100 SXM5: 700 W, 989.4 / 1,978.9 TFLOPS BF16 / FP8 dense, 80 GB HBM3 at 3.35 TB/s
///   (glennklockwood.com/garden/processors/h100). Idle 75 W, the low end of 75–101 W in an nvidia-smi
///   capture (thamada/nvidia-smi nvsim/H100SXMx8_smi.py), which is also SplitwiseSim's idle figure
///   (configs/power_model/constant.yaml). Limits derived from the driver's margins in the same capture:
///   max operating ≈ 87 °C, slowdown ≈ 89 °C, shutdown ≈ 95 °C.
/// - H200 SXM: H100 compute, 141 GB HBM3e at 4.8 TB/s, TGP 700 W (mlcommons/inference_results_v4.1
///   closed/Dell/results/XE9680_H200_SXM_141GBx8_TRT; lzwjava.github.io H200 specs). Idle and limits:
///   Assumption, as H100 (same GH100 die and package class).
/// - B200 (HGX, 1,000 W): 2,250 / 4,500 TFLOPS BF16 / FP8 dense, 192 GB HBM3e at 8 TB/s
///   (glennklockwood.com/garden/processors/B200). Idle: Assumption 140 W (H100's 11 % idle share of
///   TDP, rounded); limits: Assumption, as H100.
/// - MI300X: 750 W package cap (rocm-smi capture thamada/nvidia-smi gls/MI300X_x4_smi.py), ≈ 1,307 /
///   2,615 TFLOPS BF16 / FP8 dense, 192 GB HBM3 at 5.3 TB/s (jaredwatkins.com AMD Instinct MI300 page).
///   Idle 130 W (same capture, 130–137 W). Limits: Assumption — AMD CDNA junction critical 100 °C and
///   emergency 105 °C as published for MI100 (ROCm/legacy-rocm-build issue 1468) used as slowdown and
///   shutdown; max operating 95 °C (Assumption, 5 K under critical as NVIDIA's 2–4 K gaps, rounded).
public enum AcceleratorCatalogue {
    /// DVFS states, clock ratio f/f_max. Assumption: eleven evenly spaced steps from full down to half
    /// clock (H100 SXM application clocks span roughly 1,980 MHz down to below 1,000 MHz; nvidia-smi
    /// lists supported clocks in ~15 MHz steps, which this coarsens).
    public static let clockStates: [Double] = [1.0, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.55, 0.5]

    /// Every known accelerator.
    public static let all: [AcceleratorSpec] = [
        AcceleratorSpec(name: "A100-SXM", tdpWatts: 400, idleWatts: 60, peakBF16FlopsPerSecond: 312e12,
                        peakFP8FlopsPerSecond: 0, memoryBandwidthBytesPerSecond: 2.039e12, memoryBytes: 80e9,
                        maxOperatingCelsius: 85, slowdownCelsius: 89, shutdownCelsius: 92, clockStates: clockStates,
                        source: "NVIDIA A100 datasheet (glennklockwood.com/garden/processors/A100); idle and limits: nvidia-smi -q (thamada/nvidia-smi gls/A100SXMx4_smi.py)"),
        AcceleratorSpec(name: "H100-SXM", tdpWatts: 700, idleWatts: 75, peakBF16FlopsPerSecond: 989.4e12,
                        peakFP8FlopsPerSecond: 1978.9e12, memoryBandwidthBytesPerSecond: 3.35e12, memoryBytes: 80e9,
                        maxOperatingCelsius: 87, slowdownCelsius: 89, shutdownCelsius: 95, clockStates: clockStates,
                        source: "NVIDIA H100 datasheet (glennklockwood.com/garden/processors/h100); idle and limits (from driver margins): nvidia-smi (thamada/nvidia-smi nvsim/H100SXMx8_smi.py)"),
        AcceleratorSpec(name: "H200", tdpWatts: 700, idleWatts: 75, peakBF16FlopsPerSecond: 989.4e12,
                        peakFP8FlopsPerSecond: 1978.9e12, memoryBandwidthBytesPerSecond: 4.8e12, memoryBytes: 141e9,
                        maxOperatingCelsius: 87, slowdownCelsius: 89, shutdownCelsius: 95, clockStates: clockStates,
                        source: "MLPerf Inference v4.1 Dell XE9680 H200 summary (TGP 700 W); HBM from lzwjava.github.io H200 specs; idle and limits: Assumption, as H100"),
        AcceleratorSpec(name: "B200", tdpWatts: 1000, idleWatts: 140, peakBF16FlopsPerSecond: 2250e12,
                        peakFP8FlopsPerSecond: 4500e12, memoryBandwidthBytesPerSecond: 8e12, memoryBytes: 192e9,
                        maxOperatingCelsius: 87, slowdownCelsius: 89, shutdownCelsius: 95, clockStates: clockStates,
                        source: "glennklockwood.com/garden/processors/B200 (HGX 1,000 W); idle 140 W and limits: Assumption"),
        AcceleratorSpec(name: "MI300X", tdpWatts: 750, idleWatts: 130, peakBF16FlopsPerSecond: 1307e12,
                        peakFP8FlopsPerSecond: 2615e12, memoryBandwidthBytesPerSecond: 5.3e12, memoryBytes: 192e9,
                        maxOperatingCelsius: 95, slowdownCelsius: 100, shutdownCelsius: 105, clockStates: clockStates,
                        source: "jaredwatkins.com AMD Instinct MI300 page; 750 W cap and idle: rocm-smi (thamada/nvidia-smi gls/MI300X_x4_smi.py); limits: Assumption from MI100 (ROCm legacy-rocm-build issue 1468)"),
    ]

    /// The catalogue names, in catalogue order.
    public static var names: [String] { all.map(\.name) }

    /// The catalogue entry called `name`, ignoring case. Other spellings are refused on purpose: the
    /// scenario layer suggests the nearest known name ("did you mean 'H100-SXM'?").
    /// - Throws: `FacilityModelError.unknownName` listing the known names.
    public static func spec(named name: String) throws -> AcceleratorSpec {
        guard let spec = all.first(where: { $0.name.lowercased() == name.lowercased() }) else {
            throw FacilityModelError.unknownName(kind: "accelerator", name: name, known: names)
        }
        return spec
    }
}
