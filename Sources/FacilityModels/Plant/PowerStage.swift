/// One stage of the power chain (transformer, UPS, PDU), with losses of the form
/// fixed + proportional + square-law in the load it carries.
///
/// loss(P) = r·(a + b·x + c·x²), x = P/r the per-unit load on rating r: the no-load (fixed), the
/// proportional and the I²R part (Schneider Electric's UPS loss definitions; transformers:
/// no-load core loss plus load loss ∝ load², DOE EA-1565).
public struct PowerStage: Sendable, Equatable {
    public var name: String
    /// Rating, W.
    public var ratingWatts: Double
    /// No-load loss as a fraction of rating.
    public var fixedLossFraction: Double
    /// Loss proportional to load, as a fraction of load.
    public var proportionalLossFraction: Double
    /// Square-law loss at full load, as a fraction of rating.
    public var squareLossFraction: Double

    public init(name: String, ratingWatts: Double, fixedLossFraction: Double, proportionalLossFraction: Double,
                squareLossFraction: Double) {
        self.name = name
        self.ratingWatts = ratingWatts
        self.fixedLossFraction = fixedLossFraction
        self.proportionalLossFraction = proportionalLossFraction
        self.squareLossFraction = squareLossFraction
    }

    /// Loss while delivering `outputWatts`, W.
    public func lossWatts(outputWatts: Double) -> Double {
        let x = outputWatts / ratingWatts
        return ratingWatts * (fixedLossFraction + proportionalLossFraction * x + squareLossFraction * x * x)
    }

    /// Efficiency output/(output + loss) at `outputWatts`.
    public func efficiency(outputWatts: Double) -> Double {
        outputWatts / (outputWatts + lossWatts(outputWatts: outputWatts))
    }

    /// Double-conversion UPS. Sources: double conversion 94–97 % (Riello UPS FAQ); no-load loss up to 40 %
    /// of losses and 1–4 % I²R at high load (Schneider definitions of losses). Assumption: 1 % of rating
    /// fixed, 2 % proportional, 1 % square-law at full load → 96.2 % at full load, 94.6 % at 50 %,
    /// 87.7 % at 20 % (the low-load drop the Riello page describes).
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

    /// Dry-type distribution transformer, ≥ 98 % efficient (DOE efficiency standards, maddox.com summary).
    /// Assumption: no-load 0.3 % of rating, load loss 1.0 % at full load.
    public static func transformer(ratingWatts: Double) -> PowerStage {
        PowerStage(name: "transformer", ratingWatts: ratingWatts, fixedLossFraction: 0.003, proportionalLossFraction: 0,
                   squareLossFraction: 0.01)
    }

    /// Power distribution unit and busway. Assumption: 0.5 % proportional loss.
    public static func pdu(ratingWatts: Double) -> PowerStage {
        PowerStage(name: "pdu", ratingWatts: ratingWatts, fixedLossFraction: 0, proportionalLossFraction: 0.005,
                   squareLossFraction: 0)
    }
}
