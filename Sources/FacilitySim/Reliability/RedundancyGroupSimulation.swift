import FacilityModels
import SimMath

/// Monte Carlo of one redundancy group over a horizon on the EventEngine: units fail and are repaired,
/// spares take over after the switchover delay, and every stretch with fewer than k units running is
/// recorded so that the facility simulator can remove the missing capacity physically.
///
/// ```swift
/// let pumps = try RedundancyGroup(name: "cdu-pumps", component: .pump, neededUnits: 2, redundancy: "n+1",
///                                 switchoverDelaySeconds: 30)
/// let sim = try RedundancyGroupSimulation(group: pumps, seed: 42, horizonSeconds: 8_760 * 3_600)
/// let year = try sim.run(replication: 0)             // deficits, availability, failures of one year
/// let summary = try sim.runReplications(count: 200)  // availability mean ± Student-t 95 % half-width
/// ```
///
/// Determinism: unit i of group `name` draws its times to failure from the stream
/// ``failureStreamName(group:unit:)`` and its repair times from ``repairStreamName(group:unit:)`` of
/// ``SimMath/RandomStream`` keyed by (seed, replication, name), so a replication's result depends on
/// nothing else — not on thread count, on which other groups exist or on the order replications run in.
/// See `RedundancyGroupReplication` for the operating rules and `RedundancyGroup+Availability.swift`
/// for the closed form the simulation reproduces when the switchover delay is 0.
public struct RedundancyGroupSimulation: Sendable {
    /// The simulated group.
    public let group: RedundancyGroup
    /// Scenario seed.
    public let seed: UInt64
    /// Simulated horizon of each replication, s.
    public let horizonSeconds: Double

    /// Largest replication count accepted by ``runReplications(count:firstReplication:)``.
    public static let maximumReplications = 1_000_000

    /// Creates a simulation of `group` over [0, horizonSeconds) for scenario seed `seed`.
    /// - Parameter horizonSeconds: horizon of each replication, s (finite, > 0).
    /// - Throws: ``FacilityModels/ReliabilityError`` for an invalid group or horizon.
    public init(group: RedundancyGroup, seed: UInt64, horizonSeconds: Double) throws {
        try group.validate()
        if !(horizonSeconds.isFinite && horizonSeconds > 0) {
            throw ReliabilityError.invalidArgument("simulation horizon (s) must be finite and > 0, got \(horizonSeconds)")
        }
        self.group = group
        self.seed = seed
        self.horizonSeconds = horizonSeconds
    }

    /// Name of the random stream of unit `unit`'s times to failure: `group:<name>:unit:<i>:failure`.
    public static func failureStreamName(group: String, unit: Int) -> String {
        "group:\(group):unit:\(unit):failure"
    }

    /// Name of the random stream of unit `unit`'s repair times: `group:<name>:unit:<i>:repair`.
    public static func repairStreamName(group: String, unit: Int) -> String {
        "group:\(group):unit:\(unit):repair"
    }

    /// Simulates replication `replication` (any integer; it keys the random streams).
    /// - Throws: an `EventEngineError` only if the engine rejects a time, which valid parameters rule out.
    /// - Complexity: O(E log E) for E ≈ 2·n·horizon/(MTBF + MTTR) events (a year of a 3-pump group:
    ///   about 9 events).
    public func run(replication: Int) throws -> RedundancyGroupRun {
        let replicationRun = try RedundancyGroupReplication(group: group, seed: seed, replication: replication,
                                                            horizonSeconds: horizonSeconds)
        return try replicationRun.run(groupName: group.name, replication: replication)
    }

    /// Simulates replications `firstReplication ..< firstReplication + count` and summarises them:
    /// availability and capacity fraction with Student-t 95 % confidence intervals.
    ///
    /// Replications run one after another; each depends only on its index, so a parallel runner that
    /// calls ``run(replication:)`` and builds ``RedundancyGroupSummary/init(group:seed:runs:)`` gets
    /// bit-identical figures.
    /// - Throws: ``FacilityModels/ReliabilityError/invalidArgument(_:)`` unless 1 ≤ count ≤ ``maximumReplications``.
    /// - Complexity: O(count · E log E).
    public func runReplications(count: Int, firstReplication: Int = 0) throws -> RedundancyGroupSummary {
        guard count >= 1, count <= Self.maximumReplications else {
            throw ReliabilityError.invalidArgument(
                "replication count must lie in 1...\(Self.maximumReplications), got \(count)")
        }
        guard firstReplication <= Int.max - count else {
            throw ReliabilityError.invalidArgument("replication indices overflow from \(firstReplication)")
        }
        var runs: [RedundancyGroupRun] = []
        runs.reserveCapacity(count)
        for replication in firstReplication..<(firstReplication + count) {
            runs.append(try run(replication: replication))
        }
        return RedundancyGroupSummary(group: group, seed: seed, runs: runs)
    }
}
