/// A vapour-compression chiller whose COP falls with lift.
///
/// COP = η·T_evap/(T_cond − T_evap) (temperatures in K), a fixed fraction of the Carnot COP, with the condenser sink held at or
/// above a minimum (head-pressure control).
/// Assumption: η = 0.5 with a 2 K evaporator and 3 K condenser approach; at the AHRI rating point
/// (6.7 °C chilled water, 29.4 °C condenser water) this gives COP ≈ 5.4, inside the 4.4–5.9 range
/// of BAC's "Minimizing Energy Costs with Free Cooling" (0.6–0.8 kW/ton). The COP is capped at 12
/// (Assumption: compressors do not run efficiently at very small lift).
public struct Chiller: Sendable, Equatable {
    /// Fraction of the Carnot COP reached.
    public var carnotFraction: Double = 0.5
    /// Evaporator refrigerant below the chilled-water supply, K.
    public var evaporatorApproachKelvin: Double = 2
    /// Condenser refrigerant above the condenser-water or air temperature, K.
    public var condenserApproachKelvin: Double = 3
    /// Upper bound of the COP.
    public var maximumCOP: Double = 12
    /// Lowest condenser sink temperature the chiller runs at, °C: head-pressure control keeps entering
    /// condenser water (or air) at or above about 65 °F (Assumption: a typical centrifugal-chiller
    /// minimum entering condenser water temperature; towers bypass to hold it).
    public var minimumSinkCelsius: Double = 18.3

    public init() {}

    /// COP when producing water at `supplyCelsius` and rejecting to a sink at `sinkCelsius`.
    public func cop(supplyCelsius: Double, sinkCelsius: Double) -> Double {
        let evaporator = supplyCelsius - evaporatorApproachKelvin + 273.15
        let condenser = max(sinkCelsius, minimumSinkCelsius) + condenserApproachKelvin + 273.15
        let lift = max(condenser - evaporator, 1e-3)
        return min(maximumCOP, carnotFraction * evaporator / lift)
    }

    /// Electrical power to remove `heatWatts` at the given temperatures, W.
    public func powerWatts(heatWatts: Double, supplyCelsius: Double, sinkCelsius: Double) -> Double {
        heatWatts <= 0 ? 0 : heatWatts / cop(supplyCelsius: supplyCelsius, sinkCelsius: sinkCelsius)
    }
}
