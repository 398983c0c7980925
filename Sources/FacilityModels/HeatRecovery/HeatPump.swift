/// A heat pump that lifts low-grade heat to a heat user's supply temperature.
///
/// Heating COP = η·T_hot/(T_hot − T_cold), temperatures in K, with the condenser `condenserApproachKelvin`
/// above the user's supply and the evaporator `evaporatorApproachKelvin` below the source water.
/// Assumption: η = 0.5 of Carnot and 3 K approaches (the same Carnot-fraction form as `Chiller`, whose
/// η = 0.5 the shared references calibrate to BAC's chiller COPs; large water-to-water heat pumps for
/// district heating are commonly quoted at 0.45–0.6 of Carnot, not sourced here). Capped at 10.
public struct HeatPump: Sendable, Equatable, Codable {
    /// Fraction of the Carnot heating COP reached.
    public var carnotFraction: Double
    /// Condenser above the user's supply, K.
    public var condenserApproachKelvin: Double
    /// Evaporator below the source, K.
    public var evaporatorApproachKelvin: Double
    /// Upper bound of the COP.
    public var maximumCOP: Double

    public init(carnotFraction: Double = PlantDefaults.heatPumpCarnotFraction, condenserApproachKelvin: Double = 3, evaporatorApproachKelvin: Double = 3, maximumCOP: Double = 10) {
        self.carnotFraction = carnotFraction
        self.condenserApproachKelvin = condenserApproachKelvin
        self.evaporatorApproachKelvin = evaporatorApproachKelvin
        self.maximumCOP = maximumCOP
    }

    /// Checks every parameter.
    /// - Throws: `FacilityModelError.invalidParameter`.
    public func validate() throws {
        try FacilityModelError.require(carnotFraction, in: 0.01...1, "HeatPump", "carnotFraction")
        try FacilityModelError.requireNonNegative(condenserApproachKelvin, "HeatPump", "condenserApproachKelvin")
        try FacilityModelError.requireNonNegative(evaporatorApproachKelvin, "HeatPump", "evaporatorApproachKelvin")
        guard maximumCOP > 1 else {
            throw FacilityModelError.invalidParameter(model: "HeatPump", parameter: "maximumCOP", value: maximumCOP, requirement: "> 1")
        }
    }

    /// Heating COP delivering at `supplyCelsius` from a source at `sourceCelsius` (≥ 1).
    @inline(__always)
    public func heatingCOP(supplyCelsius: Double, sourceCelsius: Double) -> Double {
        let hot = supplyCelsius + condenserApproachKelvin + 273.15
        let cold = sourceCelsius - evaporatorApproachKelvin + 273.15
        let lift = max(hot - cold, 1e-3)
        return max(1, min(maximumCOP, carnotFraction * hot / lift))
    }
}
