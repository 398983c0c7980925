/// How an accelerator's core voltage follows its clock under DVFS.
///
/// V rises linearly with f between (f_min, V_min) and (f_max, V_max); below f_min the voltage stays at
/// its floor V_min (the clock can drop further but the voltage cannot). Ratios are to f_max and V_max.
///
/// Assumption: V_min/V_max = 0.8 at f_min/f_max = 0.5. The linear V–f segment and the P ∝ C·V²·f
/// dynamic-power law are the shape the public DVFS studies support (shared references, §1 "Power vs
/// clock / utilisation": besthub.dev on P ≈ C·V²·f; Afzal et al., arXiv 2607.00819, measured A40/A100/
/// H100/H200 power = baseline + linear + super-linear term in f); the two numbers are not published per
/// product. With them, a GPU at half clock and full utilisation draws 0.5·0.8² = 32 % of its dynamic
/// power, consistent with the observation that lowering f saves energy (Samsi et al., arXiv 2310.03003:
/// 250 → 175 W cap, −23 % energy for +6–7 % latency).
public struct VoltageFrequencyCurve: Sendable, Equatable, Codable {
    /// Lowest DVFS clock ratio f_min/f_max at which the voltage is still being scaled.
    public var minimumClockRatio: Double
    /// Voltage ratio V_min/V_max at and below `minimumClockRatio`.
    public var minimumVoltageRatio: Double

    public init(minimumClockRatio: Double = 0.5, minimumVoltageRatio: Double = 0.8) {
        self.minimumClockRatio = minimumClockRatio
        self.minimumVoltageRatio = minimumVoltageRatio
    }

    /// The default curve (see the type's documentation). Assumption.
    public static let typicalGPU = VoltageFrequencyCurve()

    /// Checks 0 < f_min < 1 and 0 < V_min ≤ 1.
    /// - Throws: `FacilityModelError.invalidParameter`.
    public func validate() throws {
        guard minimumClockRatio > 0, minimumClockRatio < 1 else {
            throw FacilityModelError.invalidParameter(model: "VoltageFrequencyCurve", parameter: "minimumClockRatio",
                                                      value: minimumClockRatio, requirement: "in (0, 1)")
        }
        try FacilityModelError.require(minimumVoltageRatio, in: 1e-3...1, "VoltageFrequencyCurve", "minimumVoltageRatio")
    }

    /// V(f)/V_max for a clock ratio f/f_max (clamped to ≤ 1).
    @inline(__always)
    public func voltageRatio(clock: Double) -> Double {
        let f = min(clock, 1)
        guard f > minimumClockRatio else { return minimumVoltageRatio }
        return minimumVoltageRatio + (1 - minimumVoltageRatio) * (f - minimumClockRatio) / (1 - minimumClockRatio)
    }

    /// The dynamic-power factor (f/f_max)·(V(f)/V_max)², 1 at full clock.
    @inline(__always)
    public func dynamicPowerFactor(clock: Double) -> Double {
        let f = max(0, min(clock, 1))
        let v = voltageRatio(clock: f)
        return f * v * v
    }
}
