/// Energy by subsystem accumulated over a run, J, and the heat that left the facility.
///
/// Subsystem names are the keys of `energy_by_subsystem_joules` in `summary.json`.
struct EnergyAccounts {
    static let subsystems = ["it", "cooling_pumps", "cooling_fans", "chiller", "cooling_tower", "air_handling",
                             "power_chain_losses", "other"]

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
    var itJoules: Double { joules[0] }

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

    var it: Double { get { watts[0] } set { watts[0] = newValue } }
    var total: Double { watts.reduce(0, +) }
    /// Everything but IT: the cooling plant, losses and the rest.
    var overhead: Double { total - watts[0] }
    /// Cooling subsystem: pumps, fans, chiller, tower, air handling.
    var cooling: Double { watts[1] + watts[2] + watts[3] + watts[4] + watts[5] }

    subscript(_ name: String) -> Double {
        get { watts[EnergyAccounts.subsystems.firstIndex(of: name)!] }
        set { watts[EnergyAccounts.subsystems.firstIndex(of: name)!] = newValue }
    }
}
