import XCTest
import FacilityModels
@testable import FacilitySim

/// Merging per-group deficits into one piecewise-constant capacity timeline.
final class ReliabilityCapacityTimelineTests: XCTestCase {
    /// Hand-built case over [0, 50) s. Group A (k = 2): 1 unit running on [10, 20). Group B (k = 3):
    /// 2 running on [15, 30), 0 running on [30, 40). Expected segments (A, B):
    /// [0,10) (1, 1); [10,15) (½, 1); [15,20) (½, ⅔); [20,30) (1, ⅔); [30,40) (1, 0); [40,50) (1, 1).
    /// Time averages: A = 1 − 10·½/50 = 0.9; B = 1 − (15·⅓ + 10·1)/50 = 0.7. Exact up to rounding (1e-12).
    func testHandBuiltMerge() throws {
        let a = [CapacityDeficit(startSeconds: 10, endSeconds: 20, runningUnits: 1, neededUnits: 2)]
        let b = [CapacityDeficit(startSeconds: 15, endSeconds: 30, runningUnits: 2, neededUnits: 3),
                 CapacityDeficit(startSeconds: 30, endSeconds: 40, runningUnits: 0, neededUnits: 3)]
        let timeline = try CapacityTimeline.merge(groupNames: ["A", "B"], deficits: [a, b], horizonSeconds: 50)
        let expected: [(Double, Double, [Double])] = [
            (0, 10, [1, 1]), (10, 15, [0.5, 1]), (15, 20, [0.5, 2.0 / 3]), (20, 30, [1, 2.0 / 3]),
            (30, 40, [1, 0]), (40, 50, [1, 1]),
        ]
        XCTAssertEqual(timeline.segments.count, expected.count)
        for (segment, (start, end, fractions)) in zip(timeline.segments, expected) {
            XCTAssertEqual(segment.startSeconds, start)
            XCTAssertEqual(segment.endSeconds, end)
            XCTAssertEqual(segment.capacityFractions, fractions)
        }
        XCTAssertEqual(timeline.capacityFractions(at: 15), [0.5, 2.0 / 3])
        XCTAssertEqual(timeline.capacityFractions(at: 14.999), [0.5, 1])
        XCTAssertEqual(timeline.capacityFraction(group: "B", at: 39.5), 0)
        XCTAssertNil(timeline.capacityFraction(group: "C", at: 1))
        XCTAssertEqual(timeline.capacityFractions(at: 50), [1, 1])
        XCTAssertEqual(timeline.capacityFractions(at: -1), [1, 1])
        XCTAssertEqual(timeline.changeTimes, [10, 15, 20, 30, 40])
        XCTAssertEqual(timeline.averageCapacityFraction(group: 0), 0.9, accuracy: 1e-12)
        XCTAssertEqual(timeline.averageCapacityFraction(group: 1), 0.7, accuracy: 1e-12)
    }

    /// Adjacent deficits with the same running count coalesce into one segment; no deficits give one
    /// full-capacity segment [0, horizon).
    func testCoalescingAndEmptyGroups() throws {
        let split = [CapacityDeficit(startSeconds: 0, endSeconds: 5, runningUnits: 1, neededUnits: 2),
                     CapacityDeficit(startSeconds: 5, endSeconds: 8, runningUnits: 1, neededUnits: 2)]
        let timeline = try CapacityTimeline.merge(groupNames: ["A", "B"], deficits: [split, []], horizonSeconds: 10)
        XCTAssertEqual(timeline.segments.map(\.startSeconds), [0, 8])
        XCTAssertEqual(timeline.segments.map(\.capacityFractions), [[0.5, 1], [1, 1]])
        let quiet = try CapacityTimeline.merge(groupNames: ["A"], deficits: [[]], horizonSeconds: 10)
        XCTAssertEqual(quiet.segments.count, 1)
        XCTAssertEqual(quiet.segments[0].endSeconds, 10)
    }

    /// Merging simulated runs (pumps 2-of-3 and chillers 3-of-4, one replication of 20 years, one seed):
    /// each group's time-averaged fraction on the timeline equals the run's own capacity fraction (both
    /// are the same integral; tolerance 1e-12), and at the midpoint of every deficit the timeline shows
    /// that deficit's fraction.
    func testMergeOfSimulatedRunsPreservesEachGroup() throws {
        let horizon = 20 * 8_760 * 3_600.0
        let pumps = try RedundancyGroup(name: "pumps", component: .pump, neededUnits: 2, redundancy: "n+1",
                                        switchoverDelaySeconds: 30)
        let chillers = try RedundancyGroup(name: "chillers", component: .centrifugalChiller, neededUnits: 3,
                                           redundancy: "n+1", switchoverDelaySeconds: 600)
        let runs = try [pumps, chillers].map {
            try RedundancyGroupSimulation(group: $0, seed: 3, horizonSeconds: horizon).run(replication: 0)
        }
        let timeline = try CapacityTimeline.merge(runs)
        XCTAssertEqual(timeline.groupNames, ["pumps", "chillers"])
        XCTAssertEqual(timeline.segments.first?.startSeconds, 0)
        XCTAssertEqual(timeline.segments.last?.endSeconds, horizon)
        for (previous, next) in zip(timeline.segments, timeline.segments.dropFirst()) {
            XCTAssertEqual(previous.endSeconds, next.startSeconds)
            XCTAssertNotEqual(previous.capacityFractions, next.capacityFractions)
        }
        for (index, run) in runs.enumerated() {
            XCTAssertFalse(run.deficits.isEmpty)
            XCTAssertEqual(timeline.averageCapacityFraction(group: index), run.capacityFraction, accuracy: 1e-12)
            for deficit in run.deficits {
                let middle = (deficit.startSeconds + deficit.endSeconds) / 2
                XCTAssertEqual(timeline.capacityFractions(at: middle)[index], deficit.capacityFraction)
            }
        }
    }

    /// Inconsistent input throws: no runs, overlapping or out-of-horizon deficits, running ≥ needed,
    /// duplicate names, mismatched list counts, differing horizons.
    func testInvalidInputThrows() throws {
        XCTAssertThrowsError(try CapacityTimeline.merge([]))
        let overlapping = [CapacityDeficit(startSeconds: 0, endSeconds: 5, runningUnits: 0, neededUnits: 1),
                           CapacityDeficit(startSeconds: 4, endSeconds: 6, runningUnits: 0, neededUnits: 1)]
        XCTAssertThrowsError(try CapacityTimeline.merge(groupNames: ["A"], deficits: [overlapping], horizonSeconds: 10))
        let outside = [CapacityDeficit(startSeconds: 8, endSeconds: 12, runningUnits: 0, neededUnits: 1)]
        XCTAssertThrowsError(try CapacityTimeline.merge(groupNames: ["A"], deficits: [outside], horizonSeconds: 10))
        let full = [CapacityDeficit(startSeconds: 1, endSeconds: 2, runningUnits: 2, neededUnits: 2)]
        XCTAssertThrowsError(try CapacityTimeline.merge(groupNames: ["A"], deficits: [full], horizonSeconds: 10))
        XCTAssertThrowsError(try CapacityTimeline.merge(groupNames: ["A", "A"], deficits: [[], []], horizonSeconds: 10))
        XCTAssertThrowsError(try CapacityTimeline.merge(groupNames: ["A"], deficits: [[], []], horizonSeconds: 10))
        let group = try RedundancyGroup(name: "pumps", component: .pump, neededUnits: 1)
        let short = try RedundancyGroupSimulation(group: group, seed: 1, horizonSeconds: 100).run(replication: 0)
        var other = short
        other.groupName = "other"
        other.horizonSeconds = 200
        XCTAssertThrowsError(try CapacityTimeline.merge([short, other]))
    }
}
