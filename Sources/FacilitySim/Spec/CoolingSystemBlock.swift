/// The source document's `cooling_system` block, accepted verbatim in scenario files.
///
/// ```yaml
/// cooling_system:
///   primary: liquid_immersion
///   secondary: direct_to_chip
///   power_usage_effectiveness_target: 1.1
///   heat_recovery: enabled
///   redundancy: n+1
/// ```
public struct CoolingSystemBlock: Sendable, Equatable {
    /// How the GPUs of the primary share are cooled.
    public enum Technology: String, Sendable, CaseIterable {
        case liquidImmersion = "liquid_immersion"
        case directToChip = "direct_to_chip"
        case air = "air"
        case none = "none"
    }

    /// Redundancy of cooling units: N needed plus spares.
    public enum Redundancy: String, Sendable, CaseIterable {
        case n = "n"
        case nPlus1 = "n+1"
        case nPlus2 = "n+2"
        case twoN = "2n"

        /// Spare units for `needed` units.
        public func spares(needed: Int) -> Int {
            switch self {
            case .n: 0
            case .nPlus1: 1
            case .nPlus2: 2
            case .twoN: needed
            }
        }
    }

    /// Cooling of the primary share of GPUs.
    public var primary: Technology
    /// Cooling of the secondary share of GPUs (`none` when every GPU is on the primary system).
    public var secondary: Technology
    /// The PUE the design aims at; reported against the simulated PUE, not used by the physics.
    public var powerUsageEffectivenessTarget: Double?
    /// Whether rejected heat is exported to a heat user.
    public var heatRecovery: Bool
    /// Redundancy of cooling units.
    public var redundancy: Redundancy

    public init(primary: Technology, secondary: Technology = .none, powerUsageEffectivenessTarget: Double? = nil,
                heatRecovery: Bool = false, redundancy: Redundancy = .n) {
        self.primary = primary
        self.secondary = secondary
        self.powerUsageEffectivenessTarget = powerUsageEffectivenessTarget
        self.heatRecovery = heatRecovery
        self.redundancy = redundancy
    }
}
