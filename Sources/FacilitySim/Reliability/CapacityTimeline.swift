import FacilityModels

/// Piecewise-constant "capacity available" timeline of several redundancy groups: for each segment of
/// [0, horizon), the fraction of its needed units each group has running (1 outside its deficits).
///
/// Built by the pure function ``merge(_:)`` from the deficit records of one replication of every group;
/// the facility simulator walks ``segments`` (or asks ``capacityFractions(at:)``) and scales each
/// group's cooling or power capacity by its fraction. Segments are contiguous, cover [0, horizon)
/// exactly, and two neighbours always differ in at least one group's fraction.
public struct CapacityTimeline: Sendable, Hashable, Codable {
    /// One stretch of constant capacity: [startSeconds, endSeconds) and one fraction per group.
    public struct Segment: Sendable, Hashable, Codable {
        /// Start, s (inclusive).
        public var startSeconds: Double
        /// End, s (exclusive).
        public var endSeconds: Double
        /// Fraction of needed units running, per group in ``CapacityTimeline/groupNames`` order, in [0, 1].
        public var capacityFractions: [Double]
    }

    /// Group names, in the order of every segment's `capacityFractions`.
    public var groupNames: [String]
    /// End of the timeline, s (it starts at 0).
    public var horizonSeconds: Double
    /// Contiguous segments covering [0, horizonSeconds), in time order.
    public var segments: [Segment]

    /// Merges one replication's runs of several groups (same horizon, distinct group names).
    /// - Throws: ``FacilityModels/ReliabilityError/invalidArgument(_:)`` for no runs, differing horizons,
    ///   duplicate names or inconsistent deficits.
    /// - Complexity: O(B·G + B log B) for G groups and B deficit boundaries.
    public static func merge(_ runs: [RedundancyGroupRun]) throws -> CapacityTimeline {
        guard let horizon = runs.first?.horizonSeconds else {
            throw ReliabilityError.invalidArgument("a capacity timeline needs at least one group run")
        }
        for run in runs where run.horizonSeconds != horizon {
            throw ReliabilityError.invalidArgument(
                "group '\(run.groupName)' ran to \(run.horizonSeconds) s, not \(horizon) s like the first group")
        }
        return try merge(groupNames: runs.map(\.groupName), deficits: runs.map(\.deficits), horizonSeconds: horizon)
    }

    /// Merges per-group deficit lists into one timeline over [0, horizonSeconds).
    ///
    /// Each list must be sorted and non-overlapping, with 0 ≤ start < end ≤ horizon and
    /// 0 ≤ runningUnits < neededUnits; adjacent deficits of one group are allowed.
    /// - Throws: ``FacilityModels/ReliabilityError/invalidArgument(_:)`` naming the first problem.
    /// - Complexity: O(B·G + B log B) for G groups and B deficit boundaries.
    public static func merge(groupNames: [String], deficits: [[CapacityDeficit]],
                             horizonSeconds: Double) throws -> CapacityTimeline {
        try validate(groupNames: groupNames, deficits: deficits, horizonSeconds: horizonSeconds)
        var boundaries: [Double] = [0, horizonSeconds]
        for list in deficits {
            for deficit in list {
                boundaries.append(deficit.startSeconds)
                boundaries.append(deficit.endSeconds)
            }
        }
        boundaries.sort()
        var cursor = Array(repeating: 0, count: groupNames.count)
        var segments: [Segment] = []
        var previousEnd = 0.0
        for boundary in boundaries.dropFirst() where boundary > previousEnd {
            let start = previousEnd
            var fractions = Array(repeating: 1.0, count: groupNames.count)
            for group in groupNames.indices {
                let list = deficits[group]
                while cursor[group] < list.count && list[cursor[group]].endSeconds <= start { cursor[group] += 1 }
                if cursor[group] < list.count && list[cursor[group]].startSeconds <= start {
                    fractions[group] = list[cursor[group]].capacityFraction
                }
            }
            if let last = segments.last, last.capacityFractions == fractions {
                segments[segments.count - 1].endSeconds = boundary
            } else {
                segments.append(Segment(startSeconds: start, endSeconds: boundary, capacityFractions: fractions))
            }
            previousEnd = boundary
        }
        return CapacityTimeline(groupNames: groupNames, horizonSeconds: horizonSeconds, segments: segments)
    }

    /// Capacity fractions of every group at `timeSeconds` (s); all 1 outside [0, horizon).
    /// - Complexity: O(log S) for S segments.
    public func capacityFractions(at timeSeconds: Double) -> [Double] {
        guard let index = segmentIndex(at: timeSeconds) else {
            return Array(repeating: 1, count: groupNames.count)
        }
        return segments[index].capacityFractions
    }

    /// Capacity fraction of group `name` at `timeSeconds` (s), or `nil` for an unknown group.
    /// - Complexity: O(G + log S).
    public func capacityFraction(group name: String, at timeSeconds: Double) -> Double? {
        guard let group = groupNames.firstIndex(of: name) else { return nil }
        return capacityFractions(at: timeSeconds)[group]
    }

    /// Index of the segment containing `timeSeconds`, or `nil` outside [0, horizon).
    /// - Complexity: O(log S).
    public func segmentIndex(at timeSeconds: Double) -> Int? {
        guard timeSeconds >= 0, timeSeconds < horizonSeconds, !segments.isEmpty else { return nil }
        var low = 0, high = segments.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if segments[mid].startSeconds <= timeSeconds { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// Time average of group `index`'s capacity fraction over [0, horizon) (dimensionless).
    /// - Complexity: O(S).
    public func averageCapacityFraction(group index: Int) -> Double {
        var integral = 0.0
        for segment in segments {
            integral += (segment.endSeconds - segment.startSeconds) * segment.capacityFractions[index]
        }
        return integral / horizonSeconds
    }

    /// Times (s) at which some group's capacity changes (every segment start after 0).
    public var changeTimes: [Double] { segments.dropFirst().map(\.startSeconds) }

    /// Checks the inputs of ``merge(groupNames:deficits:horizonSeconds:)``.
    private static func validate(groupNames: [String], deficits: [[CapacityDeficit]], horizonSeconds: Double) throws {
        guard horizonSeconds.isFinite && horizonSeconds > 0 else {
            throw ReliabilityError.invalidArgument("timeline horizon (s) must be finite and > 0, got \(horizonSeconds)")
        }
        guard groupNames.count == deficits.count else {
            throw ReliabilityError.invalidArgument(
                "\(groupNames.count) group names but \(deficits.count) deficit lists")
        }
        guard Set(groupNames).count == groupNames.count else {
            throw ReliabilityError.invalidArgument("group names in a capacity timeline must be distinct: \(groupNames)")
        }
        for (name, list) in zip(groupNames, deficits) {
            var previousEnd = 0.0
            for deficit in list {
                guard deficit.startSeconds >= previousEnd, deficit.startSeconds < deficit.endSeconds,
                      deficit.endSeconds <= horizonSeconds else {
                    throw ReliabilityError.invalidArgument(
                        "deficit \(deficit) of group '\(name)' is empty, unsorted, overlapping or outside [0, \(horizonSeconds)) s")
                }
                guard deficit.neededUnits >= 1, deficit.runningUnits >= 0, deficit.runningUnits < deficit.neededUnits else {
                    throw ReliabilityError.invalidArgument(
                        "deficit \(deficit) of group '\(name)' needs 0 ≤ running < needed units")
                }
                previousEnd = deficit.endSeconds
            }
        }
    }
}
