import FacilityModels
import Operations
import SimMath

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
    /// Units replaced by predictive maintenance, all groups.
    let preventiveReplacements: Int
    /// Every switchover to a standby unit: group index (into `spec.reliability.coolingGroups`) and record, in time order.
    let switchovers: [(group: Int, record: SwitchoverRecord)]

    init(spec: ScenarioSpec) throws {
        let groups = spec.reliability.coolingGroups
        guard !groups.isEmpty else {
            timeline = nil
            roles = []
            failures = 0
            preventiveReplacements = 0
            switchovers = []
            return
        }
        var runs: [RedundancyGroupRun] = []
        for g in groups {
            let group = try g.redundancyGroup(default: spec.coolingSystem.redundancy)
            let scripted = spec.reliability.scriptedFailures.filter { $0.group == g.name }
                .map { (atSeconds: $0.atSeconds, repairSeconds: $0.repairSeconds, standby: $0.standby) }
            // Under a policy that makes medium-risk actions wait for a human, each switchover (a medium-risk action)
            // waits for an approval drawn from the group's own stream; an emergency override may bypass a late one.
            var approval: ((Double) -> (drawn: Double, waited: Double))?
            if let policy = spec.aiGovernance?.policy, policy.authority(for: ControlAction.switchToSpareUnit.riskClass) == .requireApproval {
                let stream = RandomStream(seed: spec.seed, replication: spec.replication, name: "governance.approval_delay/\(g.name)")
                let switchover = g.switchoverSeconds
                approval = { start in
                    // The same rule as `Governor.submit` on the request `switchoverRequest` makes (deadline: the end
                    // of the unaided changeover), so the physics and the trail agree.
                    let drawn = max(0, stream.sample(policy.approvalDelay))
                    let late = policy.isLate(requestSeconds: start, approvalDelaySeconds: drawn, deadlineSeconds: start + switchover)
                    return (drawn, policy.actsWithoutApproval(late: late) ? 0 : drawn)
                }
            }
            let replication = try RedundancyGroupReplication(group: group, seed: spec.seed, replication: spec.replication,
                                                             horizonSeconds: spec.horizonSeconds, scripted: scripted,
                                                             randomFailures: spec.reliability.randomCoolingFailures,
                                                             maintenance: spec.reliability.maintenance, approvalDelay: approval)
            runs.append(try replication.run(groupName: g.name, replication: spec.replication))
        }
        timeline = try CapacityTimeline.merge(runs)
        roles = groups.map(\.role)
        failures = runs.reduce(0) { $0 + $1.failures }
        preventiveReplacements = runs.reduce(0) { $0 + $1.preventiveReplacements }
        switchovers = runs.enumerated().flatMap { i, run in run.switchovers.map { (group: i, record: $0) } }
            .sorted { ($0.record.startSeconds, $0.group) < ($1.record.startSeconds, $1.group) }
    }

    /// Capacity of segment `index` of the timeline.
    func capacity(segment index: Int) -> CoolingCapacity {
        guard let timeline else { return CoolingCapacity() }
        return CoolingCapacity(fractions: timeline.segments[index].capacityFractions, roles: roles)
    }
}
