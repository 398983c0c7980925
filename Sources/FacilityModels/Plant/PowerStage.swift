/// One stage of the power chain (transformer, UPS, PDU, rectifier, DC-DC, server PSU), with losses of
/// the form fixed + proportional + square-law in the load it carries.
///
/// loss(P) = r·(a + b·x + c·x²), x = P/r the per-unit load on rating r: the no-load (fixed), the
/// proportional and the I²R part (Schneider Electric's UPS loss definitions; transformers: no-load core
/// loss plus load loss ∝ load², DOE EA-1565). n identical units sharing a load equally are one stage of
/// rating n·r (the per-unit load is the same). The plant's stages (`ups`, `transformer`, `pdu`) take their
/// coefficients from the `ParameterCatalogue`.
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

    /// The UPS of the plant from the catalogue's loss coefficients (`PlantParameter.upsDoubleConversion…` or
    /// `upsEco…`; sources there): double conversion 96.2 % at full load, 95.7 % at 50 %, 93.3 % at 20 % with the
    /// defaults; eco mode (load on the bypass, inverter synchronised) 99.0 % at full load, 98.5 % at 50 %.
    public static func ups(ratingWatts: Double, ecoMode: Bool, _ c: ParameterCatalogue) -> PowerStage {
        ecoMode
            ? PowerStage(name: "ups", ratingWatts: ratingWatts, fixedLossFraction: c[.upsEcoFixedLossFraction],
                         proportionalLossFraction: c[.upsEcoProportionalLossFraction], squareLossFraction: 0)
            : PowerStage(name: "ups", ratingWatts: ratingWatts, fixedLossFraction: c[.upsDoubleConversionFixedLossFraction],
                         proportionalLossFraction: c[.upsDoubleConversionProportionalLossFraction],
                         squareLossFraction: c[.upsDoubleConversionSquareLossFraction])
    }

    /// Dry-type distribution transformer: no-load loss constant, load loss ∝ load² (DOE EA-1565), coefficients from
    /// the catalogue (98.7 % at full load, 99.0 % at 50 % with the defaults).
    public static func transformer(ratingWatts: Double, _ c: ParameterCatalogue) -> PowerStage {
        PowerStage(name: "transformer", ratingWatts: ratingWatts, fixedLossFraction: c[.transformerNoLoadLossFraction],
                   proportionalLossFraction: 0, squareLossFraction: c[.transformerLoadLossFraction])
    }

    /// Power distribution unit and busway: a proportional loss from the catalogue.
    public static func pdu(ratingWatts: Double, _ c: ParameterCatalogue) -> PowerStage {
        PowerStage(name: "pdu", ratingWatts: ratingWatts, fixedLossFraction: 0, proportionalLossFraction: c[.pduProportionalLossFraction],
                   squareLossFraction: 0)
    }
}
