import FacilityModels

/// The outcome of one replication of a ``RedundancyGroupSimulation`` over [0, horizonSeconds).
///
/// Invariants (checked by the tests): availability = 1 − Σ deficit durations / horizon;
/// capacityFraction = 1 − Σ deficit duration · (1 − deficit capacity fraction) / horizon;
/// deficits are sorted, non-overlapping, non-empty and inside the horizon.
public struct RedundancyGroupRun: Sendable, Hashable, Codable {
    /// Name of the simulated group.
    public var groupName: String
    /// Replication index (it keys the random streams).
    public var replication: Int
    /// Units the group needs (k).
    public var neededUnits: Int
    /// Units in the group (n).
    public var totalUnits: Int
    /// Simulated horizon, s.
    public var horizonSeconds: Double
    /// Fraction of the horizon with at least k units running (dimensionless).
    public var availability: Double
    /// Time average of min(running, k)/k over the horizon (dimensionless).
    public var capacityFraction: Double
    /// Unit failures during the horizon (running and standby units alike).
    public var failures: Int
    /// Group outages: maximal intervals with fewer than k units running that start inside the horizon.
    public var outages: Int
    /// Piecewise-constant record of every stretch with fewer than k units running, in time order.
    public var deficits: [CapacityDeficit]
    /// Events the engine executed (failures, repairs, switchover completions).
    public var events: Int
    /// Units replaced by predictive maintenance, and replacements deferred for want of a standby unit.
    public var preventiveReplacements: Int
    public var deferredReplacements: Int
    /// Every switchover to a standby unit: when it started and how long it waited for a human approval.
    public var switchovers: [SwitchoverRecord]

    /// Creates a run record (normally produced by ``RedundancyGroupSimulation/run(replication:)``).
    public init(groupName: String, replication: Int, neededUnits: Int, totalUnits: Int, horizonSeconds: Double,
                availability: Double, capacityFraction: Double, failures: Int, outages: Int,
                deficits: [CapacityDeficit], events: Int, preventiveReplacements: Int = 0, deferredReplacements: Int = 0,
                switchovers: [SwitchoverRecord] = []) {
        self.switchovers = switchovers
        self.preventiveReplacements = preventiveReplacements
        self.deferredReplacements = deferredReplacements
        self.groupName = groupName
        self.replication = replication
        self.neededUnits = neededUnits
        self.totalUnits = totalUnits
        self.horizonSeconds = horizonSeconds
        self.availability = availability
        self.capacityFraction = capacityFraction
        self.failures = failures
        self.outages = outages
        self.deficits = deficits
        self.events = events
    }

    /// Time with fewer than k units running, s (Σ deficit durations).
    public var downtimeSeconds: Double {
        deficits.reduce(0) { $0 + $1.durationSeconds }
    }

    /// The outage intervals [start, end) in s: adjacent deficits merged into maximal intervals with fewer
    /// than k units running.
    /// - Complexity: O(number of deficits).
    public var outageIntervals: [Range<Double>] {
        Self.outageIntervals(of: deficits)
    }

    /// Merges adjacent deficits (end of one == start of the next) into maximal intervals.
    static func outageIntervals(of deficits: [CapacityDeficit]) -> [Range<Double>] {
        var intervals: [Range<Double>] = []
        for deficit in deficits {
            if let last = intervals.last, last.upperBound == deficit.startSeconds {
                intervals[intervals.count - 1] = last.lowerBound..<deficit.endSeconds
            } else {
                intervals.append(deficit.startSeconds..<deficit.endSeconds)
            }
        }
        return intervals
    }
}

/// A standby unit starting to take over the load of a failed one.
public struct SwitchoverRecord: Sendable, Hashable, Codable {
    /// When the switchover started (the failure), s.
    public var startSeconds: Double
    /// Approval delay drawn for it, s (0 when switchovers need no approval); the changeover waited for it unless an
    /// emergency override bypassed a late approval.
    public var approvalDelaySeconds: Double
}
