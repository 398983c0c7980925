import FacilityModels

/// Failures and repairs of the scenario (issue 6): redundancy groups of cooling units, scripted failures and
/// GPU failures.
///
/// ```yaml
/// reliability:
///   cooling_units:
///     - {name: facility_pumps, component: pump, needed: 2, spares: 1, role: coolant_flow, switchover: 30 s}
///     - {name: dry_coolers, component: centrifugal_fan, needed: 4, role: heat_rejection}
///   scripted_failures:
///     - {group: facility_pumps, at: 0 h, repair: 200 h, unit: standby}   # the spare, out for maintenance
///     - {group: facility_pumps, at: 62 h, repair: 39 h}                  # a running pump fails
///   gpu_failures: enabled
/// ```
public struct ReliabilitySpec: Sendable {
    /// What a cooling group's missing units take away, physically.
    public enum Role: String, Sendable, CaseIterable {
        /// Pumps and CDUs: the coolant flow, hence the conductance from tank fluid or cold plate to coolant,
        /// scales with the running fraction (heat-exchanger effectiveness held at its design value —
        /// Simplification: a real exchanger's effectiveness rises a little as its flow falls).
        case coolantFlow = "coolant_flow"
        /// Dry coolers and cooling towers: the approach to the outdoor temperature grows as 1/fraction at a
        /// given heat (fewer units, less air); when the set-point cannot be held the supply floats or the
        /// trim chiller takes the rest.
        case heatRejection = "heat_rejection"
        /// Chillers: the trim capacity of the warm-water loop scales with the fraction (design trim
        /// capacity = the liquid design heat, Assumption); heat beyond it lets the supply float.
        case chiller
        /// Availability only (e.g. UPS modules): deficits are counted, the physics is not changed.
        case recordOnly = "record_only"
    }

    /// One redundancy group and what it serves.
    public struct CoolingGroup: Sendable {
        /// Unique name (it keys the group's random streams).
        public var name: String
        public var component: ComponentReliability
        /// Units that must run (N).
        public var neededUnits: Int
        /// Standby units; nil takes the scenario's `cooling_system.redundancy`.
        public var spareUnits: Int?
        /// Delay before a standby unit carries the load of a failed one, s.
        public var switchoverSeconds: Double
        public var role: Role

        public init(name: String, component: ComponentReliability, neededUnits: Int, spareUnits: Int? = nil,
                    switchoverSeconds: Double = 0, role: Role) {
            self.name = name
            self.component = component
            self.neededUnits = neededUnits
            self.spareUnits = spareUnits
            self.switchoverSeconds = switchoverSeconds
            self.role = role
        }

        /// The redundancy group, with spares from `redundancy` unless the group gives its own.
        /// - Throws: `ReliabilityError` for invalid counts, delay or component.
        public func redundancyGroup(default redundancy: CoolingSystemBlock.Redundancy) throws -> RedundancyGroup {
            try RedundancyGroup(name: name, component: component, neededUnits: neededUnits,
                                spareUnits: spareUnits ?? redundancy.spares(needed: neededUnits),
                                switchoverDelaySeconds: switchoverSeconds)
        }
    }

    /// A failure the scenario forces: a running unit of `group` (or a standby unit when `standby`, e.g. a spare
    /// taken out for maintenance) fails at `atSeconds` (simulated time) and is back after `repairSeconds`.
    public struct ScriptedFailure: Sendable, Equatable {
        public var group: String
        public var atSeconds: Double
        public var repairSeconds: Double
        public var standby: Bool
        public init(group: String, atSeconds: Double, repairSeconds: Double, standby: Bool = false) {
            self.group = group
            self.atSeconds = atSeconds
            self.repairSeconds = repairSeconds
            self.standby = standby
        }
    }

    public var coolingGroups: [CoolingGroup]
    public var scriptedFailures: [ScriptedFailure]
    /// GPU failure model; nil disables GPU failures.
    public var gpu: GPUReliability?
    /// Whether random (MTBF-driven) failures of cooling units are drawn; scripted ones always happen.
    public var randomCoolingFailures: Bool
    /// Predictive maintenance of the cooling units (`thermal_management.predictive_maintenance: ai_based` turns on
    /// the default policy; `reliability.maintenance` tunes it); nil is run-to-failure.
    public var maintenance: MaintenancePolicy?

    public init(coolingGroups: [CoolingGroup] = [], scriptedFailures: [ScriptedFailure] = [], gpu: GPUReliability? = nil,
                randomCoolingFailures: Bool = true, maintenance: MaintenancePolicy? = nil) {
        self.maintenance = maintenance
        self.coolingGroups = coolingGroups
        self.scriptedFailures = scriptedFailures
        self.gpu = gpu
        self.randomCoolingFailures = randomCoolingFailures
    }
}
