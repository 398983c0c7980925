import Foundation

/// An accelerator's datasheet figures, thermal limits and its power and throughput models.
///
/// Power at utilisation u ∈ [0, 1] and clock ratio f = f/f_max (a DVFS state):
///
///     P(u, f) = P_static + u·P_dyn,max·(f/f_max)·(V(f)/V_max)²
///
/// with P_static = P_idle (the power at u = 0) and P_dyn,max = TDP − P_idle, so that P(0, ·) = P_idle and
/// P(1, 1) = TDP; V(f) follows `VoltageFrequencyCurve` (linear between V_min and V_max, Assumption —
/// see there). Throughput relative to full clock is f for compute-bound work and
/// 1/((1 − s) + s/f) for work that spends a share s of its full-clock time computing and the rest
/// waiting on HBM, whose bandwidth does not follow the core clock (memory-bound decode).
public struct AcceleratorSpec: Sendable, Equatable, Codable {
    /// Catalogue name, e.g. `H100-SXM`.
    public var name: String
    /// Thermal design power (board/module power limit), W.
    public var tdpWatts: Double
    /// Power at zero utilisation, W.
    public var idleWatts: Double
    /// Dense BF16 peak, FLOP/s.
    public var peakBF16FlopsPerSecond: Double
    /// Dense FP8 peak, FLOP/s (0 when the accelerator has no FP8 tensor path, e.g. A100).
    public var peakFP8FlopsPerSecond: Double
    /// HBM bandwidth, B/s.
    public var memoryBandwidthBytesPerSecond: Double
    /// HBM capacity, B.
    public var memoryBytes: Double
    /// Highest temperature of normal operation (vendor "max operating"), °C.
    public var maxOperatingCelsius: Double
    /// Hardware slowdown (thermal throttle) temperature, °C.
    public var slowdownCelsius: Double
    /// Hardware shutdown temperature, °C.
    public var shutdownCelsius: Double
    /// DVFS states as clock ratios f/f_max, highest first.
    public var clockStates: [Double]
    /// How voltage follows the clock.
    public var voltageCurve: VoltageFrequencyCurve
    /// Where the figures come from.
    public var source: String

    public init(name: String, tdpWatts: Double, idleWatts: Double, peakBF16FlopsPerSecond: Double, peakFP8FlopsPerSecond: Double,
                memoryBandwidthBytesPerSecond: Double, memoryBytes: Double, maxOperatingCelsius: Double? = nil,
                slowdownCelsius: Double, shutdownCelsius: Double, clockStates: [Double],
                voltageCurve: VoltageFrequencyCurve = .typicalGPU, source: String) {
        self.name = name
        self.tdpWatts = tdpWatts
        self.idleWatts = idleWatts
        self.peakBF16FlopsPerSecond = peakBF16FlopsPerSecond
        self.peakFP8FlopsPerSecond = peakFP8FlopsPerSecond
        self.memoryBandwidthBytesPerSecond = memoryBandwidthBytesPerSecond
        self.memoryBytes = memoryBytes
        self.maxOperatingCelsius = maxOperatingCelsius ?? slowdownCelsius - 2
        self.slowdownCelsius = slowdownCelsius
        self.shutdownCelsius = shutdownCelsius
        self.clockStates = clockStates
        self.voltageCurve = voltageCurve
        self.source = source
    }

    /// Checks the figures are physical: 0 ≤ idle < TDP, positive peaks and memory, limits ordered
    /// (max operating ≤ slowdown ≤ shutdown), clock states in (0, 1] and descending.
    /// - Throws: `FacilityModelError`.
    public func validate() throws {
        let model = "AcceleratorSpec(\(name))"
        try FacilityModelError.requirePositive(tdpWatts, model, "tdpWatts")
        try FacilityModelError.require(idleWatts, in: 0...tdpWatts, model, "idleWatts")
        try FacilityModelError.requirePositive(peakBF16FlopsPerSecond, model, "peakBF16FlopsPerSecond")
        try FacilityModelError.requireNonNegative(peakFP8FlopsPerSecond, model, "peakFP8FlopsPerSecond")
        try FacilityModelError.requirePositive(memoryBandwidthBytesPerSecond, model, "memoryBandwidthBytesPerSecond")
        try FacilityModelError.requirePositive(memoryBytes, model, "memoryBytes")
        guard maxOperatingCelsius <= slowdownCelsius, slowdownCelsius <= shutdownCelsius else {
            throw FacilityModelError.invalidConfiguration(model: model, message: "limits must satisfy max operating ≤ slowdown ≤ shutdown (\(maxOperatingCelsius), \(slowdownCelsius), \(shutdownCelsius) °C)")
        }
        guard !clockStates.isEmpty, clockStates.allSatisfy({ $0 > 0 && $0 <= 1 }), zip(clockStates, clockStates.dropFirst()).allSatisfy({ $0 > $1 }) else {
            throw FacilityModelError.invalidConfiguration(model: model, message: "clockStates must be non-empty, in (0, 1] and strictly descending: \(clockStates)")
        }
        try voltageCurve.validate()
    }

    /// Static power P_static = P_idle, W.
    public var staticWatts: Double { idleWatts }
    /// Dynamic power at full utilisation and clock, P_dyn,max = TDP − P_idle, W.
    public var maxDynamicWatts: Double { tdpWatts - idleWatts }

    /// Electrical power at utilisation `u` ∈ [0, 1] and clock ratio `clock` ∈ (0, 1], W (inputs clamped).
    @inline(__always)
    public func powerWatts(utilisation u: Double, clock: Double = 1) -> Double {
        idleWatts + max(0, min(u, 1)) * maxDynamicWatts * voltageCurve.dynamicPowerFactor(clock: clock)
    }

    /// Throughput relative to full clock for compute-bound work: f.
    public func computeThroughputRatio(clock: Double) -> Double { max(0, min(clock, 1)) }

    /// Throughput relative to full clock for work whose full-clock time is a share `computeShare` of
    /// compute and the rest of HBM traffic (which does not slow with the core clock):
    /// 1/((1 − s) + s/f). Assumption: s = 0.15 for a memory-bound decode step (batch-1 decode runs at
    /// ~1 FLOP/B against a ridge of ~295 FLOP/B on H100 — shared references §6 "Decode roofline" — so
    /// most of its time is memory time).
    public func memoryBoundThroughputRatio(clock: Double, computeShare: Double = 0.15) -> Double {
        let f = max(1e-9, min(clock, 1)), s = max(0, min(computeShare, 1))
        return 1 / ((1 - s) + s / f)
    }

    /// Peak dense FLOP/s at a clock ratio for a precision (FP8 falls back to BF16 when absent).
    public func peakFlopsPerSecond(fp8: Bool = false, clock: Double = 1) -> Double {
        let peak = fp8 && peakFP8FlopsPerSecond > 0 ? peakFP8FlopsPerSecond : peakBF16FlopsPerSecond
        return peak * computeThroughputRatio(clock: clock)
    }

    /// Roofline ridge point, FLOP/B: the arithmetic intensity above which work is compute-bound.
    public func ridgeFlopsPerByte(fp8: Bool = false) -> Double {
        peakFlopsPerSecond(fp8: fp8) / memoryBandwidthBytesPerSecond
    }

    /// The highest DVFS state whose power at utilisation `u` does not exceed `capWatts`, or the lowest
    /// state if none does (a power cap realised by clock, as DVFS governors do).
    public func clockState(forPowerCap capWatts: Double, utilisation u: Double) -> Double {
        clockStates.first { powerWatts(utilisation: u, clock: $0) <= capWatts } ?? clockStates.last ?? 1
    }
}
