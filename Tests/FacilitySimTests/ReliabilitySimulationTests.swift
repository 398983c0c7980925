import XCTest
import FacilityModels
import SimMath
@testable import FacilitySim

/// Monte Carlo of redundancy groups against the closed form, determinism, switchover delay.
///
/// Pump figures (IEEE 493: MTBF 5,950 h, MTTR 39 h): a = 5,950/5,989 = 0.99348806, λ = 1/5,950 h⁻¹.
/// Closed forms (derived in `ReliabilityRedundancyTests`): 2-of-2 A = a² = 0.98701853;
/// 2-of-3 A = a²(1 + 2(1−a)) = 0.99987334, outage frequency f = 2λ·3a²(1−a) = 6.4814e-6 h⁻¹.
/// They hold for any failure and repair laws with these means (insensitivity), so the default lognormal
/// repairs and Weibull failures must reproduce them too. Every replication starts with all units new,
/// which biases a finite horizon by O(MTTR/horizon) of the unavailability (< 0.1 % here): negligible
/// against the confidence intervals. Each check is deterministic (fixed seed); a correct model misses a
/// 95 % interval for 5 % of seeds, a wrong rule (e.g. spares ignored: 0.98702 instead of 0.99987) for all.
/// Availability is checked against its 95 % interval; secondary figures (outage and failure counts,
/// capacity fraction) against ±3 standard errors (false-alarm rate 0.27 % each), so that several checks
/// per test do not add up to a large false-alarm rate.
final class ReliabilitySimulationTests: XCTestCase {
    static let hour = 3_600.0
    static let year = 8_760 * hour

    /// Asserts |mean − expected| ≤ 3 standard errors, the standard error being the 95 % Student-t
    /// half-width divided by t(0.975, n − 1).
    func assertWithinThreeStandardErrors(_ interval: ConfidenceInterval, _ expected: Double, replications: Int,
                                         file: StaticString = #filePath, line: UInt = #line) {
        let t = Statistics.studentTQuantile(0.975, degreesOfFreedom: Double(replications - 1))
        let standardError = interval.halfWidth / t
        XCTAssertEqual(interval.mean, expected, accuracy: 3 * standardError, "\(interval)", file: file, line: line)
    }

    /// Pumps 2-of-2 (no spare) over 80 replications of 10 years: unavailability 0.013 is resolved to about
    /// ±5 % (half-width < 0.001), and the 95 % CI of availability must contain a² = 0.987019. The capacity fraction
    /// (each pump carries half the load) must match a = 0.993488, and the unit failures per replication
    /// the renewal count 2·horizon/(MTBF + MTTR) = 2·87,600/5,989 = 29.25 (the all-new start adds
    /// < 0.01 failure).
    func testPumpsTwoOfTwoMatchClosedForm() throws {
        let group = try RedundancyGroup(name: "pumps-n", component: .pump, neededUnits: 2)
        let summary = try RedundancyGroupSimulation(group: group, seed: 20_240_723, horizonSeconds: 10 * Self.year)
            .runReplications(count: 80)
        XCTAssertEqual(summary.closedFormAvailability, 0.987019, accuracy: 5e-7)
        XCTAssertTrue(summary.availability.contains(0.987019), "\(summary.availability)")
        XCTAssertLessThan(summary.availability.halfWidth, 0.001)
        assertWithinThreeStandardErrors(summary.capacityFraction, 0.993488, replications: 80)
        assertWithinThreeStandardErrors(summary.failuresPerReplication, 2 * 87_600 / 5_989.0, replications: 80)
    }

    /// Pumps 2-of-3 (N+1): outages are rare (one per 154,268 h), so 1,000 replications of 50 years
    /// (50,000 pump-group-years, ≈ 2,840 outages expected, ≈ 440,000 events) resolve the unavailability
    /// 1.267e-4 to about ±6 % (half-width < 1.5e-5). The CI of availability must contain 0.9998733 and
    /// exclude the 2-of-2 value; the outages per replication must match f·horizon = 6.4814e-6 · 438,000
    /// = 2.839 and the capacity fraction a³ + 3a²(1−a) + 3a(1−a)²/2 = 0.99993653.
    func testPumpsTwoOfThreeMatchClosedForm() throws {
        let group = try RedundancyGroup(name: "pumps-n+1", component: .pump, neededUnits: 2, redundancy: "n+1")
        let summary = try RedundancyGroupSimulation(group: group, seed: 20_240_723, horizonSeconds: 50 * Self.year)
            .runReplications(count: 1_000)
        XCTAssertEqual(summary.closedFormAvailability, 0.9998733, accuracy: 5e-8)
        XCTAssertTrue(summary.availability.contains(0.9998733), "\(summary.availability)")
        XCTAssertLessThan(summary.availability.halfWidth, 1.5e-5)
        assertWithinThreeStandardErrors(summary.outagesPerReplication, 6.4814e-6 * 438_000, replications: 1_000)
        XCTAssertFalse(summary.availability.contains(0.987019))
        assertWithinThreeStandardErrors(summary.capacityFraction, 0.99993653, replications: 1_000)
    }

    /// Insensitivity: 1-of-2 (2N) pumps with Weibull(shape 2) failures and fixed 39 h repairs keep
    /// A = 1 − (1−a)² = 0.9999576 (the closed form uses only the means). 300 replications of 50 years
    /// must contain it in the 95 % CI.
    func testAvailabilityIsInsensitiveToLaws() throws {
        let component = ComponentReliability.pump.with(failureLaw: .weibull(shape: 2)).with(repairLaw: .fixed)
        let group = try RedundancyGroup(name: "pumps-2n", component: component, neededUnits: 1, redundancy: "2n")
        let summary = try RedundancyGroupSimulation(group: group, seed: 7, horizonSeconds: 50 * Self.year)
            .runReplications(count: 300)
        XCTAssertEqual(group.steadyStateAvailability, 0.9999576, accuracy: 5e-8)
        XCTAssertTrue(summary.availability.contains(0.9999576), "\(summary.availability)")
        XCTAssertLessThan(summary.availability.halfWidth, 2e-5)
    }

    /// Same seed and replication ⇒ identical runs (bit for bit, deficits included) and identical summaries;
    /// a different replication or seed ⇒ a different history (its first deficit starts elsewhere: the
    /// start times are continuous random variables, equal with probability 0).
    func testDeterminismAndIndependence() throws {
        let group = try RedundancyGroup(name: "pumps", component: .pump, neededUnits: 2, redundancy: "n+1",
                                        switchoverDelaySeconds: 60)
        let sim = try RedundancyGroupSimulation(group: group, seed: 99, horizonSeconds: 20 * Self.year)
        let first = try sim.run(replication: 3)
        let again = try sim.run(replication: 3)
        XCTAssertEqual(first, again)
        XCTAssertFalse(first.deficits.isEmpty)
        XCTAssertEqual(try sim.runReplications(count: 5), try sim.runReplications(count: 5))
        let other = try sim.run(replication: 4)
        XCTAssertNotEqual(first.deficits.first, other.deficits.first)
        XCTAssertNotEqual(first.availability, other.availability)
        let otherSeed = try RedundancyGroupSimulation(group: group, seed: 100, horizonSeconds: 20 * Self.year)
            .run(replication: 3)
        XCTAssertNotEqual(first.deficits.first, otherSeed.deficits.first)
        // Replications are independent of the order they run in: replication 3 inside a batch equals alone.
        let batch = try sim.runReplications(count: 4, firstReplication: 1)
        XCTAssertEqual(batch.replicationAvailabilities[2], first.availability)
    }

    /// A switchover delay d only removes running capacity: with common random numbers every unit's up/down
    /// history is the same, the running set stays inside the up set, so each replication's availability with
    /// d = 1 h is ≤ the one with d = 0, and strictly lower on average. First-order estimate of the loss:
    /// each failure of a running pump while all three are up (rate 2λ·a³) costs d, so
    /// A_d ≈ 0.9998733 − 2/5,950 · 0.9805911 · 1 = 0.9995437; the CI of 300 replications of 20 years must
    /// lie within its half-width + 1e-6 (second-order terms, λd ≈ 1.7e-4 relative) of that estimate.
    func testSwitchoverDelayReducesAvailability() throws {
        let base = try RedundancyGroup(name: "pumps", component: .pump, neededUnits: 2, redundancy: "n+1")
        var delayed = base
        delayed.switchoverDelaySeconds = Self.hour
        let horizon = 20 * Self.year
        let instant = try RedundancyGroupSimulation(group: base, seed: 5, horizonSeconds: horizon).runReplications(count: 300)
        let slow = try RedundancyGroupSimulation(group: delayed, seed: 5, horizonSeconds: horizon).runReplications(count: 300)
        for (withDelay, without) in zip(slow.replicationAvailabilities, instant.replicationAvailabilities) {
            XCTAssertLessThanOrEqual(withDelay, without)
        }
        XCTAssertLessThan(slow.availability.mean, instant.availability.mean)
        XCTAssertEqual(slow.failuresPerReplication, instant.failuresPerReplication)
        XCTAssertEqual(slow.availability.mean, 0.9995437, accuracy: slow.availability.halfWidth + 1e-6,
                       "\(slow.availability)")
        XCTAssertEqual(slow.closedFormAvailability, instant.closedFormAvailability)
    }

    /// The deficit record is consistent with the figures: availability = 1 − Σ durations / horizon,
    /// capacity fraction = 1 − Σ duration·(1 − running/k) / horizon (both to 1e-12), deficits sorted,
    /// non-empty, inside the horizon, running < k, and outages = number of merged outage intervals.
    func testDeficitRecordIsConsistent() throws {
        let group = try RedundancyGroup(name: "chillers", component: .centrifugalChiller.timeScaled(by: 0.1),
                                        neededUnits: 3, redundancy: "n+1", switchoverDelaySeconds: 900)
        let run = try RedundancyGroupSimulation(group: group, seed: 1, horizonSeconds: 10 * Self.year).run(replication: 0)
        XCTAssertGreaterThan(run.deficits.count, 10)
        var previousEnd = 0.0, lost = 0.0
        for deficit in run.deficits {
            XCTAssertGreaterThanOrEqual(deficit.startSeconds, previousEnd)
            XCTAssertLessThan(deficit.startSeconds, deficit.endSeconds)
            XCTAssertLessThan(deficit.runningUnits, 3)
            XCTAssertEqual(deficit.neededUnits, 3)
            lost += deficit.durationSeconds * (1 - deficit.capacityFraction)
            previousEnd = deficit.endSeconds
        }
        XCTAssertLessThanOrEqual(previousEnd, run.horizonSeconds)
        XCTAssertEqual(run.availability, 1 - run.downtimeSeconds / run.horizonSeconds, accuracy: 1e-12)
        XCTAssertEqual(run.capacityFraction, 1 - lost / run.horizonSeconds, accuracy: 1e-12)
        XCTAssertEqual(run.outages, run.outageIntervals.count)
        XCTAssertGreaterThan(run.events, run.failures)
        // A switchover deficit lasts exactly the delay: most deficits of an N+1 group are switchovers.
        XCTAssertTrue(run.deficits.contains { abs($0.durationSeconds - 900) < 1e-6 && $0.runningUnits == 2 })
    }

    /// Bad arguments throw instead of trapping.
    func testInvalidArgumentsThrow() throws {
        let group = try RedundancyGroup(name: "pumps", component: .pump, neededUnits: 2)
        XCTAssertThrowsError(try RedundancyGroupSimulation(group: group, seed: 1, horizonSeconds: 0))
        XCTAssertThrowsError(try RedundancyGroupSimulation(group: group, seed: 1, horizonSeconds: .infinity))
        let sim = try RedundancyGroupSimulation(group: group, seed: 1, horizonSeconds: Self.year)
        XCTAssertThrowsError(try sim.runReplications(count: 0))
        var broken = group
        broken.neededUnits = 0
        XCTAssertThrowsError(try RedundancyGroupSimulation(group: broken, seed: 1, horizonSeconds: Self.year))
        XCTAssertEqual(RedundancyGroupSimulation.failureStreamName(group: "pumps", unit: 2), "group:pumps:unit:2:failure")
        XCTAssertEqual(RedundancyGroupSimulation.repairStreamName(group: "pumps", unit: 0), "group:pumps:unit:0:repair")
    }
}
