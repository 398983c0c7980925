import Foundation

/// Processor time of this process (all its threads), for rates that other processes on a shared machine do not
/// distort: a step that waits for a core accrues wall time but not processor time.
enum CPUClock {
    /// Seconds of processor time used by the process so far (`CLOCK_PROCESS_CPUTIME_ID`).
    static func processSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
