import FacilitySim
import Foundation
import Reporting
import Scenario

/// Runs a sweep's points (or one shard's share of them) and writes one result file per point.
///
/// Every (point, replication) pair is a job on the thread pool, so both cores stay busy even when a sweep has
/// fewer points than cores. A point's file is written (temp file + rename) as soon as its last replication
/// ends; points whose file already exists are skipped, so a killed or re-queued shard resumes where it stopped
/// and loses only the points in flight. The files do not depend on thread count, shard or order of completion.
public struct SweepRunner: Sendable {
    /// The base scenario file.
    public var scenarioPath: String
    /// The points to run.
    public var plan: SweepPlan
    /// Where `points/` (and, for a complete sweep, `sweep.csv` and `sweep.json`) go.
    public var directory: URL
    /// Threads for the (point, replication) jobs.
    public var threads: Int
    /// This process's share of the points.
    public var shard: ShardSelection

    /// Progress of a run: points finished by this process out of those it had to run.
    public struct Progress: Sendable {
        /// Points finished so far and points this run had to run (already-done points excluded).
        public var done: Int
        public var total: Int
        /// Points of this shard found finished on disk and skipped.
        public var skipped: Int
        /// The point that just finished (nil for the first report, before any ran).
        public var point: Int?
        /// Its values on each axis.
        public var values: [String]
    }

    public init(scenarioPath: String, plan: SweepPlan, directory: URL, threads: Int, shard: ShardSelection = .all) {
        self.scenarioPath = scenarioPath
        self.plan = plan
        self.directory = directory
        self.threads = max(1, threads)
        self.shard = shard
    }

    /// The folder of point files.
    public var pointsDirectory: URL { directory.appendingPathComponent("points") }

    /// Runs this shard's unfinished points; every point's scenario is loaded and validated before any runs.
    /// - Returns: the number of points run by this call.
    /// - Throws: `ScenarioError` for a point whose overrides make the scenario invalid (naming the `--set`),
    ///   `StudyError.badResultFile` when `points/` holds results of another study, simulation or write errors.
    @discardableResult
    public func run(progress: (@Sendable (Progress) -> Void)? = nil) throws -> Int {
        try FileManager.default.createDirectory(at: pointsDirectory, withIntermediateDirectories: true)
        let mine = (0..<self.plan.pointCount).filter(shard.owns(point:))
        var pending: [Int] = []
        for index in mine {
            let url = pointsDirectory.appendingPathComponent(PointResult.fileName(index))
            guard FileManager.default.fileExists(atPath: url.path) else { pending.append(index); continue }
            let existing = try PointResult.read(url)
            guard existing.study == self.plan.fingerprint, existing.index == index else {
                throw StudyError.badResultFile(url.path, "belongs to another study (scenario, axes or replications differ); use another --out directory")
            }
        }
        // Validate every point first, so a bad value fails before hours of computing.
        let specs = try pending.map { try ScenarioLoader.load(path: scenarioPath, overrides: self.plan.overrides(ofPoint: $0)) }
        let skipped = mine.count - pending.count
        progress?(Progress(done: 0, total: pending.count, skipped: skipped, point: nil, values: []))
        let replications = self.plan.replications
        let collector = PointCollector(pointCount: pending.count, replications: replications)
        let plan = self.plan, points = pointsDirectory, todo = pending
        _ = try ParallelRunner(threads: threads).map(count: pending.count * replications, { job -> Int in
            let summary = try ReplicationRunner.runOne(specs[job / replications], replication: job % replications).summary
            guard let finished = collector.add(summary, point: job / replications, replication: job % replications) else { return job }
            let index = todo[job / replications]
            let aggregate = try ReplicationAggregate(finished, wallSeconds: 0)
            let result = PointResult(study: plan.fingerprint, scenario: finished[0].scenario, seed: finished[0].seed, index: index,
                                     pointCount: plan.pointCount, axes: plan.axes, values: plan.values(ofPoint: index),
                                     replications: replications, metrics: aggregate.intervals)
            try ResultWriter.writeAtomically(result.encoded(), to: points.appendingPathComponent(PointResult.fileName(index)))
            let done = collector.markWritten()
            progress?(Progress(done: done, total: todo.count, skipped: skipped, point: index, values: result.values))
            return job
        })
        return pending.count
    }

    /// Collects replication summaries by point; hands back a point's summaries, in replication order, when its last
    /// replication arrives.
    private final class PointCollector: @unchecked Sendable {
        private let lock = NSLock()
        private var summaries: [[RunSummary?]]
        private var remaining: [Int]
        private var written = 0

        init(pointCount: Int, replications: Int) {
            summaries = Array(repeating: Array(repeating: nil, count: replications), count: pointCount)
            remaining = Array(repeating: replications, count: pointCount)
        }

        func add(_ summary: RunSummary, point: Int, replication: Int) -> [RunSummary]? {
            lock.lock(); defer { lock.unlock() }
            summaries[point][replication] = summary
            remaining[point] -= 1
            guard remaining[point] == 0 else { return nil }
            defer { summaries[point] = [] }
            return summaries[point].compactMap { $0 }
        }

        func markWritten() -> Int {
            lock.lock(); defer { lock.unlock() }
            written += 1
            return written
        }
    }
}
