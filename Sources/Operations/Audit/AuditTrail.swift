/// The hash-chained audit trail of one run: one canonical JSON line per governed action, between a
/// `run_start` line (scenario, seed, replication, policy) and a `run_end` line (final state hash).
///
/// Written as `DIR/audit.jsonl` (each line followed by a newline). `factory-twin replay` re-runs the scenario
/// and compares the lines (`AuditVerifier`).
public struct AuditTrail: Sendable, Equatable {
    /// The records, in order; `records[i].sequence == i + 1`.
    public private(set) var records: [AuditRecord] = []
    /// The lines of `audit.jsonl`, without newlines (`records[i].line`, kept as written).
    public private(set) var lines: [String] = []

    public init() {}

    /// Hash of the last line (the genesis hash when empty).
    public var lastHash: String { records.last?.hash ?? AuditRecord.genesisHash }

    /// Whether the trail has no line.
    public var isEmpty: Bool { records.isEmpty }

    /// The final state hash recorded on the `run_end` line, if any.
    public var finalStateHash: String? {
        guard let last = records.last, last.action == AuditTrail.runEnd else { return nil }
        return last.details["state_hash"]
    }

    /// Action name of the first line.
    public static let runStart = "run_start"
    /// Action name of the last line.
    public static let runEnd = "run_end"

    /// Appends `record`, setting its sequence number, the previous line's hash and its own hash.
    /// - Complexity: O(length of the line) for the hash.
    public mutating func append(_ record: AuditRecord) {
        var r = record
        r.sequence = records.count + 1
        r.previousHash = lastHash
        r.hash = r.computedHash
        records.append(r)
        lines.append(r.line)
    }

    /// The text of `audit.jsonl`: every line followed by a newline.
    public var text: String {
        var out = ""
        out.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 1 })
        for line in lines { out += line; out += "\n" }
        return out
    }
}
