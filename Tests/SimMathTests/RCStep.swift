import Foundation

/// The first-order thermal RC step response used by the ODE and root-finding tests.
///
/// C dT/dt = P − (T − Tc)/R has the closed form T(t) = Tc + P·R + (T0 − Tc − P·R)·e^(−t/RC).
/// Figures: C = 5000 J/K, R = 0.05 K/W (τ = RC = 250 s), P = 1000 W, Tc = T0 = 30 °C, so the steady
/// state is Tc + P·R = 80 °C and 70 °C is crossed at t = −RC·ln((70 − 80)/(30 − 80)) = 250·ln 5
/// = 402.3594781085251 s. Assumption: round illustrative values, not a particular device.
struct RCStep {
    let capacitanceJoulesPerKelvin = 5000.0
    let resistanceKelvinPerWatt = 0.05
    let powerWatts = 1000.0
    let coolantCelsius = 30.0
    let initialCelsius = 30.0

    /// T(t) in °C, t in s.
    func temperature(atSeconds t: Double) -> Double {
        let steady = coolantCelsius + powerWatts * resistanceKelvinPerWatt
        let tau = resistanceKelvinPerWatt * capacitanceJoulesPerKelvin
        return steady + (initialCelsius - steady) * exp(-t / tau)
    }
}
