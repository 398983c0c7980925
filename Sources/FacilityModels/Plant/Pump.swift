/// A centrifugal pump (or fan) obeying the affinity laws.
///
/// At the design point it moves `designFlow` against `designPressure` with wire-to-water efficiency
/// η: P = Δp·V̇/η. Away from it, with a variable-speed drive, Q ∝ N, Δp ∝ N², P ∝ N³
/// (affinity laws; MathWorks Simscape Centrifugal Pump (IL) reference). Speed is floored at
/// `minimumSpeedRatio` (Assumption: 0.3, a common VFD minimum).
public struct Pump: Sendable, Equatable {
    /// Design volumetric flow, m³/s.
    public var designFlowCubicMetersPerSecond: Double
    /// Design pressure rise, Pa.
    public var designPressurePascals: Double
    /// Wire-to-fluid efficiency at the design point.
    public var efficiency: Double
    /// Lowest speed ratio the drive runs at.
    public var minimumSpeedRatio: Double = 0.3

    public init(designFlowCubicMetersPerSecond: Double, designPressurePascals: Double, efficiency: Double) {
        self.designFlowCubicMetersPerSecond = designFlowCubicMetersPerSecond
        self.designPressurePascals = designPressurePascals
        self.efficiency = efficiency
    }

    /// Electrical power at the design point, W.
    public var designPowerWatts: Double { designPressurePascals * designFlowCubicMetersPerSecond / efficiency }

    /// Electrical power when delivering `flowRatio` of the design flow, W (affinity: ∝ speed³).
    public func powerWatts(flowRatio: Double) -> Double {
        let speed = min(1, max(minimumSpeedRatio, flowRatio))
        return designPowerWatts * speed * speed * speed
    }
}
