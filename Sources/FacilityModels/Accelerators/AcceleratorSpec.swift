import Foundation

/// An accelerator's datasheet figures and its power model.
///
/// Power at utilisation u and clock ratio f = f/f_max:
/// P = P_idle + u·(P_TDP − P_idle)·f·(V(f)/V_max)², with V(f)/V_max = v₀ + (1 − v₀)·f (voltage rising
/// linearly with frequency), the classic dynamic-power form P ∝ C·V²·f plus a static floor.
/// Assumption: v₀ = 0.6 (V at f → 0 relative to V_max), typical of published DVFS tables for
/// 7–4 nm GPUs; the shape, not the constant, is what the DVFS literature supports
/// (Afzal et al., arXiv 2607.00819: baseline + linear + super-linear terms).
public struct AcceleratorSpec: Sendable, Equatable, Codable {
    /// Catalogue name, e.g. `H100-SXM`.
    public var name: String
    /// Thermal design power, W.
    public var tdpWatts: Double
    /// Power at zero utilisation and full clock, W.
    public var idleWatts: Double
    /// Dense BF16 peak, FLOP/s.
    public var peakBF16FlopsPerSecond: Double
    /// Dense FP8 peak, FLOP/s (0 when unsupported).
    public var peakFP8FlopsPerSecond: Double
    /// HBM bandwidth, B/s.
    public var memoryBandwidthBytesPerSecond: Double
    /// HBM capacity, B.
    public var memoryBytes: Double
    /// Hardware slowdown temperature, °C.
    public var slowdownCelsius: Double
    /// Hardware shutdown temperature, °C.
    public var shutdownCelsius: Double
    /// DVFS states as clock ratios f/f_max, highest first.
    public var clockStates: [Double]
    /// Where the figures come from.
    public var source: String

    /// Voltage ratio at zero frequency (see the type's documentation).
    public static let voltageFloorRatio = 0.6

    /// Electrical power at utilisation `u` ∈ [0, 1] and clock ratio `clock` ∈ (0, 1], W.
    public func powerWatts(utilisation u: Double, clock: Double = 1) -> Double {
        let v = AcceleratorSpec.voltageFloorRatio + (1 - AcceleratorSpec.voltageFloorRatio) * clock
        return idleWatts + u * (tdpWatts - idleWatts) * clock * v * v
    }

    /// Throughput relative to full clock for work that is compute-bound (∝ f).
    public func computeThroughputRatio(clock: Double) -> Double { clock }

    /// Throughput relative to full clock for memory-bound work: HBM bandwidth does not scale with the
    /// core clock, so only the compute share of an iteration slows. Assumption: a decode step is
    /// 85 % memory time, 15 % compute time at full clock.
    public func memoryBoundThroughputRatio(clock: Double, computeShare: Double = 0.15) -> Double {
        1 / ((1 - computeShare) + computeShare / clock)
    }
}
