/// Errors thrown by the event engine for arguments it cannot honour.
///
/// The engine never traps on bad input: scheduling into the past, a NaN delay, a server pool without
/// servers or an unstable queue all surface as one of these cases with a readable description.
public enum EventEngineError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An event time (s) that is not finite or lies before the current clock (s).
    case invalidTime(time: Double, now: Double)
    /// A scheduling delay (s) that is negative, NaN or infinite.
    case invalidDelay(Double)
    /// A start time (s) that is not finite.
    case invalidStartTime(Double)
    /// The 48-bit insertion counter of a calendar ran out (2⁴⁸ ≈ 2.8·10¹⁴ insertions).
    case sequenceExhausted
    /// A server pool needs at least one server.
    case invalidServerCount(Int)
    /// `release` was called on a server pool with no busy server.
    case releaseWithoutBusyServer
    /// A monitor or pool was given a time (s) earlier than its last update (s).
    case timeWentBackwards(time: Double, last: Double)
    /// Queueing formula arguments out of their domain (e.g. λ ≥ cμ, so no steady state exists).
    case invalidQueueParameters(String)

    public var description: String {
        switch self {
        case let .invalidTime(time, now):
            return "event time \(time) s is invalid: it must be finite and not before the current time \(now) s"
        case let .invalidDelay(delay):
            return "event delay \(delay) s is invalid: it must be finite and non-negative"
        case let .invalidStartTime(time):
            return "simulation start time \(time) s is invalid: it must be finite"
        case .sequenceExhausted:
            return "the event calendar ran out of insertion sequence numbers (2^48 events scheduled)"
        case let .invalidServerCount(count):
            return "a server pool needs at least one server, got \(count)"
        case .releaseWithoutBusyServer:
            return "release() called on a server pool with no busy server"
        case let .timeWentBackwards(time, last):
            return "time \(time) s is earlier than the last update at \(last) s"
        case let .invalidQueueParameters(message):
            return "invalid queue parameters: \(message)"
        }
    }
}
