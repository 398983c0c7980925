import Foundation
import XCTest

/// A child process started by a test (`factory-twin serve`, `prometheus`), its stderr collected, stopped on teardown.
final class ServeProcess: @unchecked Sendable {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let process = Process()
    private let lock = NSLock()
    private var stderrBytes = Data()

    /// The `factory-twin` executable beside the test bundle (`swift build --build-tests` builds both); a missing binary
    /// fails the test.
    static func factoryTwin() throws -> URL {
        let candidates = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
                          Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
                          packageRoot.appendingPathComponent(".build/debug")]
            .map { $0.appendingPathComponent("factory-twin") }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw Missing(what: "factory-twin is not built beside the tests (run `swift build --build-tests`); looked in \(candidates.map(\.path))")
        }
        return found
    }

    /// `prometheus` on PATH or in /usr/bin; missing, the test fails and says how to install it.
    static func prometheus() throws -> URL {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"]
        guard let found = path.map({ URL(fileURLWithPath: $0).appendingPathComponent("prometheus") })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw Missing(what: "prometheus is not installed: `make test` installs it (apt-get install prometheus); looked in \(path)")
        }
        return found
    }

    struct Missing: Error, CustomStringConvertible {
        var what: String
        var description: String { what }
    }

    /// Starts `executable arguments…` with stdout discarded and stderr collected.
    init(_ executable: URL, _ arguments: [String]) throws {
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        let pipe = Pipe()
        process.standardError = pipe
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.lock(); self.stderrBytes.append(data); self.lock.unlock()
        }
        try process.run()
    }

    /// Everything the process wrote on stderr so far.
    var stderr: String { lock.lock(); defer { lock.unlock() }; return String(decoding: stderrBytes, as: UTF8.self) }

    /// Waits until `condition` holds or `seconds` pass (polling every 0.1 s); false on timeout or process exit.
    func wait(seconds: Double, until condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            if !process.isRunning { return condition() }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }

    /// Sends `signal` and waits up to 10 s for the exit; returns the exit status (SIGKILL after the wait, status then -1).
    @discardableResult
    func stop(signal number: Int32 = SIGTERM) -> Int32 {
        guard process.isRunning else { return process.terminationStatus }
        kill(process.processIdentifier, number)
        if !wait(seconds: 10, until: { !process.isRunning }) {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return -1
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// The port of serve's "serving … at http://127.0.0.1:PORT/metrics" line, once printed.
    var servePort: UInt16? {
        guard let range = stderr.range(of: #"http://127\.0\.0\.1:[0-9]+/metrics"#, options: .regularExpression) else { return nil }
        let text = stderr[range].dropFirst("http://127.0.0.1:".count).dropLast("/metrics".count)
        return UInt16(text)
    }
}
