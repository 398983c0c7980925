/// A centrifugal pump (or fan) with a variable-speed drive, obeying the affinity laws.
///
/// At the design (rated) point it moves `designFlowCubicMetersPerSecond` against
/// `designPressurePascals` with wire-to-fluid efficiency η, drawing P = Δp·V̇/η. At speed ratio
/// N/N_rated the affinity laws give Q ∝ N, Δp (head) ∝ N², P ∝ N³ (MathWorks Simscape "Centrifugal Pump
/// (IL)" reference; shared references §3 "Pump/fan affinity"), assuming a system curve through the origin
/// (pure friction, Δp ∝ Q²) so that the efficiency stays at its design value. Speed is floored at
/// `minimumSpeedRatio` and capped at 1 (the drive does not overspeed).
public struct Pump: Sendable, Equatable, Codable {
    /// Design volumetric flow, m³/s.
    public var designFlowCubicMetersPerSecond: Double
    /// Design pressure rise, Pa.
    public var designPressurePascals: Double
    /// Wire-to-fluid efficiency at the design point (0, 1].
    public var efficiency: Double
    /// Lowest speed ratio the drive runs at. Assumption: 0.3, a common VFD minimum for pumps and fans.
    public var minimumSpeedRatio: Double = 0.3

    public init(designFlowCubicMetersPerSecond: Double, designPressurePascals: Double, efficiency: Double) {
        self.designFlowCubicMetersPerSecond = designFlowCubicMetersPerSecond
        self.designPressurePascals = designPressurePascals
        self.efficiency = efficiency
    }

    /// A pump known by its rated electrical power and rated flow (the form data sheets and the CDU
    /// figures give); the pressure rise follows as Δp = η·P/V̇ for the stated efficiency.
    public init(ratedPowerWatts: Double, ratedFlowCubicMetersPerSecond: Double, efficiency: Double = 1) {
        self.init(designFlowCubicMetersPerSecond: ratedFlowCubicMetersPerSecond,
                  designPressurePascals: ratedPowerWatts * efficiency / ratedFlowCubicMetersPerSecond, efficiency: efficiency)
    }

    /// Checks flow, pressure and efficiency.
    /// - Throws: `FacilityModelError.invalidParameter`.
    public func validate() throws {
        try FacilityModelError.requirePositive(designFlowCubicMetersPerSecond, "Pump", "designFlowCubicMetersPerSecond")
        try FacilityModelError.requireNonNegative(designPressurePascals, "Pump", "designPressurePascals")
        try FacilityModelError.require(efficiency, in: 1e-3...1, "Pump", "efficiency")
        try FacilityModelError.require(minimumSpeedRatio, in: 0...1, "Pump", "minimumSpeedRatio")
    }

    /// Electrical power at the design point, W: Δp·V̇/η.
    public var designPowerWatts: Double { designPressurePascals * designFlowCubicMetersPerSecond / efficiency }

    /// The speed ratio that delivers `flowRatio` of the design flow (Q ∝ N), within [minimum, 1].
    @inline(__always)
    public func speedRatio(flowRatio: Double) -> Double {
        min(1, max(minimumSpeedRatio, flowRatio))
    }

    /// Electrical power when delivering `flowRatio` of the design flow, W (affinity: ∝ N³).
    @inline(__always)
    public func powerWatts(flowRatio: Double) -> Double {
        let speed = speedRatio(flowRatio: flowRatio)
        return designPowerWatts * speed * speed * speed
    }

    /// Electrical power when delivering `flow` m³/s, W.
    public func powerWatts(flowCubicMetersPerSecond flow: Double) -> Double {
        powerWatts(flowRatio: flow / designFlowCubicMetersPerSecond)
    }

    /// Pressure rise at the speed that delivers `flowRatio` of the design flow, Pa (affinity: ∝ N²).
    public func pressureRisePascals(flowRatio: Double) -> Double {
        let speed = speedRatio(flowRatio: flowRatio)
        return designPressurePascals * speed * speed
    }
}
