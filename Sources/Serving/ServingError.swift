/// Errors of the serving model: bad user input (trace files, configurations) and misuse of the
/// scheduler state machine. Each description is a complete message for the user.
public enum ServingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A configuration value is out of range; `field` names it.
    case invalidConfiguration(field: String, reason: String)
    /// A trace file could not be read.
    case cannotRead(path: String, reason: String)
    /// A line of a trace file is malformed: `path:line: message`.
    case invalidTrace(path: String, line: Int, reason: String)
    /// A request can never be served: its KV cache alone exceeds the server's KV memory.
    case requestTooLarge(requestID: Int, kvBytes: Double, capacityBytes: Double)
    /// The scheduler was driven out of order (e.g. `complete()` with no iteration in flight).
    case schedulerMisuse(String)
    /// A load balancer was asked to route with no servers.
    case noServers

    public var description: String {
        switch self {
        case let .invalidConfiguration(field, reason):
            return "\(field): \(reason)"
        case let .cannotRead(path, reason):
            return "\(path): error: cannot read: \(reason)"
        case let .invalidTrace(path, line, reason):
            return "\(path):\(line): error: \(reason)"
        case let .requestTooLarge(id, kv, capacity):
            return "request \(id) needs \(kv) B of KV cache, more than the server's \(capacity) B"
        case let .schedulerMisuse(message):
            return "scheduler misuse: \(message)"
        case .noServers:
            return "load balancer: no servers to route to"
        }
    }
}
