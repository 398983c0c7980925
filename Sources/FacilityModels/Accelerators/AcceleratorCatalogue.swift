/// Sourced figures for the accelerators FactoryTwin knows by name.
///
/// Sources (see also shared references, §1 Accelerators):
/// - A100 SXM4 80 GB: NVIDIA A100 datasheet via glennklockwood.com/garden/processors/A100; idle ≈ 60 W and
///   thresholds (slowdown 89 °C, shutdown 92 °C) from an nvidia-smi -q capture (thamada/nvidia-smi gls/A100SXMx4_smi.py).
/// - H100 SXM5: 700 W, 989.4 TFLOPS BF16 / 1978.9 FP8 dense, 80 GB HBM3 at 3.35 TB/s (glennklockwood.com/garden/processors/h100);
///   idle 75 W (thamada/nvidia-smi nvsim/H100SXMx8_smi.py, 75–101 W); slowdown ≈ 89 °C, shutdown ≈ 95 °C (same capture, margins).
/// - H200 SXM: same compute as H100, 141 GB HBM3e at 4.8 TB/s, TGP 700 W (MLPerf Inference v4.1 Dell XE9680 H200 summary);
///   idle and thresholds. Assumption: as H100.
/// - B200 (HGX, 1,000 W): 2,250 TFLOPS BF16 / 4,500 FP8 dense, 192 GB HBM3e at 8 TB/s (glennklockwood.com/garden/processors/B200);
///   idle. Assumption: 140 W (H100's idle share of TDP); thresholds. Assumption: as H100.
/// - MI300X: 750 W, ≈ 1,307 TFLOPS BF16 / 2,615 FP8 dense, 192 GB HBM3 at 5.3 TB/s (jaredwatkins.com AMD Instinct MI300 page;
///   rocm-smi capture thamada/nvidia-smi gls/MI300X_x4_smi.py for the 750 W cap); idle 130 W (same capture, 130–137 W);
///   thresholds. Assumption: CDNA junction critical 100 °C / emergency 105 °C (ROCm legacy-rocm-build issue 1468).
public enum AcceleratorCatalogue {
    /// DVFS states, clock ratio f/f_max. Assumption: ten evenly spaced steps down to half clock
    /// (H100 SXM application clocks span roughly 1,980 MHz down to below 1,000 MHz).
    static let clockStates: [Double] = [1.0, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.55, 0.5]

    public static let all: [AcceleratorSpec] = [
        AcceleratorSpec(name: "A100-SXM", tdpWatts: 400, idleWatts: 60, peakBF16FlopsPerSecond: 312e12,
                        peakFP8FlopsPerSecond: 0, memoryBandwidthBytesPerSecond: 2.039e12, memoryBytes: 80e9,
                        slowdownCelsius: 89, shutdownCelsius: 92, clockStates: clockStates,
                        source: "NVIDIA A100 datasheet (glennklockwood.com); nvidia-smi capture (thamada/nvidia-smi)"),
        AcceleratorSpec(name: "H100-SXM", tdpWatts: 700, idleWatts: 75, peakBF16FlopsPerSecond: 989.4e12,
                        peakFP8FlopsPerSecond: 1978.9e12, memoryBandwidthBytesPerSecond: 3.35e12, memoryBytes: 80e9,
                        slowdownCelsius: 89, shutdownCelsius: 95, clockStates: clockStates,
                        source: "NVIDIA H100 datasheet (glennklockwood.com); nvidia-smi capture (thamada/nvidia-smi)"),
        AcceleratorSpec(name: "H200", tdpWatts: 700, idleWatts: 75, peakBF16FlopsPerSecond: 989.4e12,
                        peakFP8FlopsPerSecond: 1978.9e12, memoryBandwidthBytesPerSecond: 4.8e12, memoryBytes: 141e9,
                        slowdownCelsius: 89, shutdownCelsius: 95, clockStates: clockStates,
                        source: "MLPerf Inference v4.1 Dell XE9680 H200 summary; idle/thresholds assumed as H100"),
        AcceleratorSpec(name: "B200", tdpWatts: 1000, idleWatts: 140, peakBF16FlopsPerSecond: 2250e12,
                        peakFP8FlopsPerSecond: 4500e12, memoryBandwidthBytesPerSecond: 8e12, memoryBytes: 192e9,
                        slowdownCelsius: 89, shutdownCelsius: 95, clockStates: clockStates,
                        source: "glennklockwood.com/garden/processors/B200; idle/thresholds assumed"),
        AcceleratorSpec(name: "MI300X", tdpWatts: 750, idleWatts: 130, peakBF16FlopsPerSecond: 1307e12,
                        peakFP8FlopsPerSecond: 2615e12, memoryBandwidthBytesPerSecond: 5.3e12, memoryBytes: 192e9,
                        slowdownCelsius: 100, shutdownCelsius: 105, clockStates: clockStates,
                        source: "AMD MI300X figures (jaredwatkins.com); rocm-smi capture (thamada/nvidia-smi)"),
    ]

    /// Error for an unknown accelerator name; lists the known ones.
    public struct UnknownAccelerator: Error, CustomStringConvertible {
        public var name: String
        public var description: String {
            "unknown accelerator '\(name)'; known: \(AcceleratorCatalogue.all.map(\.name).joined(separator: ", "))"
        }
    }

    /// The catalogue entry called `name` (case-insensitive).
    public static func spec(named name: String) throws -> AcceleratorSpec {
        guard let spec = all.first(where: { $0.name.lowercased() == name.lowercased() }) else {
            throw UnknownAccelerator(name: name)
        }
        return spec
    }
}
