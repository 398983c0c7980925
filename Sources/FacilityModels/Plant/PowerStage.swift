/// One stage of the power chain (transformer, UPS, PDU, rectifier, DC-DC, server PSU), with losses of
/// the form fixed + proportional + square-law in the load it carries.
///
/// loss(P) = r·(a + b·x + c·x²), x = P/r the per-unit load on rating r: the no-load (fixed), the
/// proportional and the I²R part (Schneider Electric's UPS loss definitions; transformers: no-load core
/// loss plus load loss ∝ load², DOE EA-1565). n identical units sharing a load equally are one stage of
/// rating n·r (the per-unit load is the same). RAPS' converter form P_in = (P_out + c)/η
/// (`ExaDigiT/RAPS raps/power.py`) is the special case a·r = c/η, b = 1/η − 1, c = 0 (`converter`).
public struct PowerStage: Sendable, Equatable, Codable {
    /// Name for reports, e.g. "ups".
    public var name: String
    /// Rating, W.
    public var ratingWatts: Double
    /// No-load loss as a fraction of rating (a).
    public var fixedLossFraction: Double
    /// Loss proportional to load, as a fraction of load (b).
    public var proportionalLossFraction: Double
    /// Square-law loss at full load, as a fraction of rating (c).
    public var squareLossFraction: Double

    public init(name: String, ratingWatts: Double, fixedLossFraction: Double, proportionalLossFraction: Double,
                squareLossFraction: Double) {
        self.name = name
        self.ratingWatts = ratingWatts
        self.fixedLossFraction = fixedLossFraction
        self.proportionalLossFraction = proportionalLossFraction
        self.squareLossFraction = squareLossFraction
    }

    /// Checks the rating is positive and the loss fractions non-negative.
    /// - Throws: `FacilityModelError.invalidParameter`.
    public func validate() throws {
        try FacilityModelError.requirePositive(ratingWatts, "PowerStage(\(name))", "ratingWatts")
        try FacilityModelError.requireNonNegative(fixedLossFraction, "PowerStage(\(name))", "fixedLossFraction")
        try FacilityModelError.requireNonNegative(proportionalLossFraction, "PowerStage(\(name))", "proportionalLossFraction")
        try FacilityModelError.requireNonNegative(squareLossFraction, "PowerStage(\(name))", "squareLossFraction")
    }

    /// Loss while delivering `outputWatts`, W.
    @inline(__always)
    public func lossWatts(outputWatts: Double) -> Double {
        let x = outputWatts / ratingWatts
        return ratingWatts * (fixedLossFraction + proportionalLossFraction * x + squareLossFraction * x * x)
    }

    /// Input power while delivering `outputWatts`, W.
    @inline(__always)
    public func inputWatts(outputWatts: Double) -> Double { outputWatts + lossWatts(outputWatts: outputWatts) }

    /// Efficiency output/(output + loss) at `outputWatts`.
    public func efficiency(outputWatts: Double) -> Double {
        outputWatts / (outputWatts + lossWatts(outputWatts: outputWatts))
    }

    /// A converter in RAPS' form P_in = (P_out + c)/η per unit, `units` units sharing the load.
    /// - Parameters:
    ///   - constantLossWatts: c per unit, W.
    ///   - efficiency: η per unit.
    ///   - unitRatingWatts: rating of one unit, W (only scales the fractions; losses do not depend on it).
    public static func converter(name: String, constantLossWatts: Double, efficiency: Double, units: Int = 1, unitRatingWatts: Double) -> PowerStage {
        let rating = Double(units) * unitRatingWatts
        return PowerStage(name: name, ratingWatts: rating, fixedLossFraction: Double(units) * constantLossWatts / efficiency / rating,
                          proportionalLossFraction: 1 / efficiency - 1, squareLossFraction: 0)
    }

    /// Frontier's rectifiers: c = 17 W, η = 0.96 per rectifier, one per 4 nodes; unit rating 13.67 kW, the
    /// staging threshold (`ExaDigiT/RAPS config/frontier.yaml`: rectifier_loss_constant,
    /// rectifier_efficiency, rectifier_peak_threshold; `raps/power.py` compute_loss).
    public static func rapsRectifier(units: Int) -> PowerStage {
        converter(name: "rectifier", constantLossWatts: 17, efficiency: 0.96, units: units, unitRatingWatts: 13_670)
    }

    /// Frontier's node DC-DC (SIVOC) converters: c = 13 W, η = 0.98 per node (same RAPS files). Unit rating:
    /// Assumption 4 kW (only scales the fractions).
    public static func rapsSIVOC(units: Int) -> PowerStage {
        converter(name: "dc-dc", constantLossWatts: 13, efficiency: 0.98, units: units, unitRatingWatts: 4_000)
    }

    /// Double-conversion UPS. Sources: double conversion 94–97 % (Riello UPS FAQ); no-load loss up to 40 % of
    /// losses and 1–4 % I²R at high load (Schneider definitions of losses). Assumption: 1 % of rating fixed,
    /// 2 % proportional, 1 % square-law at full load → 96.2 % at full load, 95.7 % at 50 %, 93.3 % at 20 %.
    public static func doubleConversionUPS(ratingWatts: Double) -> PowerStage {
        PowerStage(name: "ups", ratingWatts: ratingWatts, fixedLossFraction: 0.01, proportionalLossFraction: 0.02,
                   squareLossFraction: 0.01)
    }

    /// UPS in eco mode: the load runs on the bypass and the inverter stays synchronised; 98–99 % efficient
    /// (Schneider eConversion, Riello FAQ). Assumption: 0.5 % of rating fixed, 0.5 % proportional.
    public static func ecoModeUPS(ratingWatts: Double) -> PowerStage {
        PowerStage(name: "ups", ratingWatts: ratingWatts, fixedLossFraction: 0.005, proportionalLossFraction: 0.005,
                   squareLossFraction: 0)
    }

    /// Dry-type distribution transformer, ≥ 98 % efficient (DOE efficiency standards, maddox.com summary;
    /// DOE EA-1565: no-load loss constant, load loss ∝ load²). Assumption: no-load 0.3 % of rating, load
    /// loss 1.0 % at full load → 98.7 % at full load, 99.0 % at 50 %.
    public static func transformer(ratingWatts: Double) -> PowerStage {
        PowerStage(name: "transformer", ratingWatts: ratingWatts, fixedLossFraction: 0.003, proportionalLossFraction: 0,
                   squareLossFraction: 0.01)
    }

    /// Power distribution unit and busway. Assumption: 0.5 % proportional loss.
    public static func pdu(ratingWatts: Double) -> PowerStage {
        PowerStage(name: "pdu", ratingWatts: ratingWatts, fixedLossFraction: 0, proportionalLossFraction: 0.005,
                   squareLossFraction: 0)
    }

    /// Server power supplies meeting 80 PLUS Titanium (230 V internal redundant: ≥ 90 / 94 / 96 / 91 % at
    /// 10 / 20 / 50 / 100 % load; 80 Plus certification table, en.wikipedia.org/wiki/80_Plus). Assumption:
    /// no-load + I²R losses fitted through the 10 % and 50 % points (a = 0.010706, c = 0.040509); the fit
    /// gives 94.2 % at 20 % and 95.1 % at 100 %, so it meets all four minimums.
    public static func serverPSU(ratingWatts: Double) -> PowerStage {
        let l10 = 0.1 * (1 / 0.90 - 1), l50 = 0.5 * (1 / 0.96 - 1)
        let c = (l50 - l10) / (0.25 - 0.01)
        return PowerStage(name: "psu", ratingWatts: ratingWatts, fixedLossFraction: l10 - 0.01 * c, proportionalLossFraction: 0,
                          squareLossFraction: c)
    }
}
