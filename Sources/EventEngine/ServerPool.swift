import DequeModule

/// A pool of identical servers with one first-in-first-out waiting line (the "c" of an M/M/c queue).
///
/// A customer that finds a free server seizes it at once; otherwise it waits at the back of the line.
/// When a server is released, the customer at the head of the line (if any) takes it over. The pool
/// keeps time-weighted monitors of the number of busy servers and of the line length; it has no clock
/// of its own, so every call takes the current simulation time (s).
///
/// `Customer` is whatever the model needs back when service starts — often the arrival time (s),
/// to measure the wait.
public struct ServerPool<Customer> {
    /// Number of servers.
    public let serverCount: Int
    /// Servers currently busy.
    @usableFromInline
    var busy: Int
    /// The waiting line, head first.
    @usableFromInline
    var line: Deque<Customer>
    /// Time (s) of the last request or release; time may not go back before it.
    @usableFromInline
    var lastChangeTime: Double
    /// Time-weighted number of busy servers (storage of ``busyMonitor``).
    @usableFromInline
    var busyServers: TimeWeightedMonitor
    /// Time-weighted number of waiting customers (storage of ``queueMonitor``).
    @usableFromInline
    var waiting: TimeWeightedMonitor

    /// A pool of `servers` idle servers and an empty line, observed from `startTime` (s).
    /// - Throws: ``EventEngineError/invalidServerCount(_:)`` if `servers` < 1.
    public init(servers: Int, startTime: Double = 0) throws {
        guard servers >= 1 else { throw EventEngineError.invalidServerCount(servers) }
        serverCount = servers
        busy = 0
        lastChangeTime = startTime
        line = Deque()
        busyServers = TimeWeightedMonitor(startTime: startTime, value: 0)
        waiting = TimeWeightedMonitor(startTime: startTime, value: 0)
    }

    /// Time-weighted number of busy servers (servers).
    public var busyMonitor: TimeWeightedMonitor { busyServers }

    /// Time-weighted number of waiting customers (customers).
    public var queueMonitor: TimeWeightedMonitor { waiting }

    /// Number of busy servers.
    @inlinable
    public var busyCount: Int { busy }

    /// Number of customers waiting for a server.
    @inlinable
    public var queueLength: Int { line.count }

    /// The waiting customers, head of the line first.
    public var waitingCustomers: [Customer] { Array(line) }

    /// A customer arrives at `time` (s): it seizes a free server (returns `true`) or joins the back of
    /// the line (returns `false`).
    /// - Throws: ``EventEngineError/timeWentBackwards(time:last:)`` if `time` is before the last change.
    /// - Complexity: O(1) amortised.
    @inlinable
    public mutating func request(_ customer: Customer, at time: Double) throws -> Bool {
        try advance(to: time)
        if busy < serverCount {
            busy &+= 1
            try busyServers.record(Double(busy), at: time)
            return true
        }
        line.append(customer)
        try waiting.record(Double(line.count), at: time)
        return false
    }

    /// A server finishes at `time` (s). If customers wait, the head of the line takes the server over
    /// and is returned (its service starts now); otherwise the server goes idle and `nil` is returned.
    /// - Throws: ``EventEngineError/releaseWithoutBusyServer`` if no server is busy;
    ///   ``EventEngineError/timeWentBackwards(time:last:)`` if `time` is before the last change.
    /// - Complexity: O(1).
    @inlinable
    public mutating func release(at time: Double) throws -> Customer? {
        guard busy > 0 else { throw EventEngineError.releaseWithoutBusyServer }
        try advance(to: time)
        if let next = line.popFirst() {
            try waiting.record(Double(line.count), at: time)
            return next
        }
        busy &-= 1
        try busyServers.record(Double(busy), at: time)
        return nil
    }

    /// Moves the pool's notion of time to `time` (s), refusing to go back.
    @inlinable
    mutating func advance(to time: Double) throws {
        guard time >= lastChangeTime else {
            throw EventEngineError.timeWentBackwards(time: time, last: lastChangeTime)
        }
        lastChangeTime = time
    }

    /// Starts new observation windows of both monitors at `time` (s), e.g. at the end of a warm-up.
    /// - Throws: ``EventEngineError/timeWentBackwards(time:last:)`` if `time` is before the last change.
    public mutating func resetStatistics(at time: Double) throws {
        try advance(to: time)
        try busyServers.reset(at: time)
        try waiting.reset(at: time)
    }
}
