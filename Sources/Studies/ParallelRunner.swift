import Dispatch
import Foundation

/// Runs independent jobs on a fixed number of threads and returns their results in job order.
///
/// Each worker takes the next job index from a shared counter, so uneven jobs balance across threads;
/// results are stored by index, so the output does not depend on which thread ran which job or when.
/// A job's failure stops further jobs from starting; the first failure (by job index) is rethrown.
public struct ParallelRunner: Sendable {
    /// Worker threads (at least 1).
    public let threads: Int

    /// A runner on `threads` threads (clamped to at least 1).
    public init(threads: Int) {
        self.threads = max(1, threads)
    }

    /// The number of cores this process may use.
    public static var availableCores: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// Runs `job(i)` for i in 0..<count and returns the results in index order.
    /// `completed(i, result)` is called (serialised, in completion order) as each job finishes.
    /// - Throws: the error of the lowest-indexed failed job.
    /// - Complexity: `count` jobs on `min(threads, count)` threads.
    public func map<T: Sendable>(count: Int, _ job: @Sendable @escaping (Int) throws -> T,
                                 completed: (@Sendable (Int, T) -> Void)? = nil) throws -> [T] {
        guard count > 0 else { return [] }
        let state = SharedState<T>(count: count)
        let workers = min(threads, count)
        let work: @Sendable (Int) -> Void = { _ in
            while let index = state.nextIndex() {
                do {
                    let value = try job(index)
                    state.store(value, at: index, completed: completed)
                } catch {
                    state.fail(error, at: index)
                }
            }
        }
        if workers == 1 {
            work(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: workers, execute: work)
        }
        return try state.results()
    }

    /// The counter, the result slots and the first error, under one lock.
    private final class SharedState<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private var slots: [T?]
        private var failure: (index: Int, error: any Error)?

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func nextIndex() -> Int? {
            lock.lock(); defer { lock.unlock() }
            guard failure == nil, next < slots.count else { return nil }
            next += 1
            return next - 1
        }

        func store(_ value: T, at index: Int, completed: (@Sendable (Int, T) -> Void)?) {
            lock.lock(); defer { lock.unlock() }
            slots[index] = value
            completed?(index, value)
        }

        func fail(_ error: any Error, at index: Int) {
            lock.lock(); defer { lock.unlock() }
            if let failure, failure.index < index { return }
            failure = (index, error)
        }

        func results() throws -> [T] {
            lock.lock(); defer { lock.unlock() }
            if let failure { throw failure.error }
            return slots.compactMap { $0 }   // every index was stored: no failure was recorded
        }
    }
}
