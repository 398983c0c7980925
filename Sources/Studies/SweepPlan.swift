import Foundation
import Scenario

/// The points of a sweep: the Cartesian product of its axes, in a fixed order (the first axis varies slowest),
/// each point a list of overrides of the base scenario. Every point runs replications 0..<N with the scenario's
/// seed — common random numbers, so differences between points are not noise between their random streams.
public struct SweepPlan: Sendable, Equatable {
    /// The swept fields in column order.
    public var axes: [SweepAxis]
    /// Replications per point.
    public var replications: Int
    /// Identifies the study (scenario text, axes, replications): result files of another study are refused.
    public var fingerprint: String

    /// Largest number of points accepted (a guard against a typo multiplying axes).
    public static let maximumPoints = 1_000_000

    /// A plan over `axes` with `replications` per point; `scenarioText` is the scenario file's bytes (for the fingerprint).
    /// - Throws: `StudyError` for no axis, fewer than one replication, or too many points.
    public init(axes: [SweepAxis], replications: Int, scenarioText: Data) throws {
        guard !axes.isEmpty else { throw StudyError.noAxes }
        guard replications >= 1 else { throw StudyError.invalidCount("replications", replications) }
        var count = 1
        for axis in axes {
            let (product, overflow) = count.multipliedReportingOverflow(by: axis.values.count)
            guard !overflow, product <= SweepPlan.maximumPoints else {
                throw StudyError.invalidAxis("the sweep has more than \(SweepPlan.maximumPoints) points")
            }
            count = product
        }
        self.axes = axes
        self.replications = replications
        var text = scenarioText
        text.append(contentsOf: Array("\u{0}replications=\(replications)".utf8))
        for axis in axes { text.append(contentsOf: Array("\u{0}\(axis.path)=\(axis.values.joined(separator: "\u{1}"))".utf8)) }
        self.fingerprint = SweepPlan.fnv1a64(text)
    }

    /// Number of points.
    public var pointCount: Int { axes.reduce(1) { $0 * $1.values.count } }

    /// The values of point `index` (0-based), one per axis; the last axis varies fastest.
    public func values(ofPoint index: Int) -> [String] {
        var remainder = index
        var out = [String](repeating: "", count: axes.count)
        for a in axes.indices.reversed() {
            let n = axes[a].values.count
            out[a] = axes[a].values[remainder % n]
            remainder /= n
        }
        return out
    }

    /// The overrides that turn the base scenario into point `index`.
    public func overrides(ofPoint index: Int) -> [ScenarioOverride] {
        zip(axes, values(ofPoint: index)).map { ScenarioOverride(path: $0.path, value: $1) }
    }

    /// FNV-1a, 64 bits, as 16 hex digits (a stable identifier, not a security hash).
    static func fnv1a64(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
