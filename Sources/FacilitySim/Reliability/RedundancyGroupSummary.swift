import FacilityModels
import SimMath

/// Replication statistics of a ``RedundancyGroupSimulation``: means with Student-t confidence intervals
/// (SimMath `Statistics.confidenceInterval`, level 0.95) next to the closed-form steady state.
///
/// Each replication contributes one observation per figure (its time average over the horizon), so the
/// observations are iid and the Student-t interval applies. With a single replication every half-width
/// is +∞.
public struct RedundancyGroupSummary: Sendable, Hashable, Codable {
    /// Name of the simulated group.
    public var groupName: String
    /// Scenario seed.
    public var seed: UInt64
    /// Number of replications.
    public var replications: Int
    /// Replication indices, in the order their runs were given.
    public var replicationIndices: [Int]
    /// Horizon of each replication, s.
    public var horizonSeconds: Double
    /// Availability (fraction of time with ≥ k units running), mean and 95 % CI.
    public var availability: ConfidenceInterval
    /// Time-weighted running capacity fraction min(running, k)/k, mean and 95 % CI.
    public var capacityFraction: ConfidenceInterval
    /// Downtime (fewer than k units running), hours per 365-day year, mean and 95 % CI.
    public var downtimeHoursPerYear: ConfidenceInterval
    /// Unit failures per replication, mean and 95 % CI.
    public var failuresPerReplication: ConfidenceInterval
    /// Group outages per replication, mean and 95 % CI.
    public var outagesPerReplication: ConfidenceInterval
    /// The closed-form steady-state availability of the group (ignores the switchover delay).
    public var closedFormAvailability: Double
    /// The closed-form long-run capacity fraction E[min(X, k)/k] (ignores the switchover delay).
    public var closedFormCapacityFraction: Double
    /// Availability of each replication, in run order.
    public var replicationAvailabilities: [Double]
    /// Events executed over all replications.
    public var events: Int

    /// Summarises `runs` of `group` (all with the same horizon) at confidence level 0.95.
    /// An empty `runs` gives NaN means and infinite half-widths.
    public init(group: RedundancyGroup, seed: UInt64, runs: [RedundancyGroupRun]) {
        let availabilities = runs.map(\.availability)
        let horizon = runs.first?.horizonSeconds ?? 0
        groupName = group.name
        self.seed = seed
        replications = runs.count
        replicationIndices = runs.map(\.replication)
        horizonSeconds = horizon
        availability = Statistics.confidenceInterval(availabilities)
        capacityFraction = Statistics.confidenceInterval(runs.map(\.capacityFraction))
        downtimeHoursPerYear = Statistics.confidenceInterval(
            runs.map { $0.downtimeSeconds / $0.horizonSeconds * RedundancyGroup.hoursPerYear })
        failuresPerReplication = Statistics.confidenceInterval(runs.map { Double($0.failures) })
        outagesPerReplication = Statistics.confidenceInterval(runs.map { Double($0.outages) })
        closedFormAvailability = group.steadyStateAvailability
        closedFormCapacityFraction = group.expectedCapacityFraction
        replicationAvailabilities = availabilities
        events = runs.reduce(0) { $0 + $1.events }
    }
}
