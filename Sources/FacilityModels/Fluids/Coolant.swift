/// Thermophysical properties of a heat-transfer fluid at one reference temperature.
///
/// Single-phase loops in a data centre move through a few kelvin around their reference point, so
/// constant properties are the usual lumped-model assumption (as in Modelica's FluidHeatFlow media,
/// which the defaults below come from).
public struct Coolant: Sendable, Equatable, Codable {
    /// Name for reports.
    public var name: String
    /// Density ρ, kg/m³.
    public var densityKilogramsPerCubicMeter: Double
    /// Specific heat capacity cp, J/(kg·K).
    public var specificHeatJoulesPerKilogramKelvin: Double
    /// Thermal conductivity λ, W/(m·K).
    public var conductivityWattsPerMeterKelvin: Double
    /// Kinematic viscosity ν, m²/s.
    public var kinematicViscositySquareMetersPerSecond: Double
    /// Where the figures come from.
    public var source: String

    public init(name: String, densityKilogramsPerCubicMeter: Double, specificHeatJoulesPerKilogramKelvin: Double,
                conductivityWattsPerMeterKelvin: Double, kinematicViscositySquareMetersPerSecond: Double, source: String) {
        self.name = name
        self.densityKilogramsPerCubicMeter = densityKilogramsPerCubicMeter
        self.specificHeatJoulesPerKilogramKelvin = specificHeatJoulesPerKilogramKelvin
        self.conductivityWattsPerMeterKelvin = conductivityWattsPerMeterKelvin
        self.kinematicViscositySquareMetersPerSecond = kinematicViscositySquareMetersPerSecond
        self.source = source
    }

    /// Checks ρ and cp are positive.
    /// - Throws: `FacilityModelError.invalidParameter`.
    public func validate() throws {
        try FacilityModelError.requirePositive(densityKilogramsPerCubicMeter, "Coolant(\(name))", "densityKilogramsPerCubicMeter")
        try FacilityModelError.requirePositive(specificHeatJoulesPerKilogramKelvin, "Coolant(\(name))", "specificHeatJoulesPerKilogramKelvin")
    }

    /// Volumetric heat capacity ρ·cp, J/(m³·K).
    public var volumetricHeatCapacityJoulesPerCubicMeterKelvin: Double {
        densityKilogramsPerCubicMeter * specificHeatJoulesPerKilogramKelvin
    }

    /// Heat-capacity rate ṁ·cp of a volumetric flow, W/K.
    public func capacityRateWattsPerKelvin(flowCubicMetersPerSecond: Double) -> Double {
        flowCubicMetersPerSecond * volumetricHeatCapacityJoulesPerCubicMeterKelvin
    }

    /// Volumetric flow that carries `heatWatts` with a temperature rise `riseKelvin`, m³/s: V̇ = Q/(ρ·cp·ΔT).
    public func flowCubicMetersPerSecond(heatWatts: Double, riseKelvin: Double) -> Double {
        heatWatts / (volumetricHeatCapacityJoulesPerCubicMeterKelvin * riseKelvin)
    }

    /// Heat capacity of a volume of the fluid, J/K.
    public func capacitanceJoulesPerKelvin(volumeCubicMeters: Double) -> Double {
        volumeCubicMeters * volumetricHeatCapacityJoulesPerCubicMeterKelvin
    }

    /// Litres per minute → m³/s.
    public static func cubicMetersPerSecond(litersPerMinute: Double) -> Double { litersPerMinute / 60_000 }

    /// Water at 30 °C: ρ 995.6 kg/m³, cp 4,177 J/(kg·K), λ 0.615 W/(m·K), ν 0.8 mm²/s
    /// (Modelica.Thermal.FluidHeatFlow.Media.Water).
    public static let water = Coolant(name: "water", densityKilogramsPerCubicMeter: 995.6, specificHeatJoulesPerKilogramKelvin: 4177,
                                      conductivityWattsPerMeterKelvin: 0.615, kinematicViscositySquareMetersPerSecond: 0.8e-6,
                                      source: "Modelica.Thermal.FluidHeatFlow.Media.Water (30 °C)")

    /// Mineral oil at 60 °C, the proxy for PAO/GTL single-phase immersion fluids (no datasheet values
    /// found for Shell S5 X or EC-100): ρ 868 kg/m³, cp 2,010 J/(kg·K), λ 0.14 W/(m·K), ν 81.8 mm²/s
    /// (Modelica.Thermal.FluidHeatFlow.Media.MineralOil).
    public static let mineralOil = Coolant(name: "mineral oil", densityKilogramsPerCubicMeter: 868, specificHeatJoulesPerKilogramKelvin: 2010,
                                           conductivityWattsPerMeterKelvin: 0.14, kinematicViscositySquareMetersPerSecond: 81.8e-6,
                                           source: "Modelica.Thermal.FluidHeatFlow.Media.MineralOil (60 °C)")

    /// Propylene/ethylene glycol–water 20:80 at 20 °C: ρ 1,028, cp 3,910, λ 0.523, ν 1.69 mm²/s
    /// (Modelica FluidHeatFlow Glycol20_20degC).
    public static let glycol20 = Coolant(name: "glycol 20 %", densityKilogramsPerCubicMeter: 1028, specificHeatJoulesPerKilogramKelvin: 3910,
                                         conductivityWattsPerMeterKelvin: 0.523, kinematicViscositySquareMetersPerSecond: 1.69e-6,
                                         source: "Modelica.Thermal.FluidHeatFlow.Media.Glycol20_20degC")

    /// Glycol–water 50:50 at 20 °C: ρ 1,078, cp 3,300, λ 0.405, ν 3.98 mm²/s (Modelica Glycol50_20degC).
    public static let glycol50 = Coolant(name: "glycol 50 %", densityKilogramsPerCubicMeter: 1078, specificHeatJoulesPerKilogramKelvin: 3300,
                                         conductivityWattsPerMeterKelvin: 0.405, kinematicViscositySquareMetersPerSecond: 3.98e-6,
                                         source: "Modelica.Thermal.FluidHeatFlow.Media.Glycol50_20degC")

    /// Dry air at 300 K and 1 atm: ρ 1.1614 kg/m³, cp 1,007 J/(kg·K), λ 0.0263 W/(m·K), ν 15.89 mm²/s
    /// (Incropera & DeWitt, Fundamentals of Heat and Mass Transfer, Table A.4).
    public static let air = Coolant(name: "air", densityKilogramsPerCubicMeter: 1.1614, specificHeatJoulesPerKilogramKelvin: 1007,
                                    conductivityWattsPerMeterKelvin: 0.0263, kinematicViscositySquareMetersPerSecond: 15.89e-6,
                                    source: "dry air at 300 K (Incropera & DeWitt Table A.4)")
}
