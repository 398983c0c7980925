import Foundation
import XCTest
import FacilitySim
import Reporting
@testable import Studies

final class ReplicationTests: XCTestCase {
    /// Replications on 1 and 2 threads give the same results: every summary (wall time aside) and every time series
    /// is equal byte for byte, in replication order, and so is the aggregate (summary.json and intervals.json).
    func testThreadCountDoesNotChangeResults() throws {
        let spec = try StudyFixtures.spec()
        let one = try ReplicationRunner(threads: 1).run(spec, replications: 4)
        let two = try ReplicationRunner(threads: 2).run(spec, replications: 4)
        XCTAssertEqual(one.count, 4)
        // The replications really differ (random failures keyed by replication), so the comparison means something.
        XCTAssertGreaterThan(Set(try one.map(canonicalBytes)).count, 1)
        XCTAssertGreaterThan(Set(one.map { $0.summary.gpuFailures ?? -1 }).count, 1)
        XCTAssertEqual(try one.map(canonicalBytes), try two.map(canonicalBytes))
        let a = try ReplicationAggregate(one.map(\.summary), wallSeconds: 0)
        let b = try ReplicationAggregate(two.map(\.summary), wallSeconds: 0)
        XCTAssertEqual(try ResultWriter.summaryJSON(a.summary), try ResultWriter.summaryJSON(b.summary))
        XCTAssertEqual(try a.intervalsJSON(), try b.intervalsJSON())
        XCTAssertEqual(a.summary.replications, 4)
    }

    /// Results in replication order: replication r of the runner equals a lone run of `spec.replication = r`.
    func testReplicationOrder() throws {
        let spec = try StudyFixtures.spec()
        let results = try ReplicationRunner(threads: 2).run(spec, replications: 3)
        for r in 0..<3 {
            XCTAssertEqual(try canonicalBytes(results[r]), try canonicalBytes(ReplicationRunner.runOne(spec, replication: r)))
        }
        XCTAssertThrowsError(try ReplicationRunner(threads: 2).run(spec, replications: 0))
    }

    /// The aggregate of PUEs 1.1, 1.2, 1.3 (other fields equal): mean 1.2 and half-width
    /// t(0.975, 2) · s / √3 = 4.302653 × 0.1 / 1.732051 = 0.248414 (s = 0.1); availability 0.99, 0.995, 1.0
    /// gives the interval 0.995 ± 0.012421 in `availability_ci95`; fields equal in every replication (name, seed,
    /// GPUs) are kept; the integer `events` 10, 11, 13 becomes the rounded mean 11 (exact 11.333… in intervals);
    /// the double `seconds_above_gpu_limit` 0, 0, 1 (whole numbers in JSON) keeps its exact mean 1/3.
    func testAggregateMeansAndIntervals() throws {
        let base = try ReplicationRunner.runOne(StudyFixtures.spec(), replication: 0).summary
        let summaries = [(1.1, 0.99, 10), (1.2, 0.995, 11), (1.3, 1.0, 13)].map { pue, availability, events -> RunSummary in
            var s = base
            s.pue = pue
            s.availability = availability
            s.events = events
            s.secondsAboveGpuLimit = events == 13 ? 1 : 0
            return s
        }
        let aggregate = try ReplicationAggregate(summaries, wallSeconds: 2.5)
        XCTAssertEqual(aggregate.summary.pue, 1.2, accuracy: 1e-12)
        XCTAssertEqual(aggregate.intervals["pue"]!.halfWidth, 0.248414, accuracy: 1e-6)
        XCTAssertEqual(aggregate.summary.availability!, 0.995, accuracy: 1e-12)
        XCTAssertEqual(aggregate.summary.availabilityCi95![0], 0.995 - 0.012421, accuracy: 1e-6)
        XCTAssertEqual(aggregate.summary.availabilityCi95![1], 0.995 + 0.012421, accuracy: 1e-6)
        XCTAssertEqual(aggregate.summary.events, 11)
        XCTAssertEqual(aggregate.intervals["events"]!.mean, 34.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(aggregate.summary.replications, 3)
        XCTAssertEqual(aggregate.summary.secondsAboveGpuLimit, 1.0 / 3, accuracy: 1e-15)
        XCTAssertEqual(aggregate.summary.wallSeconds, 2.5)
        XCTAssertEqual(aggregate.summary.scenario, base.scenario)
        XCTAssertEqual(aggregate.summary.seed, base.seed)
        XCTAssertEqual(aggregate.summary.energyBySubsystemJoules, base.energyBySubsystemJoules)
        XCTAssertNil(aggregate.intervals["wall_seconds"])
    }

    /// A summary's bytes without its one host-clock field, plus its time series.
    func canonicalBytes(_ result: RunResult) throws -> Data {
        var summary = result.summary
        summary.wallSeconds = 0
        return try ResultWriter.summaryJSON(summary) + Data(ResultWriter.timeSeriesCSV(result.timeSeries).utf8)
    }
}
