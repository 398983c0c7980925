import Dispatch
import Foundation

/// The clock a benchmark times with.
///
/// `wall` (the default) is elapsed time: what a user waits. `cpu` is the process's CPU time
/// (`CLOCK_PROCESS_CPUTIME_ID`): on a machine shared with other busy processes it counts only the time
/// this process ran, so a single-threaded run measures about what an idle machine would give (cache and
/// memory-bus sharing still cost). Only meaningful with one thread: the kernel's idle workers spin, and
/// their spinning would count.
public enum BenchClock: String, Sendable, Codable, CaseIterable {
    case wall, cpu

    /// The current reading in seconds (arbitrary origin).
    public func now() -> Double {
        switch self {
        case .wall:
            return Double(DispatchTime.now().uptimeNanoseconds) / 1e9
        case .cpu:
            var t = timespec()
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
            return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
        }
    }
}
