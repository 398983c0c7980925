/// Uptime as a service-level agreement states it, and facility availability as the Uptime Institute tiers mean it,
/// accumulated over the piecewise-constant stretches of a run.
///
/// - **Service availability** = time during which the hall delivers at least its committed capacity / time. A cloud
///   provider's SLA counts as downtime only the minutes in which the covered service is unavailable (Google Compute
///   Engine SLA, https://cloud.google.com/compute/sla: "Monthly Uptime Percentage" = 100 % − downtime minutes / minutes
///   in the month; "Downtime" = loss of the service for all applicable running instances), not a degraded minute: so a
///   hall whose throttled clocks keep its capacity at or above the commitment is up, and a shortfall below the
///   commitment counts whole.
/// - **Facility availability** = time during which power and cooling are delivered at full design capacity (every
///   redundancy group has its N units running) / time: the site-infrastructure reading of Uptime Institute's *Tier
///   Standard: Topology* (capacity components N+1 for Tiers II–IV; Tier III concurrently maintainable, Tier IV fault
///   tolerant), whose commonly quoted site figures are 99.671 / 99.741 / 99.982 / 99.995 % (shared references,
///   physics-and-benchmarks.md "Uptime tiers").
/// - The **capacity-weighted** figure (∫ delivered capacity dt / time) is kept beside them.
public struct ServiceAvailabilityTally: Sendable, Equatable {
    /// Committed capacity as a share of installed full-clock capacity (0…1).
    public let committedCapacity: Double
    /// Time accumulated, s.
    public private(set) var seconds: Double = 0
    /// Time with delivered capacity ≥ the commitment, s.
    public private(set) var serviceSeconds: Double = 0
    /// Time with power and cooling delivered (every redundancy group at N), s.
    public private(set) var facilitySeconds: Double = 0
    /// ∫ delivered capacity dt, s (capacity as a share of installed).
    public private(set) var capacitySeconds: Double = 0

    /// A tally for a commitment of `committedCapacity` (share of installed capacity, 0…1).
    public init(committedCapacity: Double) {
        precondition(committedCapacity >= 0 && committedCapacity <= 1, "committed capacity must be a share in 0…1")
        self.committedCapacity = committedCapacity
    }

    /// Adds a stretch of `durationSeconds` during which the hall delivered `deliveredCapacity` (share of installed
    /// full-clock capacity) and power and cooling were (`facilityDelivered`) or were not fully delivered.
    /// A relative slack of 1e-12 absorbs the rounding of a capacity that equals the commitment.
    public mutating func add(durationSeconds: Double, deliveredCapacity: Double, facilityDelivered: Bool) {
        guard durationSeconds > 0 else { return }
        seconds += durationSeconds
        capacitySeconds += deliveredCapacity * durationSeconds
        if deliveredCapacity >= committedCapacity * (1 - 1e-12) { serviceSeconds += durationSeconds }
        if facilityDelivered { facilitySeconds += durationSeconds }
    }

    /// Service availability over the time accumulated (1 before any time has passed).
    public var serviceAvailability: Double { seconds > 0 ? serviceSeconds / seconds : 1 }
    /// Facility availability over the time accumulated (1 before any time has passed).
    public var facilityAvailability: Double { seconds > 0 ? facilitySeconds / seconds : 1 }
    /// Capacity-weighted availability over the time accumulated (1 before any time has passed).
    public var capacityWeightedAvailability: Double { seconds > 0 ? capacitySeconds / seconds : 1 }
}
