import Dispatch
import Foundation
import Reporting

/// Simulated time of `serve`: speed × wall time since `start()`, held at the horizon (thread-safe).
final class ServeClock: @unchecked Sendable {
    let speed: Double
    let horizonSeconds: Double
    private let lock = NSLock()
    private var startNanoseconds: UInt64?

    init(speed: Double, horizonSeconds: Double) {
        self.speed = speed
        self.horizonSeconds = horizonSeconds
    }

    func start() {
        lock.lock(); defer { lock.unlock() }
        startNanoseconds = DispatchTime.now().uptimeNanoseconds
    }

    /// Simulated seconds now: 0 before `start()`, then speed × elapsed wall seconds, at most the horizon.
    var simulatedSeconds: Double {
        lock.lock(); let start = startNanoseconds; lock.unlock()
        guard let start else { return 0 }
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return min(speed * wall, horizonSeconds)
    }
}

/// `serve`'s progress on stderr: redrawn in place each second on a terminal, a line every 10 s otherwise.
final class ServeProgress {
    private let label: String
    private let enabled: Bool
    private let terminal = isatty(STDERR_FILENO) != 0
    private var ticks = 0

    init(label: String, enabled: Bool) {
        self.label = label
        self.enabled = enabled
    }

    func update(simulatedSeconds t: Double, horizonSeconds: Double, requests: Int) {
        guard enabled else { return }
        ticks += 1
        guard terminal || ticks % 10 == 0 else { return }
        let text = String(format: "%@: simulated %.2f h of %.2f h (%.0f %%), %d requests served", label, t / 3600, horizonSeconds / 3600,
                          horizonSeconds > 0 ? 100 * t / horizonSeconds : 100, requests)
        FileHandle.standardError.write(Data((terminal ? "\r\(text)" : "\(text)\n").utf8))
    }

    func finish() {
        if enabled, terminal, ticks > 0 { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}

/// A flag set once, read from the signal handler's queue.
final class ServeFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.lock(); value = true; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
}

/// What serve exposes, published once the run is computed (read by the connection threads).
final class ServeState: @unchecked Sendable {
    private let lock = NSLock()
    private var exposition: LiveExposition?
    private(set) var clock: ServeClock?

    func publish(_ exposition: LiveExposition, clock: ServeClock) {
        lock.lock(); defer { lock.unlock() }
        self.exposition = exposition
        self.clock = clock
    }

    /// The exposition and its clock, nil while the run is being computed.
    var current: (LiveExposition, ServeClock)? {
        lock.lock(); defer { lock.unlock() }
        guard let exposition, let clock else { return nil }
        return (exposition, clock)
    }
}
