/// One stretch of time during which a redundancy group runs a constant number of units below the
/// number it needs: [startSeconds, endSeconds) with `runningUnits` < `neededUnits`.
///
/// A group outage (a maximal interval with fewer than k units running) is one or more adjacent
/// deficits: e.g. a 2-of-3 pump group that loses a second pump (1 running) and then a third
/// (0 running) records two adjacent deficits, one outage. The facility simulator removes
/// `1 − capacityFraction` of the group's capacity during each deficit.
public struct CapacityDeficit: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Start of the deficit, s since the start of the run (inclusive).
    public var startSeconds: Double
    /// End of the deficit, s since the start of the run (exclusive).
    public var endSeconds: Double
    /// Units running (carrying load) throughout the deficit, 0 ≤ runningUnits < neededUnits.
    public var runningUnits: Int
    /// Units the group needs for full capacity (k).
    public var neededUnits: Int

    /// Creates a deficit record (checked by ``CapacityTimeline/merge(groupNames:deficits:horizonSeconds:)``).
    public init(startSeconds: Double, endSeconds: Double, runningUnits: Int, neededUnits: Int) {
        self.startSeconds = startSeconds
        self.endSeconds = endSeconds
        self.runningUnits = runningUnits
        self.neededUnits = neededUnits
    }

    /// Length of the deficit, s.
    public var durationSeconds: Double { endSeconds - startSeconds }

    /// Fraction of the needed capacity available during the deficit, runningUnits / neededUnits, in [0, 1).
    public var capacityFraction: Double { Double(runningUnits) / Double(neededUnits) }

    public var description: String {
        "[\(startSeconds), \(endSeconds)) s: \(runningUnits)/\(neededUnits) units running"
    }
}
