/// The time-weighted average of a piecewise-constant signal, e.g. queue length or power in W.
///
/// The signal holds `value` from each update time until the next; ∫ value dt accumulates exactly.
/// Times are in seconds (or any one unit), values in the signal's unit.
public struct TimeWeightedAverage: Sendable, Hashable, Codable {
    /// Time the observation started (s).
    public private(set) var startTime: Double
    /// Time of the last update (s).
    public private(set) var lastTime: Double
    /// Value held since the last update.
    public private(set) var value: Double
    /// ∫ value dt from `startTime` to the last update (signal unit · s).
    public private(set) var integral: Double = 0
    /// Smallest value held so far.
    public private(set) var minimum: Double
    /// Largest value held so far.
    public private(set) var maximum: Double

    /// Starts observing at `startTime` with the signal at `value`.
    public init(startTime: Double, value: Double) {
        self.startTime = startTime
        self.lastTime = startTime
        self.value = value
        self.minimum = value
        self.maximum = value
    }

    /// The signal changes to `value` at `time` (≥ the last update time; an earlier time is a caller bug,
    /// asserted in debug builds and treated as the last update time in release builds).
    /// - Complexity: O(1).
    public mutating func update(time: Double, value newValue: Double) {
        assert(time >= lastTime, "TimeWeightedAverage: time went backwards (\(time) < \(lastTime))")
        let now = Swift.max(time, lastTime)
        integral += value * (now - lastTime)
        lastTime = now
        value = newValue
        if newValue < minimum { minimum = newValue }
        if newValue > maximum { maximum = newValue }
    }

    /// ∫ value dt from `startTime` to `time` (the current value extends past the last update).
    public func integral(until time: Double) -> Double {
        integral + value * Swift.max(time - lastTime, 0)
    }

    /// The average (1/(T − t₀)) ∫ value dt over [startTime, time]; the current value when T = t₀.
    public func average(until time: Double) -> Double {
        let duration = time - startTime
        guard duration > 0 else { return value }
        return integral(until: time) / duration
    }
}
