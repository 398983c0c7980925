/// An electrical subsystem of the facility; `key` names it in `energy_by_subsystem_joules`.
enum Subsystem: Int, CaseIterable {
    case it, coolingPumps, coolingFans, chiller, coolingTower, airHandling, powerChainLosses, other

    var key: String {
        switch self {
        case .it: "it"
        case .coolingPumps: "cooling_pumps"
        case .coolingFans: "cooling_fans"
        case .chiller: "chiller"
        case .coolingTower: "cooling_tower"
        case .airHandling: "air_handling"
        case .powerChainLosses: "power_chain_losses"
        case .other: "other"
        }
    }
}

/// Energy by subsystem accumulated over a run, J, and the heat that left the facility.
struct EnergyAccounts {
    static let subsystems = Subsystem.allCases.map(\.key)

    /// Energy per subsystem, J, in the order of `subsystems`.
    var joules = [Double](repeating: 0, count: EnergyAccounts.subsystems.count)
    /// Heat the heat user takes from the facility water, J (the reused energy of ERE/ERF).
    var heatRecoveredJoules = 0.0
    /// Heat delivered to the heat user after the heat pump's lift, J.
    var heatDeliveredJoules = 0.0
    /// Electricity of the heat-recovery heat pump, J: outside the data-centre boundary (it serves the heat
    /// user), so not part of the facility energy or PUE.
    var heatPumpJoules = 0.0
    /// Water consumed, L.
    var waterLiters = 0.0

    /// Facility energy, J (sum over subsystems).
    var totalJoules: Double { joules.reduce(0, +) }
    var itJoules: Double { joules[Subsystem.it.rawValue] }
    /// Cooling subsystem energy (pumps, fans, chiller, tower, air handling), J.
    var coolingJoules: Double {
        [Subsystem.coolingPumps, .coolingFans, .chiller, .coolingTower, .airHandling].reduce(0) { $0 + joules[$1.rawValue] }
    }

    /// Adds `powers` (W, in the order of `subsystems`) held for `dt` s.
    mutating func add(_ powers: SubsystemPowers, for dt: Double) {
        for i in joules.indices { joules[i] += powers.watts[i] * dt }
        heatRecoveredJoules += powers.heatRecoveredWatts * dt
        heatDeliveredJoules += powers.heatDeliveredWatts * dt
        heatPumpJoules += powers.heatPumpWatts * dt
        waterLiters += powers.waterLitersPerSecond * dt
    }

    var bySubsystem: [String: Double] {
        Dictionary(uniqueKeysWithValues: zip(EnergyAccounts.subsystems, joules))
    }
}

/// Electrical power of every subsystem at one operating point, W, plus the recovered heat and water use.
struct SubsystemPowers {
    var watts = [Double](repeating: 0, count: EnergyAccounts.subsystems.count)
    /// Heat the heat recovery takes out of the facility water (before the heat pump lifts it), W.
    var heatRecoveredWatts = 0.0
    /// Heat delivered to the heat user, W, and the heat pump's electricity, W (outside the facility boundary).
    var heatDeliveredWatts = 0.0
    var heatPumpWatts = 0.0
    var waterLitersPerSecond = 0.0
    /// Facility-water (warm-water loop) flow the pumps deliver, m³/s (0 without liquid heat).
    var facilityWaterFlowCubicMetersPerSecond = 0.0
    /// Facility-water return temperature, °C: supply + liquid heat / (ρ·cp·flow), before heat recovery takes its share.
    var returnCelsius = 0.0

    var it: Double { get { self[.it] } set { self[.it] = newValue } }
    var total: Double { watts.reduce(0, +) }
    /// Everything but IT: the cooling plant, losses and the rest.
    var overhead: Double { total - self[.it] }
    /// Cooling subsystem: pumps, fans, chiller, tower, air handling.
    var cooling: Double { self[.coolingPumps] + self[.coolingFans] + self[.chiller] + self[.coolingTower] + self[.airHandling] }

    subscript(_ subsystem: Subsystem) -> Double {
        get { watts[subsystem.rawValue] }
        set { watts[subsystem.rawValue] = newValue }
    }
}
