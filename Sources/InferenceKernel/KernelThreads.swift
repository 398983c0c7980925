import Dispatch
import Foundation
import Synchronization

/// How many threads the kernel uses, and the one way it runs parallel work.
///
/// Work is always cut into the same tasks whatever the thread count (the caller decides the tasks
/// from the problem size only), each task writes its own outputs and computes each of them in a fixed
/// order, so results are bit-identical for 1, 2 or 64 threads. Threads pull tasks from a shared
/// counter, which balances load on a machine shared with other processes.
public struct KernelThreads: Sendable, Equatable {
    /// Number of worker threads (1 runs everything on the calling thread).
    public let count: Int

    /// A fixed number of threads (clamped to at least 1).
    public init(count: Int) { self.count = max(1, count) }

    /// One thread per active processor (`ProcessInfo.activeProcessorCount`).
    public static var allCores: KernelThreads { KernelThreads(count: ProcessInfo.processInfo.activeProcessorCount) }

    /// Runs `body(task)` for every task in `0..<taskCount`, spread over the threads.
    /// - Complexity: one Dispatch fan-out per call; keep tasks ≳ 10 µs to amortise it.
    @inline(__always)
    public func run(_ taskCount: Int, _ body: (Int) -> Void) {
        if count == 1 || taskCount <= 1 {
            for task in 0..<taskCount { body(task) }
            return
        }
        let next = Atomic<Int>(0)
        withoutActuallyEscaping(body) { escapable in
            // Tasks write disjoint outputs (the callers' contract), so sharing the closure is safe.
            let work = UncheckedSendable(escapable)
            DispatchQueue.concurrentPerform(iterations: min(count, taskCount)) { _ in
                while true {
                    let task = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    if task >= taskCount { break }
                    work.value(task)
                }
            }
        }
    }
}

/// Carries a value across a `@Sendable` boundary when the caller guarantees data-race freedom.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
