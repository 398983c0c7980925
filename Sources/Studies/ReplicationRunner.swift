import FacilitySim
import Foundation

/// Runs replications r = 0..<N of one scenario on several threads.
///
/// Replication r is the scenario with `spec.replication = r`: its random streams are keyed by (seed, r, stream
/// name), so a replication's result depends on nothing but the spec and r — not on the thread that ran it nor on
/// what ran before. Results come back in replication order, so any thread count gives the same results, bit for
/// bit (only `RunSummary.wallSeconds`, read from the host clock, differs).
public struct ReplicationRunner: Sendable {
    /// Threads to run replications on.
    public var threads: Int

    /// A runner on `threads` threads (default: every core this process may use).
    public init(threads: Int = ParallelRunner.availableCores) {
        self.threads = max(1, threads)
    }

    /// Runs replications 0..<`replications` of `spec` (its own `replication` field is ignored).
    /// `completed(r)` is called as each replication finishes (serialised, in completion order).
    /// - Throws: `StudyError.invalidCount` for fewer than one replication; the simulation's error otherwise.
    /// - Complexity: `replications` runs, spread over `threads` threads.
    public func run(_ spec: ScenarioSpec, replications: Int,
                    completed: (@Sendable (Int) -> Void)? = nil) throws -> [RunResult] {
        guard replications >= 1 else { throw StudyError.invalidCount("replications", replications) }
        return try ParallelRunner(threads: threads).map(count: replications, { r in
            try ReplicationRunner.runOne(spec, replication: r)
        }, completed: { r, _ in completed?(r) })
    }

    /// One replication: `spec` with `replication = r`, simulated.
    public static func runOne(_ spec: ScenarioSpec, replication: Int) throws -> RunResult {
        var replicated = spec
        replicated.replication = replication
        return try FacilitySimulation(spec: replicated).run()
    }
}
