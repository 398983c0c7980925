import Foundation
import SimMath

/// The result of one sweep point, written as `DIR/points/point-NNNNNN.json` (atomically: temp file + rename).
///
/// A point file is self-contained — it names its study, the axes and the point's values — so `merge` needs
/// nothing but the files, and a resumed shard recognises finished points by their file alone.
public struct PointResult: Codable, Sendable, Equatable {
    /// The study this point belongs to (`SweepPlan.fingerprint`).
    public var study: String
    /// Scenario name and seed (every point shares the seed: common random numbers).
    public var scenario: String
    public var seed: UInt64
    /// Point index, 0..<pointCount, and the sweep's size.
    public var index: Int
    public var pointCount: Int
    /// The sweep's axes (identical in every point file of a study).
    public var axes: [SweepAxis]
    /// This point's value on each axis.
    public var values: [String]
    /// Replications run at this point.
    public var replications: Int
    /// Every numeric summary field (dotted snake_case keys) with its mean and 95 % interval over replications.
    public var metrics: [String: ConfidenceInterval]

    enum CodingKeys: String, CodingKey {
        case study, scenario, seed, index, axes, values, replications, metrics
        case pointCount = "point_count"
    }

    /// File name of point `index`: `point-` and six or more digits, so names sort in point order.
    public static func fileName(_ index: Int) -> String {
        let digits = String(index)
        return "point-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits + ".json"
    }

    /// The file's bytes (sorted keys, so equal results give equal bytes).
    public func encoded() throws -> Data {
        var data = try ResultJSON.encoder().encode(self)
        data.append(0x0A)
        return data
    }

    /// Reads a point file.
    /// - Throws: `StudyError.badResultFile` when it cannot be read or decoded.
    public static func read(_ url: URL) throws -> PointResult {
        do {
            return try ResultJSON.decoder().decode(PointResult.self, from: Data(contentsOf: url))
        } catch {
            throw StudyError.badResultFile(url.path, "not a sweep point result (\(error))")
        }
    }
}
