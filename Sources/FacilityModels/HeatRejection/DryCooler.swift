/// A dry cooler (closed-circuit air-cooled heat exchanger with variable-speed fans) rejecting facility
/// water heat to outdoor air.
///
/// At design heat and full fan speed the water leaves `designApproachKelvin` above the dry-bulb
/// (median 10 K, Energies 16(9):3661, 2023). Model (Assumption): the leaving-water approach scales as
/// heat over airflow, approach(Q, s) = approach_d·(Q/Q_d)/s, which holds when the air side limits the
/// transfer and ε stays constant; fan power follows the affinity law P = P_d·s³. So the speed that holds
/// the set-point is s = approach_d·(Q/Q_d)/(T_set − T_db), in closed form. When that exceeds 1 the fans
/// run flat out and the water leaves warmer: with return water at T_ret and flow capacity rate C_w the
/// cooler then rejects Q_dc = C_w·(T_ret − T_db)/(1 + a·C_w), a = approach_d/Q_d, and the rest must be
/// trimmed mechanically (`Chiller`). Below the minimum speed the fans idle at it and a bypass holds the
/// set-point (Assumption).
///
/// Fan power at design: Assumption 0.015 W per W rejected (the shared references give 0.012–0.021 kW/kW
/// for open wet towers from the same Energies paper; dry coolers move more air per kW but at a lower
/// pressure drop, so the same order is used).
public struct DryCooler: Sendable, Equatable, Codable {
    /// Heat at design, W.
    public var designHeatWatts: Double
    /// Leaving water above ambient at design heat and full speed, K.
    public var designApproachKelvin: Double
    /// Fan electrical power at full speed, W.
    public var designFanWatts: Double
    /// Lowest fan speed ratio. Assumption: 0.2 (EC fans turn down further than pumps).
    public var minimumSpeedRatio: Double

    public init(designHeatWatts: Double, designApproachKelvin: Double = PlantDefaults.dryCoolerApproachKelvin, designFanWatts: Double? = nil,
                minimumSpeedRatio: Double = 0.2) {
        self.designHeatWatts = designHeatWatts
        self.designApproachKelvin = designApproachKelvin
        self.designFanWatts = designFanWatts ?? PlantDefaults.dryCoolerFanFraction * designHeatWatts
        self.minimumSpeedRatio = minimumSpeedRatio
    }

    /// Checks every parameter.
    /// - Throws: `FacilityModelError.invalidParameter`.
    public func validate() throws {
        try FacilityModelError.requirePositive(designHeatWatts, "DryCooler", "designHeatWatts")
        try FacilityModelError.requirePositive(designApproachKelvin, "DryCooler", "designApproachKelvin")
        try FacilityModelError.requireNonNegative(designFanWatts, "DryCooler", "designFanWatts")
        try FacilityModelError.require(minimumSpeedRatio, in: 0...1, "DryCooler", "minimumSpeedRatio")
    }

    /// One operating point.
    public struct Point: Sendable, Equatable {
        /// Fan speed ratio.
        public var fanSpeedRatio: Double
        /// Fan electrical power, W.
        public var fanWatts: Double
        /// Heat the cooler rejects, W.
        public var rejectedWatts: Double
        /// Water leaving the cooler, °C.
        public var leavingCelsius: Double
        /// Heat left for a chiller to trim to reach the set-point, W.
        public var shortfallWatts: Double
    }

    /// The fan speed and heat rejected to bring `heatWatts` of water at flow capacity rate
    /// `waterCapacityRateWattsPerKelvin` (return at set-point + Q/C_w) down to `setpointCelsius` with
    /// outdoor air at `ambientCelsius` (dry-bulb for a dry cooler).
    @inline(__always)
    public func operatingPoint(heatWatts q: Double, ambientCelsius: Double, setpointCelsius: Double,
                               waterCapacityRateWattsPerKelvin cw: Double) -> Point {
        guard q > 0 else { return Point(fanSpeedRatio: 0, fanWatts: 0, rejectedWatts: 0, leavingCelsius: setpointCelsius, shortfallWatts: 0) }
        let a = designApproachKelvin / designHeatWatts           // K/W at full speed
        let available = setpointCelsius - ambientCelsius
        let required = available > 0 ? a * q / available : .infinity
        if required <= 1 {
            let s = max(minimumSpeedRatio, required)
            return Point(fanSpeedRatio: s, fanWatts: designFanWatts * s * s * s, rejectedWatts: q, leavingCelsius: setpointCelsius, shortfallWatts: 0)
        }
        let returnCelsius = setpointCelsius + q / cw
        let rejected = min(q, max(0, cw * (returnCelsius - ambientCelsius) / (1 + a * cw)))
        return Point(fanSpeedRatio: 1, fanWatts: designFanWatts, rejectedWatts: rejected, leavingCelsius: returnCelsius - rejected / cw,
                     shortfallWatts: q - rejected)
    }
}
