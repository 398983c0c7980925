import FacilityModels
import FacilitySim

/// A scenario parameter that `shadow --fit` can calibrate: its scenario field, unit, bounds and value in a spec.
public enum ShadowParameter: String, Sendable, CaseIterable, Codable {
    /// Chip-to-tank-fluid resistance, K/W (`immersion.junction_to_fluid`).
    case junctionToFluid = "immersion.junction_to_fluid"
    /// Dielectric fluid per tank, m³ (`immersion.fluid_volume_per_tank`); the tank heat capacity is V·ρ·c_p.
    case fluidVolumePerTank = "immersion.fluid_volume_per_tank"
    /// Tank heat-exchanger effectiveness (`immersion.hx_effectiveness`).
    case hxEffectiveness = "immersion.hx_effectiveness"
    /// Facility-water pump affinity coefficient: design pump power per W of liquid design heat
    /// (`heat_rejection.pump_power_fraction`).
    case pumpPowerFraction = "heat_rejection.pump_power_fraction"
    /// Dry-cooler approach over dry-bulb at design heat, K (`heat_rejection.dry_cooler_approach`).
    case dryCoolerApproach = "heat_rejection.dry_cooler_approach"

    /// The parameters the acceptance fits: chip-to-fluid resistance, tank heat capacity, pump coefficient.
    public static let defaultFit: [ShadowParameter] = [.junctionToFluid, .fluidVolumePerTank, .pumpPowerFraction]

    /// Accepts the field path or its last component (`junction_to_fluid`).
    public init?(name: String) {
        if let p = ShadowParameter(rawValue: name) { self = p; return }
        guard let p = ShadowParameter.allCases.first(where: { $0.rawValue.split(separator: ".").last.map(String.init) == name }) else { return nil }
        self = p
    }

    /// The last component of the field path.
    public var shortName: String { String(rawValue.split(separator: ".").last!) }

    /// Canonical unit, as the overlay scenario writes it.
    public var unit: String {
        switch self {
        case .junctionToFluid: return "K/W"
        case .fluidVolumePerTank: return "m3"
        case .hxEffectiveness, .pumpPowerFraction: return ""
        case .dryCoolerApproach: return "K"
        }
    }

    /// The range the scenario loader accepts for the field, which bounds the fit.
    public var bounds: (lower: Double, upper: Double) {
        switch self {
        case .junctionToFluid: return (0.001, 1)
        case .fluidVolumePerTank: return (0.01, 100)
        case .hxEffectiveness: return (0.05, 0.99)
        case .pumpPowerFraction: return (0.0001, 0.1)
        case .dryCoolerApproach: return (0.5, 30)
        }
    }

    /// The catalogue parameter the field sets (`FacilityPlant.overrides`); the pump coefficient sets the facility-water
    /// pump head, Δp = k·ρ·c_p·ΔT·η.
    public var catalogueParameter: PlantParameter {
        switch self {
        case .junctionToFluid: return .immersionJunctionToFluidKelvinPerWatt
        case .fluidVolumePerTank: return .immersionFluidVolumeCubicMeters
        case .hxEffectiveness: return .immersionHXEffectiveness
        case .pumpPowerFraction: return .waterPumpPressurePascals
        case .dryCoolerApproach: return .dryCoolerApproachKelvin
        }
    }

    /// The value `spec` gives the parameter: its named field, else its `parameters:` block entry, else the catalogue's
    /// sourced default (for the pump coefficient, the head as k = Δp/(ρ·c_p·ΔT·η)).
    public func value(in spec: ScenarioSpec) -> Double {
        let p = spec.plant
        let c = ParameterCatalogue(overrides: p.parameterOverrides)
        switch self {
        case .junctionToFluid: return p.immersionJunctionToFluid ?? c.peek(catalogueParameter)
        case .fluidVolumePerTank: return p.immersionFluidVolume ?? c.peek(catalogueParameter)
        case .hxEffectiveness: return p.immersionHXEffectiveness ?? c.peek(catalogueParameter)
        case .pumpPowerFraction:
            return p.pumpPowerFraction ?? c.peek(.waterPumpPressurePascals) / (c.peek(.waterDensityKilogramsPerCubicMeter)
                * c.peek(.waterSpecificHeatJoulesPerKilogramKelvin) * c.peek(.loopDesignRiseKelvin) * c.peek(.waterPumpEfficiency))
        case .dryCoolerApproach: return p.dryCoolerApproachKelvin ?? c.peek(catalogueParameter)
        }
    }

    /// Sets the parameter in `spec`.
    public func set(_ value: Double, in spec: inout ScenarioSpec) {
        switch self {
        case .junctionToFluid: spec.plant.immersionJunctionToFluid = value
        case .fluidVolumePerTank: spec.plant.immersionFluidVolume = value
        case .hxEffectiveness: spec.plant.immersionHXEffectiveness = value
        case .pumpPowerFraction: spec.plant.pumpPowerFraction = value
        case .dryCoolerApproach: spec.plant.dryCoolerApproachKelvin = value
        }
    }
}
