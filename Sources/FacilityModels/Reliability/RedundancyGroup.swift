/// A group of identical repairable units of which `neededUnits` (k, "N") must run and `spareUnits`
/// stand by: a k-out-of-n group with n = k + spares — e.g. the pumps of a cooling loop, the chillers
/// of a plant, the UPS modules of a power train.
///
/// Operating rules (shared by the closed form in `RedundancyGroup+Availability.swift` and the
/// Monte Carlo `RedundancyGroupSimulation` of FacilitySim):
/// - every unit fails and is repaired independently, each with its own repair crew;
/// - spares are *hot*: a standby unit fails at the same rate as a running one (conservative, and what
///   the closed form assumes);
/// - when a running unit fails, a standby unit takes over after `switchoverDelaySeconds` (automatic
///   changeover, valve travel, restart); the closed form ignores this delay.
public struct RedundancyGroup: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Name of the group, unique within a facility (it keys the group's random streams).
    public var name: String
    /// The unit's reliability.
    public var component: ComponentReliability
    /// Units that must run for full capacity (k, "N"), ≥ 1.
    public var neededUnits: Int
    /// Standby units beyond N, ≥ 0.
    public var spareUnits: Int
    /// Time (s) from the loss of a running unit until a standby unit carries its load, ≥ 0.
    public var switchoverDelaySeconds: Double

    /// Largest group size accepted (a sanity bound on user input).
    public static let maximumUnits = 10_000

    /// Creates and validates a group of `neededUnits` + `spareUnits` units.
    /// - Parameter switchoverDelaySeconds: standby takeover delay, s (default 0: instantaneous).
    /// - Throws: ``ReliabilityError`` for an invalid component, counts or delay.
    public init(name: String, component: ComponentReliability, neededUnits: Int, spareUnits: Int = 0,
                switchoverDelaySeconds: Double = 0) throws {
        self.name = name
        self.component = component
        self.neededUnits = neededUnits
        self.spareUnits = spareUnits
        self.switchoverDelaySeconds = switchoverDelaySeconds
        try validate()
    }

    /// Creates a group whose spares follow `redundancy` (`n+1` → 1 spare, `2n` → N spares).
    /// - Throws: ``ReliabilityError`` for an invalid component, counts or delay.
    public init(name: String, component: ComponentReliability, neededUnits: Int, redundancy: RedundancyScheme,
                switchoverDelaySeconds: Double = 0) throws {
        try self.init(name: name, component: component, neededUnits: neededUnits,
                      spareUnits: redundancy.spares(needed: neededUnits),
                      switchoverDelaySeconds: switchoverDelaySeconds)
    }

    /// Creates a group from a redundancy string as written in scenario files (`n`, `n+1`, `n+2`, `2n`).
    /// - Throws: ``ReliabilityError/invalidRedundancy(_:)`` or another ``ReliabilityError``.
    public init(name: String, component: ComponentReliability, neededUnits: Int, redundancy: String,
                switchoverDelaySeconds: Double = 0) throws {
        try self.init(name: name, component: component, neededUnits: neededUnits,
                      redundancy: RedundancyScheme(parsing: redundancy),
                      switchoverDelaySeconds: switchoverDelaySeconds)
    }

    /// Total units n = k + spares.
    public var totalUnits: Int { neededUnits + spareUnits }

    /// Checks counts, delay and component (decoded values bypass the initialiser, so consumers call this).
    /// - Throws: ``ReliabilityError/invalidArgument(_:)`` naming the first bad field.
    public func validate() throws {
        guard !name.isEmpty else {
            throw ReliabilityError.invalidArgument("a redundancy group needs a non-empty name")
        }
        guard neededUnits >= 1 else {
            throw ReliabilityError.invalidArgument("group '\(name)' needs at least 1 needed unit, got \(neededUnits)")
        }
        guard spareUnits >= 0 else {
            throw ReliabilityError.invalidArgument("group '\(name)' has a negative spare count \(spareUnits)")
        }
        guard neededUnits <= Self.maximumUnits - spareUnits else {
            throw ReliabilityError.invalidArgument(
                "group '\(name)' has \(neededUnits) + \(spareUnits) units, more than \(Self.maximumUnits)")
        }
        try ReliabilityError.requireNonNegative(switchoverDelaySeconds, "switchover delay (s) of group '\(name)'")
        try component.validate()
    }

    /// The redundancy label of the group: `n` without spares, `2n` when spares = N, else `n+k`
    /// (so a 1-needed, 1-spare group reads `2n`, not `n+1`; both mean the same group).
    public var redundancy: RedundancyScheme {
        if spareUnits == 0 { return .n }
        if spareUnits == neededUnits { return .twoN }
        return .nPlus(spares: spareUnits)
    }

    public var description: String {
        "\(name): \(neededUnits)-out-of-\(totalUnits) \(component.name) (\(redundancy)), "
            + "switchover \(switchoverDelaySeconds) s"
    }
}
