/// Energy by subsystem accumulated over a run, in joules, with the Green Grid metrics and the energy
/// balance check.
///
/// Definitions (shared references §3): PUE = E_total/E_IT; pPUE of the cooling subsystem
/// = (E_IT + E_cooling)/E_IT (The Green Grid WP#49); ERE = (E_total − E_reuse)/E_IT; ERF = E_reuse/E_total
/// (LBNL ERE page; EU EED reporting); WUE = site water (L)/E_IT (kWh) (The Green Grid). Energy balance:
/// electricity in = heat rejected + heat recovered + Δ stored heat; `energyBalanceRelativeError` is
/// |residual|/electricity in.
///
/// Where the heat-recovery heat pump belongs is a boundary choice: `.insideFacility` (issue 4's reading)
/// counts its electricity in E_total and the heat it delivers (facility heat + its work) as E_reuse;
/// `.withHeatUser` (the architecture's "as built" choice) leaves both outside — E_reuse is then the heat
/// the facility hands over — and reports the heat pump apart.
public struct EnergyLedger: Sendable, Equatable, Codable {
    /// The subsystems electricity is booked to.
    public enum Subsystem: String, Sendable, Codable, CaseIterable {
        case it, coolingPumps = "cooling_pumps", fans, chiller, heatPump = "heat_pump", powerChainLosses = "power_chain_losses", other
    }

    /// Where the heat pump of heat recovery sits.
    public enum HeatPumpBoundary: String, Sendable, Codable { case insideFacility, withHeatUser }

    /// The boundary choice for the heat pump.
    public var heatPumpBoundary: HeatPumpBoundary
    /// Electricity by subsystem, J (indexed like `Subsystem.allCases`).
    public private(set) var subsystemJoules: [Double]
    /// Heat rejected to the outdoors, J.
    public var heatRejectedJoules = 0.0
    /// Heat delivered to the heat user, J.
    public var heatDeliveredJoules = 0.0
    /// Heat the facility handed to heat recovery, J.
    public var heatRecoveredFromFacilityJoules = 0.0
    /// Change of heat stored in the facility (thermal masses), J.
    public var storedHeatChangeJoules = 0.0
    /// Site water consumed, L.
    public var waterLiters = 0.0

    public init(heatPumpBoundary: HeatPumpBoundary = .insideFacility) {
        self.heatPumpBoundary = heatPumpBoundary
        self.subsystemJoules = [Double](repeating: 0, count: Subsystem.allCases.count)
    }

    /// Energy booked to `subsystem`, J.
    public subscript(subsystem: Subsystem) -> Double {
        get { subsystemJoules[Subsystem.allCases.firstIndex(of: subsystem)!] }
        set { subsystemJoules[Subsystem.allCases.firstIndex(of: subsystem)!] = newValue }
    }

    /// Books `joules` of electricity to `subsystem`.
    public mutating func add(_ subsystem: Subsystem, joules: Double) { self[subsystem] += joules }

    /// Books a plant operating point held for `seconds`: every power × duration, heat flows and water.
    public mutating func add(_ point: PlantOperatingPoint, seconds: Double) {
        self[.it] += point.itWatts * seconds
        self[.coolingPumps] += (point.technologyPumpWatts + point.facilityPumpWatts + point.chilledWaterPumpWatts) * seconds
        self[.fans] += (point.heatRejectionFanWatts + point.airSideRejectionFanWatts + point.airHandlerFanWatts) * seconds
        self[.chiller] += (point.trimChillerWatts + point.airSideChillerWatts) * seconds
        self[.heatPump] += point.heatPumpWatts * seconds
        self[.powerChainLosses] += point.powerChainLossWatts * seconds
        self[.other] += point.otherWatts * seconds
        heatRejectedJoules += point.heatRejectedWatts * seconds
        heatDeliveredJoules += point.heatDeliveredWatts * seconds
        heatRecoveredFromFacilityJoules += point.heatRecoveredFromFacilityWatts * seconds
        waterLiters += point.waterLitersPerSecond * seconds
    }

    /// Adds another ledger's totals (e.g. of another cohort or period); boundaries must agree.
    public mutating func merge(_ other: EnergyLedger) {
        precondition(other.heatPumpBoundary == heatPumpBoundary, "cannot merge ledgers with different heat-pump boundaries")
        for i in subsystemJoules.indices { subsystemJoules[i] += other.subsystemJoules[i] }
        heatRejectedJoules += other.heatRejectedJoules
        heatDeliveredJoules += other.heatDeliveredJoules
        heatRecoveredFromFacilityJoules += other.heatRecoveredFromFacilityJoules
        storedHeatChangeJoules += other.storedHeatChangeJoules
        waterLiters += other.waterLiters
    }

    /// IT energy, J.
    public var itJoules: Double { self[.it] }
    /// Cooling energy (pumps, fans, chillers), J.
    public var coolingJoules: Double { self[.coolingPumps] + self[.fans] + self[.chiller] }

    /// Total facility energy inside the boundary, J.
    public var totalJoules: Double {
        subsystemJoules.reduce(0, +) - (heatPumpBoundary == .withHeatUser ? self[.heatPump] : 0)
    }

    /// Reused energy E_reuse, J (see the type's documentation for the boundary).
    public var reusedJoules: Double {
        heatPumpBoundary == .insideFacility ? heatDeliveredJoules : heatRecoveredFromFacilityJoules
    }

    /// PUE = E_total/E_IT.
    public var pue: Double { totalJoules / itJoules }
    /// pPUE of cooling = (E_IT + E_cooling)/E_IT.
    public var coolingPartialPUE: Double { (itJoules + coolingJoules) / itJoules }
    /// ERE = (E_total − E_reuse)/E_IT.
    public var ere: Double { (totalJoules - reusedJoules) / itJoules }
    /// ERF = E_reuse/E_total.
    public var erf: Double { reusedJoules / totalJoules }
    /// WUE = water (L)/E_IT (kWh), L/kWh.
    public var wue: Double { waterLiters / (itJoules / 3.6e6) }

    /// Electricity in − (heat rejected + heat reused + Δ stored), J.
    public var energyBalanceResidualJoules: Double {
        totalJoules - (heatRejectedJoules + reusedJoules + storedHeatChangeJoules)
    }

    /// |residual| / electricity in (0 for an empty ledger).
    public var energyBalanceRelativeError: Double {
        totalJoules > 0 ? abs(energyBalanceResidualJoules) / totalJoules : 0
    }
}
