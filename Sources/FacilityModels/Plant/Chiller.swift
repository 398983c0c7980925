/// A vapour-compression chiller whose COP falls with lift.
///
/// COP = η·T_evap/(T_cond − T_evap) (temperatures in K), a fixed fraction η of the Carnot COP, with the
/// refrigerant evaporating `evaporatorApproachKelvin` below the chilled-water supply and condensing
/// `condenserApproachKelvin` above its sink (condenser water or outdoor air), the sink held at or above
/// a minimum (head-pressure control).
///
/// Assumption (shared references §3, "Chiller COP model", **A**): η = 0.5 with 2 K evaporator and 3 K
/// condenser approaches; at the AHRI rating point (6.7 °C chilled water, 29.4 °C entering condenser water)
/// this gives COP = 0.5·277.85/27.7 = 5.02, inside the 4.4–5.9 (0.6–0.8 kW/ton) of BAC's "Minimizing
/// Energy Costs with Free Cooling". The COP is capped at 12 (Assumption: compressors do not run
/// efficiently at very small lift) and the sink floored at 18.3 °C (65 °F, Assumption: a typical minimum
/// entering condenser water temperature for centrifugal chillers).
public struct Chiller: Sendable, Equatable, Codable {
    /// Fraction of the Carnot COP reached.
    public var carnotFraction: Double = 0.5
    /// Evaporator refrigerant below the chilled-water supply, K.
    public var evaporatorApproachKelvin: Double = 2
    /// Condenser refrigerant above the condenser-water or air temperature, K.
    public var condenserApproachKelvin: Double = 3
    /// Upper bound of the COP.
    public var maximumCOP: Double = 12
    /// Lowest condenser sink temperature the chiller runs at, °C.
    public var minimumSinkCelsius: Double = 18.3

    public init() {}

    public init(carnotFraction: Double, evaporatorApproachKelvin: Double = 2, condenserApproachKelvin: Double = 3,
                maximumCOP: Double = 12, minimumSinkCelsius: Double = 18.3) {
        self.carnotFraction = carnotFraction
        self.evaporatorApproachKelvin = evaporatorApproachKelvin
        self.condenserApproachKelvin = condenserApproachKelvin
        self.maximumCOP = maximumCOP
        self.minimumSinkCelsius = minimumSinkCelsius
    }

    /// Checks every parameter.
    /// - Throws: `FacilityModelError.invalidParameter`.
    public func validate() throws {
        try FacilityModelError.require(carnotFraction, in: 0.01...1, "Chiller", "carnotFraction")
        try FacilityModelError.requireNonNegative(evaporatorApproachKelvin, "Chiller", "evaporatorApproachKelvin")
        try FacilityModelError.requireNonNegative(condenserApproachKelvin, "Chiller", "condenserApproachKelvin")
        try FacilityModelError.requirePositive(maximumCOP, "Chiller", "maximumCOP")
        try FacilityModelError.requireFinite(minimumSinkCelsius, "Chiller", "minimumSinkCelsius")
    }

    /// COP when producing water at `supplyCelsius` and rejecting to a sink at `sinkCelsius`.
    @inline(__always)
    public func cop(supplyCelsius: Double, sinkCelsius: Double) -> Double {
        let evaporator = supplyCelsius - evaporatorApproachKelvin + 273.15
        let condenser = max(sinkCelsius, minimumSinkCelsius) + condenserApproachKelvin + 273.15
        let lift = max(condenser - evaporator, 1e-3)
        return min(maximumCOP, carnotFraction * evaporator / lift)
    }

    /// Electrical power to remove `heatWatts` at the given temperatures, W.
    @inline(__always)
    public func powerWatts(heatWatts: Double, supplyCelsius: Double, sinkCelsius: Double) -> Double {
        heatWatts <= 0 ? 0 : heatWatts / cop(supplyCelsius: supplyCelsius, sinkCelsius: sinkCelsius)
    }

    /// Heat the condenser rejects while removing `heatWatts`, W: Q·(1 + 1/COP).
    public func condenserHeatWatts(heatWatts: Double, supplyCelsius: Double, sinkCelsius: Double) -> Double {
        heatWatts + powerWatts(heatWatts: heatWatts, supplyCelsius: supplyCelsius, sinkCelsius: sinkCelsius)
    }
}
