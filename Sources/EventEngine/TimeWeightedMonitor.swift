/// The time-weighted statistics of a piecewise-constant signal, such as a queue length or the number
/// of busy servers: time average, integral, extremes.
///
/// The signal holds each recorded value until the next record; the time average over
/// [startTime, t] is ∫ value dt / (t − startTime). Local to EventEngine so the engine depends on
/// nothing of ours (SimMath has its own `TimeWeightedAverage` for model code).
public struct TimeWeightedMonitor: Sendable, Hashable {
    /// Start of the observation window (s).
    @usableFromInline var start: Double
    /// Time of the last change (s).
    @usableFromInline var last: Double
    /// The value held since `last` (signal unit).
    @usableFromInline var current: Double
    /// ∫ value dt over [start, last] (signal unit × s).
    @usableFromInline var area: Double
    /// Smallest value held during the window.
    @usableFromInline var low: Double
    /// Largest value held during the window.
    @usableFromInline var high: Double

    /// Starts observing at `startTime` (s) with the signal at `value`.
    public init(startTime: Double = 0, value: Double = 0) {
        start = startTime
        last = startTime
        current = value
        area = 0
        low = value
        high = value
    }

    /// Start of the observation window (s).
    public var startTime: Double { start }
    /// Time of the last change (s).
    public var lastTime: Double { last }
    /// The value held since ``lastTime`` (in the signal's unit, e.g. customers).
    public var value: Double { current }
    /// ∫ value dt over [startTime, lastTime] (signal unit × s).
    public var integral: Double { area }
    /// Smallest value held during the window.
    public var minimum: Double { low }
    /// Largest value held during the window.
    public var maximum: Double { high }

    /// Records that the signal changes to `newValue` at `time` (s).
    /// - Throws: ``EventEngineError/timeWentBackwards(time:last:)`` if `time` is before the last change.
    /// - Complexity: O(1).
    @inlinable
    public mutating func record(_ newValue: Double, at time: Double) throws {
        guard time >= last else { throw EventEngineError.timeWentBackwards(time: time, last: last) }
        area += current * (time - last)
        last = time
        current = newValue
        if newValue < low { low = newValue }
        if newValue > high { high = newValue }
    }

    /// ∫ value dt over [startTime, time] (signal unit × s), for `time` ≥ ``lastTime``.
    public func integral(until time: Double) -> Double {
        area + current * Swift.max(0, time - last)
    }

    /// The time average over [startTime, time] (signal unit), for `time` ≥ ``lastTime``;
    /// the current value if the window is empty.
    public func average(until time: Double) -> Double {
        let duration = time - start
        guard duration > 0 else { return current }
        return integral(until: time) / duration
    }

    /// Starts a new observation window at `time` (s), keeping the current value (e.g. after a warm-up).
    /// - Throws: ``EventEngineError/timeWentBackwards(time:last:)`` if `time` is before the last change.
    public mutating func reset(at time: Double) throws {
        guard time >= last else { throw EventEngineError.timeWentBackwards(time: time, last: last) }
        start = time
        last = time
        area = 0
        low = current
        high = current
    }
}
