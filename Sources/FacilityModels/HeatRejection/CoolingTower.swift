/// An open evaporative cooling tower: water leaves above the wet-bulb, and the heat leaves as
/// evaporated water.
///
/// Thermal part as `DryCooler` with the wet-bulb as the sink: approach 5 K above wet-bulb at design
/// (open wet tower; closed 6.5 K; Energies 16(9):3661, 2023), fan power 0.015 W per W rejected at
/// design (0.012–0.021 kW/kW, same source), speed by the heat-over-airflow approach law and the
/// affinity law (Assumption, as `DryCooler`).
///
/// Water: evaporation = Q/h_fg with h_fg = 2.43 MJ/kg (latent heat of vaporisation of water at 30 °C,
/// 2,430 kJ/kg; IAPWS-IF97 steam tables), Assumption: all heat leaves latently (an upper bound on
/// evaporation). Blowdown = evaporation/(cycles − 1) (mass balance on dissolved solids), Assumption 4
/// cycles of concentration (typical 3–5). Drift: Assumption 0.002 % of the circulating flow (modern drift
/// eliminators; older towers 0.02 %). The water use per kWh feeds WUE (`EnergyLedger`): 1.98 L/kWh with the
/// defaults (`PlantDefaults.towerWaterLitersPerJoule`, the simpler 2.45 MJ/kg and no-drift figure, is 1 % lower).
public struct CoolingTower: Sendable, Equatable, Codable {
    /// The thermal and fan model (sink: wet-bulb).
    public var thermal: DryCooler
    /// Latent heat of vaporisation, J/kg.
    public var latentHeatJoulesPerKilogram: Double
    /// Cycles of concentration (> 1).
    public var cyclesOfConcentration: Double
    /// Drift as a fraction of the circulating water flow.
    public var driftFraction: Double
    /// Circulating water temperature range at design, K (sizes the flow for drift). Assumption: 5.5 K.
    public var designRangeKelvin: Double

    public init(designHeatWatts: Double, designApproachKelvin: Double = PlantDefaults.towerApproachKelvin, designFanWatts: Double? = nil,
                latentHeatJoulesPerKilogram: Double = 2.43e6, cyclesOfConcentration: Double = 4, driftFraction: Double = 2e-5,
                designRangeKelvin: Double = 5.5) {
        self.thermal = DryCooler(designHeatWatts: designHeatWatts, designApproachKelvin: designApproachKelvin,
                                 designFanWatts: designFanWatts ?? PlantDefaults.towerFanFraction * designHeatWatts)
        self.latentHeatJoulesPerKilogram = latentHeatJoulesPerKilogram
        self.cyclesOfConcentration = cyclesOfConcentration
        self.driftFraction = driftFraction
        self.designRangeKelvin = designRangeKelvin
    }

    /// Checks every parameter.
    /// - Throws: `FacilityModelError.invalidParameter`.
    public func validate() throws {
        try thermal.validate()
        try FacilityModelError.requirePositive(latentHeatJoulesPerKilogram, "CoolingTower", "latentHeatJoulesPerKilogram")
        guard cyclesOfConcentration.isFinite, cyclesOfConcentration > 1 else {
            throw FacilityModelError.invalidParameter(model: "CoolingTower", parameter: "cyclesOfConcentration", value: cyclesOfConcentration, requirement: "> 1")
        }
        try FacilityModelError.require(driftFraction, in: 0...0.01, "CoolingTower", "driftFraction")
        try FacilityModelError.requirePositive(designRangeKelvin, "CoolingTower", "designRangeKelvin")
    }

    /// Make-up water per joule rejected, L/J (1 kg = 1 L): evaporation·(1 + 1/(cycles − 1)) + drift, with
    /// the drift of the flow Q/(cp·range) of water at 4,177 J/(kg·K).
    public var waterLitersPerJoule: Double {
        let evaporation = 1 / latentHeatJoulesPerKilogram
        let drift = driftFraction / (Coolant.water.specificHeatJoulesPerKilogramKelvin * designRangeKelvin)
        return evaporation * (1 + 1 / (cyclesOfConcentration - 1)) + drift
    }

    /// An operating point: fans and heat as `DryCooler.operatingPoint` against the wet-bulb.
    @inline(__always)
    public func operatingPoint(heatWatts: Double, wetBulbCelsius: Double, setpointCelsius: Double,
                               waterCapacityRateWattsPerKelvin: Double) -> DryCooler.Point {
        thermal.operatingPoint(heatWatts: heatWatts, ambientCelsius: wetBulbCelsius, setpointCelsius: setpointCelsius,
                               waterCapacityRateWattsPerKelvin: waterCapacityRateWattsPerKelvin)
    }

    /// Make-up water while rejecting `heatWatts`, L/s.
    public func waterLitersPerSecond(rejectedWatts: Double) -> Double { max(0, rejectedWatts) * waterLitersPerJoule }
}
