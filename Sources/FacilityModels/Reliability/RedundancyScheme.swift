/// How many spare units a redundancy group carries beyond the N it needs: `n`, `n+1`, `n+2`, `n+k`, `2n`.
///
/// The strings are those of scenario files (`cooling_system.redundancy: n+1`), read case-insensitively
/// with spaces ignored (`N + 1`, `2N`). Uptime-style notation: N is the number of units the load needs.
public enum RedundancyScheme: Sendable, Hashable, Codable, CustomStringConvertible {
    /// No spare: every needed unit must run.
    case n
    /// `spares` (≥ 1) spare units beyond N.
    case nPlus(spares: Int)
    /// A full second set: N spares for N needed units.
    case twoN

    /// `n+1`.
    public static let nPlusOne = RedundancyScheme.nPlus(spares: 1)
    /// `n+2`.
    public static let nPlusTwo = RedundancyScheme.nPlus(spares: 2)

    /// Parses `n`, `n+<k>` (k a positive integer; `n+0` reads as `n`) or `2n`, case-insensitive,
    /// whitespace ignored.
    /// - Throws: ``ReliabilityError/invalidRedundancy(_:)`` for anything else.
    public init(parsing text: String) throws {
        let key = String(text.lowercased().filter { !$0.isWhitespace })
        switch key {
        case "n":
            self = .n
        case "2n":
            self = .twoN
        default:
            guard key.hasPrefix("n+"), let spares = Int(key.dropFirst(2)), spares >= 0, spares <= Self.maximumSpares
            else { throw ReliabilityError.invalidRedundancy(text) }
            self = spares == 0 ? .n : .nPlus(spares: spares)
        }
    }

    /// Largest `k` accepted in `n+k` (a sanity bound on user input).
    public static let maximumSpares = 1_000

    /// Number of spare units for `needed` units: 0 for `n`, k for `n+k`, `needed` for `2n`.
    public func spares(needed: Int) -> Int {
        switch self {
        case .n: return 0
        case let .nPlus(spares): return spares
        case .twoN: return needed
        }
    }

    /// The canonical lower-case spelling (`n`, `n+1`, `2n`).
    public var description: String {
        switch self {
        case .n: return "n"
        case let .nPlus(spares): return "n+\(spares)"
        case .twoN: return "2n"
        }
    }
}
