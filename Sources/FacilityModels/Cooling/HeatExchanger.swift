import Foundation

/// A counterflow heat exchanger by the effectiveness–NTU method, or a fixed approach.
///
/// Effectiveness ε = Q / Q_max with Q_max = C_min·(T_hot,in − T_cold,in). For counterflow
/// (Incropera & DeWitt, Fundamentals of Heat and Mass Transfer, Table 11.3):
///
///     ε = (1 − e^(−NTU(1 − Cr))) / (1 − Cr·e^(−NTU(1 − Cr))),   Cr = C_min/C_max < 1
///     ε = NTU / (1 + NTU),                                       Cr = 1
///
/// with NTU = UA/C_min. `approach` instead fixes the cold-out temperature at hot-in minus a constant
/// (the way CDU and tower data sheets state performance, e.g. 3 K for Google's Project Deschutes CDU).
public enum HeatExchanger: Sendable, Equatable, Codable {
    /// Conductance UA, W/K; ε from NTU and the capacity ratio.
    case counterflow(conductanceWattsPerKelvin: Double)
    /// A fixed effectiveness (0, 1].
    case effectiveness(Double)
    /// Cold stream leaves at hot-in − approach, K (capped by the energy balance).
    case approach(kelvin: Double)

    /// Checks the parameter.
    /// - Throws: `FacilityModelError.invalidParameter`.
    public func validate() throws {
        switch self {
        case .counterflow(let ua): try FacilityModelError.requireNonNegative(ua, "HeatExchanger", "conductanceWattsPerKelvin")
        case .effectiveness(let e): try FacilityModelError.require(e, in: 0...1, "HeatExchanger", "effectiveness")
        case .approach(let k): try FacilityModelError.requireNonNegative(k, "HeatExchanger", "approach kelvin")
        }
    }

    /// Counterflow effectiveness for `ntu` and capacity ratio `cr` ∈ [0, 1].
    public static func counterflowEffectiveness(ntu: Double, capacityRatio cr: Double) -> Double {
        guard ntu > 0 else { return 0 }
        if abs(1 - cr) < 1e-9 { return ntu / (1 + ntu) }
        let e = exp(-ntu * (1 - cr))
        return (1 - e) / (1 - cr * e)
    }

    /// Effectiveness for stream capacity rates `hot` and `cold` (ṁ·cp, W/K). For `.approach`, the
    /// effectiveness that reproduces the approach at the inlet temperatures given.
    public func effectiveness(hotCapacityRateWattsPerKelvin hot: Double, coldCapacityRateWattsPerKelvin cold: Double,
                              hotInCelsius: Double = 1, coldInCelsius: Double = 0) -> Double {
        let cMin = min(hot, cold), cMax = max(hot, cold)
        guard cMin > 0 else { return 0 }
        switch self {
        case .counterflow(let ua):
            return HeatExchanger.counterflowEffectiveness(ntu: ua / cMin, capacityRatio: cMin / cMax)
        case .effectiveness(let e):
            return e
        case .approach(let k):
            let span = hotInCelsius - coldInCelsius
            guard span > 0 else { return 0 }
            // Cold out = hot in − k ⇒ Q = C_cold·(span − k); ε = Q/(C_min·span), at most 1.
            return max(0, min(1, cold * (span - k) / (cMin * span)))
        }
    }

    /// Heat transferred from the hot to the cold stream, W: ε·C_min·(T_hot,in − T_cold,in).
    public func heatWatts(hotInCelsius: Double, coldInCelsius: Double, hotCapacityRateWattsPerKelvin hot: Double,
                          coldCapacityRateWattsPerKelvin cold: Double) -> Double {
        let e = effectiveness(hotCapacityRateWattsPerKelvin: hot, coldCapacityRateWattsPerKelvin: cold,
                              hotInCelsius: hotInCelsius, coldInCelsius: coldInCelsius)
        return e * min(hot, cold) * (hotInCelsius - coldInCelsius)
    }

    /// The conductance W/K that ties the hot inlet to the cold inlet: Q = G·(T_hot,in − T_cold,in),
    /// G = ε·C_min (for `.approach`, at the design span given).
    public func inletConductanceWattsPerKelvin(hotCapacityRateWattsPerKelvin hot: Double, coldCapacityRateWattsPerKelvin cold: Double,
                                              designSpanKelvin: Double = 10) -> Double {
        effectiveness(hotCapacityRateWattsPerKelvin: hot, coldCapacityRateWattsPerKelvin: cold,
                      hotInCelsius: designSpanKelvin, coldInCelsius: 0) * min(hot, cold)
    }
}
