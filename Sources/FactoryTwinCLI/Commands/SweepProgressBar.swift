import Foundation
import Studies

/// Sweep progress on stderr: on a terminal a bar redrawn in place with the elapsed time and the ETA; otherwise
/// (logs, CI, cluster jobs) one plain line per finished point.
final class SweepProgressBar: @unchecked Sendable {
    private let label: String
    private let axes: [String]
    private let isTerminal = isatty(STDERR_FILENO) != 0
    private let start = DispatchTime.now().uptimeNanoseconds
    private let lock = NSLock()

    init(label: String, axes: [String]) {
        self.label = label
        self.axes = axes
    }

    /// Receives each progress report of `SweepRunner` (from worker threads).
    func update(_ progress: SweepRunner.Progress) {
        lock.lock(); defer { lock.unlock() }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let eta = progress.done > 0 ? elapsed / Double(progress.done) * Double(progress.total - progress.done) : nil
        let etaText = eta.map(SweepProgressBar.clock) ?? "--:--"
        guard let point = progress.point else {
            if progress.skipped > 0 {
                FileHandle.standardError.write(Data("\(label): \(progress.skipped) point(s) already done, \(progress.total) to run\n".utf8))
            }
            return
        }
        if isTerminal {
            let width = 30
            let filled = progress.total > 0 ? width * progress.done / progress.total : width
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            let end = progress.done == progress.total ? "\n" : ""
            FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(progress.done)/\(progress.total) points  elapsed \(SweepProgressBar.clock(elapsed))  ETA \(etaText)\(end)".utf8))
        } else {
            let values = zip(axes, progress.values).map { "\($0)=\($1)" }.joined(separator: ", ")
            FileHandle.standardError.write(Data("\(label): point \(point) done (\(values)) — \(progress.done)/\(progress.total), elapsed \(SweepProgressBar.clock(elapsed)), ETA \(etaText)\n".utf8))
        }
    }

    /// `m:ss` or `h:mm:ss`.
    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        let (h, m, r) = (s / 3600, (s % 3600) / 60, s % 60)
        let pad = { (x: Int) in x < 10 ? "0\(x)" : "\(x)" }
        return h > 0 ? "\(h):\(pad(m)):\(pad(r))" : "\(m):\(pad(r))"
    }
}
