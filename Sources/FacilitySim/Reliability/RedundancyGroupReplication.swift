import EventEngine
import FacilityModels
import SimMath

/// One replication of a redundancy group: the event loop behind ``RedundancyGroupSimulation/run(replication:)``.
///
/// Each unit alternates up and down, drawing its times to failure and to repair from its own two
/// random streams, so a unit's up/down history depends only on (seed, replication, group name, unit
/// index) — not on the other units, the switchover delay or the order of events. The operating rules:
/// - at time 0 every unit is new and up; units 0..<k run, the others stand by (hot spares);
/// - a failed unit is repaired (time to repair drawn at failure) and its next failure is drawn at repair;
/// - when a running or switching unit fails, the lowest-index standby unit starts a switchover and runs
///   after the switchover delay (at once when the delay is 0);
/// - a repaired unit runs at once if fewer than k units are running or switching (MTTR is the time to
///   restore to service, recommissioning included), otherwise it stands by.
/// Running units never exceed k, so the running set is always within the up set.
/// - Complexity: O(E · (log E + n)) for E events (about 2·n·horizon/(MTBF + MTTR)).
final class RedundancyGroupReplication {
    /// What can happen to a unit.
    enum Event {
        case failure(unit: Int)
        case repair(unit: Int)
        case switchoverComplete(unit: Int)
        /// A scripted failure (`ScriptedFailure`): the lowest-index running unit (or standby unit, for `standby`)
        /// fails and is repaired after a fixed time.
        case scripted(repairSeconds: Double, standby: Bool)
        /// A planned maintenance window (`MaintenancePolicy`).
        case maintenanceWindow
    }

    /// What a unit is doing.
    enum UnitState {
        case running, standby, switching, down
    }

    let sim: Simulation<Event>
    let horizonSeconds: Double
    let neededUnits: Int
    let switchoverDelaySeconds: Double
    let timeToFailure: Distribution
    let timeToRepair: Distribution
    let failureStreams: [RandomStream]
    let repairStreams: [RandomStream]

    var states: [UnitState]
    var switchoverHandles: [EventHandle?]
    /// Each up unit's pending random failure (cancelled when a scripted failure takes the unit down first).
    var failureHandles: [EventHandle?]
    /// Failures forced by the scenario: time s, repair s, and whether a standby unit (rather than a running one) fails.
    let scripted: [(atSeconds: Double, repairSeconds: Double, standby: Bool)]
    /// Whether units fail at random (MTBF); false leaves only the scripted failures.
    let randomFailures: Bool
    /// Predictive maintenance; nil is run-to-failure.
    let maintenance: MaintenancePolicy?
    /// The approval delay drawn for a switchover starting at the given time, and how long the changeover waits for
    /// it (0 when an emergency override lets a late approval be bypassed), s; nil: switchovers need no approval.
    let approvalDelay: ((Double) -> (drawn: Double, waited: Double))?
    var switchovers: [SwitchoverRecord] = []
    let component: ComponentReliability
    /// When each unit was last renewed (repaired or replaced: as good as new), s.
    var renewedAt: [Double]
    var preventiveReplacements = 0
    var deferredReplacements = 0
    /// Units carrying load (≤ k).
    var running: Int
    /// Standby units in the middle of a switchover.
    var switching = 0
    /// Time of the last change of `running`, s.
    var lastChangeSeconds = 0.0
    /// Time with fewer than k units running so far, s.
    var deficitSeconds = 0.0
    /// ∫ (k − running)/k dt over deficits so far, s.
    var lostCapacitySeconds = 0.0
    var failures = 0
    var deficits: [CapacityDeficit] = []

    /// Sets up replication `replication` of `group` for scenario seed `seed` over `horizonSeconds` (s);
    /// `group` must be valid.
    init(group: RedundancyGroup, seed: UInt64, replication: Int, horizonSeconds: Double,
         scripted: [(atSeconds: Double, repairSeconds: Double, standby: Bool)] = [], randomFailures: Bool = true,
         maintenance: MaintenancePolicy? = nil,
         approvalDelay: ((Double) -> (drawn: Double, waited: Double))? = nil) throws {
        self.approvalDelay = approvalDelay
        self.scripted = scripted
        self.maintenance = maintenance
        self.component = group.component
        self.renewedAt = Array(repeating: 0, count: group.totalUnits)
        self.randomFailures = randomFailures
        let n = group.totalUnits
        sim = try Simulation<Event>(expectedPendingEvents: n + 4)
        self.horizonSeconds = horizonSeconds
        neededUnits = group.neededUnits
        switchoverDelaySeconds = group.switchoverDelaySeconds
        timeToFailure = group.component.timeToFailureSeconds
        timeToRepair = group.component.timeToRepairSeconds
        failureStreams = (0..<n).map {
            RandomStream(seed: seed, replication: replication,
                         name: RedundancyGroupSimulation.failureStreamName(group: group.name, unit: $0))
        }
        repairStreams = (0..<n).map {
            RandomStream(seed: seed, replication: replication,
                         name: RedundancyGroupSimulation.repairStreamName(group: group.name, unit: $0))
        }
        states = (0..<n).map { $0 < group.neededUnits ? .running : .standby }
        switchoverHandles = Array(repeating: nil, count: n)
        failureHandles = Array(repeating: nil, count: n)
        running = group.neededUnits
    }

    /// Runs the replication to the horizon and returns its record.
    func run(groupName: String, replication: Int) throws -> RedundancyGroupRun {
        for unit in states.indices where randomFailures {
            failureHandles[unit] = try sim.schedule(.failure(unit: unit), after: failureStreams[unit].sample(timeToFailure))
        }
        for event in scripted where event.atSeconds < horizonSeconds {
            try sim.schedule(.scripted(repairSeconds: event.repairSeconds, standby: event.standby), at: event.atSeconds)
        }
        if let maintenance, maintenance.firstWindowSeconds < horizonSeconds {
            try sim.schedule(.maintenanceWindow, at: maintenance.firstWindowSeconds)
        }
        while let entry = sim.next(until: horizonSeconds) {
            switch entry.payload {
            case .maintenanceWindow:
                try maintain()
            case let .failure(unit): failureHandles[unit] = nil; try fail(unit)
            case let .scripted(repair, standby):
                // The unit named fails — a running one, or a standby one (a spare taken out for maintenance);
                // failing the other kind when none of that kind is up. All units down already: nothing changes.
                let running = states.firstIndex(of: .running) ?? states.firstIndex(of: .switching)
                let spare = states.firstIndex(of: .standby)
                guard let unit = standby ? (spare ?? running) : (running ?? spare) else { break }
                if let handle = failureHandles[unit] { sim.cancel(handle); failureHandles[unit] = nil }
                try fail(unit, repairSeconds: repair)
            case let .repair(unit): try repair(unit)
            case let .switchoverComplete(unit): completeSwitchover(unit)
            }
        }
        account(until: horizonSeconds)
        assert(running <= neededUnits && running >= 0, "running units out of range")
        return RedundancyGroupRun(
            groupName: groupName, replication: replication, neededUnits: neededUnits, totalUnits: states.count,
            horizonSeconds: horizonSeconds,
            availability: 1 - deficitSeconds / horizonSeconds,
            capacityFraction: 1 - lostCapacitySeconds / horizonSeconds,
            failures: failures,
            outages: RedundancyGroupRun.outageIntervals(of: deficits).count,
            deficits: deficits, events: sim.firedCount, preventiveReplacements: preventiveReplacements,
            deferredReplacements: deferredReplacements, switchovers: switchovers)
    }

    /// A unit fails: schedule its repair; if it carried (or was about to carry) load, call in a spare.
    /// `repairSeconds` nil draws the repair time from the unit's repair stream.
    private func fail(_ unit: Int, repairSeconds: Double? = nil) throws {
        failures += 1
        let previous = states[unit]
        states[unit] = .down
        try sim.schedule(.repair(unit: unit), after: repairSeconds ?? repairStreams[unit].sample(timeToRepair))
        switch previous {
        case .running:
            changeRunning(by: -1)
            try fillVacancies()
        case .switching:
            if let handle = switchoverHandles[unit] { sim.cancel(handle) }
            switchoverHandles[unit] = nil
            switching -= 1
            try fillVacancies()
        case .standby:
            break
        case .down:
            assertionFailure("unit \(unit) failed while down")
        }
    }

    /// A maintenance window: replace every up unit whose hazard is due, standby units first, then running ones
    /// whose load an up standby unit takes over at once; schedule the next window.
    private func maintain() throws {
        guard let maintenance else { return }
        let now = sim.now
        let due = states.indices.filter {
            states[$0] != .down && maintenance.isDue(component, ageSeconds: now - renewedAt[$0])
        }
        for unit in due.sorted(by: { (states[$0] == .standby ? 0 : 1, $0) < (states[$1] == .standby ? 0 : 1, $1) }) {
            switch states[unit] {
            case .standby:
                break
            case .running:
                guard let spare = states.firstIndex(of: .standby) else { deferredReplacements += 1; continue }
                states[spare] = .running
            case .switching, .down:
                deferredReplacements += 1
                continue
            }
            states[unit] = .down
            if let handle = failureHandles[unit] { sim.cancel(handle); failureHandles[unit] = nil }
            preventiveReplacements += 1
            try sim.schedule(.repair(unit: unit), after: maintenance.plannedDowntimeSeconds)
        }
        let next = now + maintenance.windowSeconds
        if next < horizonSeconds { try sim.schedule(.maintenanceWindow, at: next) }
    }

    /// A unit is repaired: draw its next failure; run it if the group is short, else keep it standing by.
    private func repair(_ unit: Int) throws {
        renewedAt[unit] = sim.now
        if randomFailures {
            failureHandles[unit] = try sim.schedule(.failure(unit: unit), after: failureStreams[unit].sample(timeToFailure))
        }
        if running + switching < neededUnits {
            states[unit] = .running
            changeRunning(by: 1)
        } else {
            states[unit] = .standby
        }
    }

    /// A standby unit finishes its switchover and carries load.
    private func completeSwitchover(_ unit: Int) {
        assert(states[unit] == .switching, "switchover completed for a unit that is not switching")
        states[unit] = .running
        switchoverHandles[unit] = nil
        switching -= 1
        changeRunning(by: 1)
    }

    /// Starts a switchover (or, with no delay, runs at once) for standby units while the group is short.
    private func fillVacancies() throws {
        var candidate = 0
        while running + switching < neededUnits {
            while candidate < states.count && states[candidate] != .standby { candidate += 1 }
            guard candidate < states.count else { return }
            // A human approval of the switchover (bounded autonomy) adds its delay to the changeover.
            let approval = approvalDelay?(sim.now) ?? (drawn: 0, waited: 0)
            switchovers.append(SwitchoverRecord(startSeconds: sim.now, approvalDelaySeconds: approval.drawn))
            let delay = switchoverDelaySeconds + approval.waited
            if delay == 0 {
                states[candidate] = .running
                changeRunning(by: 1)
            } else {
                states[candidate] = .switching
                switching += 1
                switchoverHandles[candidate] = try sim.schedule(.switchoverComplete(unit: candidate), after: delay)
            }
        }
    }

    /// Changes the number of running units at the current time, accounting for the interval before.
    private func changeRunning(by delta: Int) {
        account(until: sim.now)
        running += delta
        assert(running >= 0 && running <= neededUnits, "running units out of range")
    }

    /// Adds [lastChange, time) with the current running count to the deficit record and integrals.
    private func account(until time: Double) {
        let duration = time - lastChangeSeconds
        if running < neededUnits && duration > 0 {
            deficitSeconds += duration
            lostCapacitySeconds += duration * Double(neededUnits - running) / Double(neededUnits)
            if let last = deficits.last, last.endSeconds == lastChangeSeconds, last.runningUnits == running {
                deficits[deficits.count - 1].endSeconds = time
            } else {
                deficits.append(CapacityDeficit(startSeconds: lastChangeSeconds, endSeconds: time,
                                                runningUnits: running, neededUnits: neededUnits))
            }
        }
        lastChangeSeconds = time
    }
}
