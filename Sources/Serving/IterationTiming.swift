/// Anything that gives the duration of a server iteration: the roofline model, or a fixed time.
public protocol IterationTiming: Sendable {
    /// Wall time of `batch` on one model replica, s.
    func seconds(for batch: IterationBatch) -> Double
}

/// Every non-empty iteration takes the same time (a deterministic server, e.g. for queueing checks).
public struct FixedIterationTime: IterationTiming {
    /// Time of every iteration, s.
    public var secondsPerIteration: Double

    /// Creates a fixed timing.
    /// - Throws: `ServingError.invalidConfiguration` unless the time is positive and finite.
    public init(secondsPerIteration: Double) throws {
        guard secondsPerIteration > 0, secondsPerIteration.isFinite else {
            throw ServingError.invalidConfiguration(field: "iteration_seconds",
                                                    reason: "\(secondsPerIteration) must be positive")
        }
        self.secondsPerIteration = secondsPerIteration
    }

    public func seconds(for batch: IterationBatch) -> Double { batch.entries.isEmpty ? 0 : secondsPerIteration }
}
