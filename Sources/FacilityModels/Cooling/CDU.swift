/// A coolant distribution unit: a liquid-to-liquid heat exchanger and pumps between the facility water
/// loop and the technology (rack) coolant loop of direct-to-chip cooling.
///
/// Rated point from Google's Project Deschutes CDU as modelled in Modelica Buildings
/// (`LiquidCooled/CDUs/Data/GoogleProjectDeschutes.mo`): 2 MW, approach 3 K (secondary supply above
/// facility supply), rack outlet 45 °C with facility water in at 26.8 °C, 74 kW electrical, PG25 coolant.
/// Derived (D): the secondary loop then rises 45 − (26.8 + 3) = 15.2 K at rated heat.
///
/// Part load: with `.variableFlow` the pumps track the heat (flow ∝ Q, floored at the pump's minimum
/// speed) and the power follows the affinity law P = P_rated·(Q/Q_rated)³; the approach is held at its
/// rated value (Assumption, conservative: scaling both flows down raises NTU, which would lower it).
/// With `.constantFlow` the pumps run at rated power and every temperature difference, the approach
/// included, scales with Q/Q_rated (constant ε).
public struct CDU: Sendable, Equatable, Codable {
    /// How the pumps follow the load.
    public enum FlowControl: String, Sendable, Equatable, Codable { case variableFlow, constantFlow }

    /// Rated heat, W.
    public var ratedHeatWatts: Double
    /// Secondary-supply minus facility-supply temperature at rated heat, K.
    public var ratedApproachKelvin: Double
    /// Electrical power at rated flow, W.
    public var ratedPowerWatts: Double
    /// Secondary (technology-loop) temperature rise at rated heat, K.
    public var ratedSecondaryRiseKelvin: Double
    /// Pump control.
    public var flowControl: FlowControl
    /// Lowest pump speed ratio. Assumption: 0.3 (as `Pump`).
    public var minimumSpeedRatio: Double

    public init(ratedHeatWatts: Double, ratedApproachKelvin: Double, ratedPowerWatts: Double, ratedSecondaryRiseKelvin: Double,
                flowControl: FlowControl = .variableFlow, minimumSpeedRatio: Double = 0.3) {
        self.ratedHeatWatts = ratedHeatWatts
        self.ratedApproachKelvin = ratedApproachKelvin
        self.ratedPowerWatts = ratedPowerWatts
        self.ratedSecondaryRiseKelvin = ratedSecondaryRiseKelvin
        self.flowControl = flowControl
        self.minimumSpeedRatio = minimumSpeedRatio
    }

    /// Google Project Deschutes (see the type's documentation).
    public static let projectDeschutes = CDU(ratedHeatWatts: 2e6, ratedApproachKelvin: 3, ratedPowerWatts: 74e3, ratedSecondaryRiseKelvin: 15.2)

    /// The Deschutes CDU scaled to `ratedHeatWatts` at the same power per watt and approach.
    public static func scaledDeschutes(ratedHeatWatts: Double) -> CDU {
        var cdu = projectDeschutes
        cdu.ratedPowerWatts *= ratedHeatWatts / cdu.ratedHeatWatts
        cdu.ratedHeatWatts = ratedHeatWatts
        return cdu
    }

    /// Checks every parameter.
    /// - Throws: `FacilityModelError.invalidParameter`.
    public func validate() throws {
        try FacilityModelError.requirePositive(ratedHeatWatts, "CDU", "ratedHeatWatts")
        try FacilityModelError.requireNonNegative(ratedApproachKelvin, "CDU", "ratedApproachKelvin")
        try FacilityModelError.requireNonNegative(ratedPowerWatts, "CDU", "ratedPowerWatts")
        try FacilityModelError.requirePositive(ratedSecondaryRiseKelvin, "CDU", "ratedSecondaryRiseKelvin")
        try FacilityModelError.require(minimumSpeedRatio, in: 0...1, "CDU", "minimumSpeedRatio")
    }

    /// One operating point of the CDU.
    public struct Point: Sendable, Equatable {
        /// Pump electrical power, W.
        public var pumpWatts: Double
        /// Pump speed (flow) ratio.
        public var speedRatio: Double
        /// Secondary supply temperature (to the racks), °C.
        public var secondarySupplyCelsius: Double
        /// Secondary return temperature (from the racks), °C.
        public var secondaryReturnCelsius: Double
        /// Approach at this point, K.
        public var approachKelvin: Double
    }

    /// The CDU carrying `heatWatts` with facility water entering at `facilitySupplyCelsius`.
    @inline(__always)
    public func operatingPoint(heatWatts: Double, facilitySupplyCelsius: Double) -> Point {
        let load = max(0, heatWatts) / ratedHeatWatts
        switch flowControl {
        case .variableFlow:
            let speed = min(1, max(minimumSpeedRatio, load))
            let supply = facilitySupplyCelsius + ratedApproachKelvin
            return Point(pumpWatts: ratedPowerWatts * speed * speed * speed, speedRatio: speed, secondarySupplyCelsius: supply,
                         secondaryReturnCelsius: supply + ratedSecondaryRiseKelvin * load / speed, approachKelvin: ratedApproachKelvin)
        case .constantFlow:
            let approach = ratedApproachKelvin * load
            let supply = facilitySupplyCelsius + approach
            return Point(pumpWatts: ratedPowerWatts, speedRatio: 1, secondarySupplyCelsius: supply,
                         secondaryReturnCelsius: supply + ratedSecondaryRiseKelvin * load, approachKelvin: approach)
        }
    }
}
