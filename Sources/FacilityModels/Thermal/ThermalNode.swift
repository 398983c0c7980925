import Foundation

/// One lumped thermal node: a heat capacity C heated by P and losing heat through a resistance R to a
/// boundary (coolant, fluid, air) held at T_b.
///
///     C·dT/dt = P − (T − T_b)/R
///
/// For P and T_b constant between events the solution is closed form,
/// T(t) = T∞ + (T₀ − T∞)·e^(−t/τ) with τ = R·C and T∞ = T_b + P·R, so nothing is time-stepped and the
/// time a limit is crossed is a logarithm.
public struct ThermalNode: Sendable, Equatable, Codable {
    /// Heat capacity, J/K.
    public var capacitanceJoulesPerKelvin: Double
    /// Thermal resistance to the boundary, K/W.
    public var resistanceKelvinPerWatt: Double

    public init(capacitanceJoulesPerKelvin: Double, resistanceKelvinPerWatt: Double) {
        self.capacitanceJoulesPerKelvin = capacitanceJoulesPerKelvin
        self.resistanceKelvinPerWatt = resistanceKelvinPerWatt
    }

    /// Checks that C and R are finite and positive.
    /// - Throws: `FacilityModelError.invalidParameter`.
    public func validate() throws {
        try FacilityModelError.requirePositive(capacitanceJoulesPerKelvin, "ThermalNode", "capacitanceJoulesPerKelvin")
        try FacilityModelError.requirePositive(resistanceKelvinPerWatt, "ThermalNode", "resistanceKelvinPerWatt")
    }

    /// Time constant τ = R·C, s.
    public var timeConstantSeconds: Double { resistanceKelvinPerWatt * capacitanceJoulesPerKelvin }

    /// Steady temperature T∞ = T_b + P·R, °C.
    public func steadyCelsius(powerWatts: Double, boundaryCelsius: Double) -> Double {
        boundaryCelsius + powerWatts * resistanceKelvinPerWatt
    }

    /// Temperature `t` s after starting at `initialCelsius` under constant power and boundary, °C:
    /// T(t) = T∞ + (T₀ − T∞)·e^(−t/τ).
    public func celsius(after t: Double, from initialCelsius: Double, powerWatts: Double, boundaryCelsius: Double) -> Double {
        let steady = steadyCelsius(powerWatts: powerWatts, boundaryCelsius: boundaryCelsius)
        return steady + (initialCelsius - steady) * exp(-t / timeConstantSeconds)
    }

    /// Heat passed to the boundary over [0, t], J: ∫(T − T_b)/R dt
    /// = [(T∞ − T_b)·t + (T₀ − T∞)·τ·(1 − e^(−t/τ))]/R (computed with expm1 for short t).
    public func heatToBoundaryJoules(over t: Double, from initialCelsius: Double, powerWatts: Double, boundaryCelsius: Double) -> Double {
        let steady = steadyCelsius(powerWatts: powerWatts, boundaryCelsius: boundaryCelsius)
        let tau = timeConstantSeconds
        return ((steady - boundaryCelsius) * t - (initialCelsius - steady) * tau * expm1(-t / tau)) / resistanceKelvinPerWatt
    }

    /// The time in (0, horizon] at which the node reaches `limitCelsius`, or nil if it does not.
    ///
    /// T(t) is monotone, so it reaches the limit at most once, when the limit lies strictly between T₀
    /// and T∞: t = τ·ln((T₀ − T∞)/(T_limit − T∞)). A node already at the limit returns 0.
    public func timeToReach(_ limitCelsius: Double, from initialCelsius: Double, powerWatts: Double,
                            boundaryCelsius: Double, horizonSeconds: Double = .infinity) -> Double? {
        if initialCelsius == limitCelsius { return 0 }
        let steady = steadyCelsius(powerWatts: powerWatts, boundaryCelsius: boundaryCelsius)
        let ratio = (initialCelsius - steady) / (limitCelsius - steady)
        guard ratio > 1 else { return nil }   // the limit is not between T₀ and T∞ (or equals T∞: reached only as t → ∞)
        let t = timeConstantSeconds * log(ratio)
        return t <= horizonSeconds ? t : nil
    }
}
