import Foundation

/// Moist-air relations used by the weather models.
public enum Psychrometrics {
    /// Wet-bulb temperature from dry-bulb T (°C) and relative humidity (0…1) by Stull's empirical formula
    /// (R. Stull, "Wet-Bulb Temperature from Relative Humidity and Air Temperature", J. Appl. Meteor.
    /// Climatol. 50, 2267–2269, 2011):
    ///
    ///     T_w = T·atan(0.151977·(RH + 8.313659)^½) + atan(T + RH) − atan(RH − 1.676331)
    ///           + 0.00391838·RH^(3/2)·atan(0.023101·RH) − 4.686035        (RH in %)
    ///
    /// valid for RH 5–99 % and T −20…50 °C at sea-level pressure, within about −1…+0.65 K; the paper's
    /// example gives 13.7 °C at 20 °C and 50 %. RH is clamped into 5–99 % and the result to ≤ T.
    @inline(__always)
    public static func stullWetBulbCelsius(dryBulbCelsius t: Double, relativeHumidity: Double) -> Double {
        let rh = min(99, max(5, relativeHumidity * 100))
        let a = t * atan(0.151977 * (rh + 8.313659).squareRoot())
        let b = atan(t + rh) - atan(rh - 1.676331)
        let c = 0.00391838 * pow(rh, 1.5) * atan(0.023101 * rh)
        return min(t, a + b + c - 4.686035)
    }

    /// Saturation vapour pressure over water, Pa, by the Magnus form with Alduchov & Eskridge's
    /// coefficients (J. Appl. Meteor. 35, 601–609, 1996): e_s = 610.94·exp(17.625·T/(T + 243.04)).
    @inline(__always)
    public static func saturationVaporPressurePascals(celsius t: Double) -> Double {
        610.94 * exp(17.625 * t / (t + 243.04))
    }

    /// Dew point from dry-bulb (°C) and relative humidity (0…1), °C: the inverse Magnus form.
    public static func dewPointCelsius(dryBulbCelsius t: Double, relativeHumidity: Double) -> Double {
        let gamma = log(max(relativeHumidity, 1e-6)) + 17.625 * t / (t + 243.04)
        return 243.04 * gamma / (17.625 - gamma)
    }

    /// Relative humidity (0…1) from dry-bulb and dew point (°C): e_s(T_d)/e_s(T), capped at 1.
    public static func relativeHumidity(dryBulbCelsius t: Double, dewPointCelsius td: Double) -> Double {
        min(1, saturationVaporPressurePascals(celsius: td) / saturationVaporPressurePascals(celsius: t))
    }
}
