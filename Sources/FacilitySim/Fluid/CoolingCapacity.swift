import FacilityModels

/// Fraction of its design capacity each kind of cooling equipment has at one moment (1 = all N units run).
///
/// Built from the run's `CapacityTimeline`: where several groups share a role (pumps and CDUs both carry
/// coolant), the smallest fraction governs — the scarcer resource limits the flow.
struct CoolingCapacity: Equatable {
    var coolantFlow = 1.0
    var heatRejection = 1.0
    var chiller = 1.0

    /// True when every group has its needed units running (record-only groups included).
    var complete = true

    init() {}

    init(fractions: [Double], roles: [ReliabilitySpec.Role]) {
        for (fraction, role) in zip(fractions, roles) {
            if fraction < 1 { complete = false }
            switch role {
            case .coolantFlow: coolantFlow = min(coolantFlow, fraction)
            case .heatRejection: heatRejection = min(heatRejection, fraction)
            case .chiller: chiller = min(chiller, fraction)
            case .recordOnly: break
            }
        }
    }
}

/// The cooling units' up/down history of one replication, drawn before the facility run: unit failures do
/// not depend on temperatures, so each group's event-driven Monte Carlo (`RedundancyGroupReplication`, the
/// same one whose availability matches the k-out-of-n closed form in the tests) runs first, and the facility
/// run walks the merged timeline, re-evaluating the plant at each change.
struct CoolingUnitHistory {
    let timeline: CapacityTimeline?
    let roles: [ReliabilitySpec.Role]
    /// Unit failures over the horizon, all groups.
    let failures: Int

    init(spec: ScenarioSpec) throws {
        let groups = spec.reliability.coolingGroups
        guard !groups.isEmpty else {
            timeline = nil
            roles = []
            failures = 0
            return
        }
        var runs: [RedundancyGroupRun] = []
        for g in groups {
            let group = try g.redundancyGroup(default: spec.coolingSystem.redundancy)
            let scripted = spec.reliability.scriptedFailures.filter { $0.group == g.name }
                .map { (atSeconds: $0.atSeconds, repairSeconds: $0.repairSeconds, standby: $0.standby) }
            let replication = try RedundancyGroupReplication(group: group, seed: spec.seed, replication: spec.replication,
                                                             horizonSeconds: spec.horizonSeconds, scripted: scripted,
                                                             randomFailures: spec.reliability.randomCoolingFailures)
            runs.append(try replication.run(groupName: g.name, replication: spec.replication))
        }
        timeline = try CapacityTimeline.merge(runs)
        roles = groups.map(\.role)
        failures = runs.reduce(0) { $0 + $1.failures }
    }

    /// Capacity of segment `index` of the timeline.
    func capacity(segment index: Int) -> CoolingCapacity {
        guard let timeline else { return CoolingCapacity() }
        return CoolingCapacity(fractions: timeline.segments[index].capacityFractions, roles: roles)
    }
}
