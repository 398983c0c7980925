/// A verified audit trail read back for `explain`: every line parsed, indexed by line number and ticket.
///
/// Reading refuses a trail whose hash chain is broken, with the verifier's own message (`AuditVerifier.checkChain`),
/// so `explain` trusts exactly what `replay` trusts.
public struct AuditTrailIndex: Sendable {
    /// Entries in line order: `entries[n - 1].line == n`.
    public let entries: [AuditEntry]
    /// Lines citing each line (the reverse of `caused_by`).
    public let citedBy: [Int: [Int]]
    /// The lines of each ticket (request, execution, effect).
    public let ticketLines: [Int: [Int]]

    /// Reads and verifies `text` (an `audit.jsonl`).
    /// - Throws: `AuditMismatch` naming the first line where the chain breaks, a line is unreadable, its `seq` is
    ///   not its position, or a `caused_by` cites a line that is not earlier.
    /// - Complexity: O(size of the trail).
    public init(text: String) throws {
        let lines = AuditVerifier.lines(of: text)
        guard !lines.isEmpty else { throw AuditMismatch(line: 1, message: "the audit trail is empty") }
        var entries: [AuditEntry] = []
        entries.reserveCapacity(lines.count)
        var citedBy: [Int: [Int]] = [:]
        var tickets: [Int: [Int]] = [:]
        var previous = AuditRecord.genesisHash
        for (i, text) in lines.enumerated() {
            // Each line is split once: the verifier's chain step, then the entry.
            let members = CanonicalJSON.topLevelMembers(of: text)
            if let declared = AuditVerifier.fastLink(text, previous: previous) {
                previous = declared
            } else if let broken = AuditVerifier.checkLink(members: members, line: i + 1, previous: &previous) {
                throw broken
            }
            guard let e = AuditEntry(members: members!) else {
                throw AuditMismatch(line: i + 1, message: "not an audit record (seq, time_s, action and target are required)")
            }
            guard e.line == i + 1 else { throw AuditMismatch(line: i + 1, field: "seq", message: "seq \(e.line) is not the line's position \(i + 1)") }
            for c in e.causes {
                guard c >= 1, c < e.line else {
                    throw AuditMismatch(line: i + 1, field: "caused_by", message: "cites line \(c), which is not an earlier line")
                }
                citedBy[c, default: []].append(e.line)
            }
            if let t = e.ticket { tickets[t, default: []].append(e.line) }
            entries.append(e)
        }
        self.entries = entries
        self.citedBy = citedBy
        self.ticketLines = tickets
    }

    /// Indexes a trail held in memory (a run's own, already chained: nothing to verify or parse).
    public init(trail: AuditTrail) {
        var citedBy: [Int: [Int]] = [:]
        var tickets: [Int: [Int]] = [:]
        entries = trail.records.map { r in
            for c in r.causes { citedBy[c, default: []].append(r.sequence) }
            if let t = r.ticket { tickets[t, default: []].append(r.sequence) }
            return AuditEntry(record: r)
        }
        self.citedBy = citedBy
        self.ticketLines = tickets
    }

    /// The entry of line `n` (from 1), nil outside the trail.
    public subscript(line n: Int) -> AuditEntry? { n >= 1 && n <= entries.count ? entries[n - 1] : nil }

    /// The trail format: 2 when the first line says so (causal links, incidents, effects), else 1.
    public var format: Int { entries.first?.details["trail_format"].flatMap(Int.init) ?? 1 }

    /// The incident lines (`TrailEntryKind.incident`), in order.
    public var incidentLines: [AuditEntry] { entries.filter { $0.action == TrailEntryKind.incident } }

    /// The line of incident `id` (`I3`), nil when there is none.
    public func incidentLine(id: String) -> AuditEntry? { incidentLines.first { $0.details["incident"] == id } }

    /// The line that ended incident line `n`, if it ended.
    public func clearing(ofIncidentLine n: Int) -> AuditEntry? {
        citedBy[n]?.lazy.compactMap { self[line: $0] }.first { $0.action == TrailEntryKind.incidentCleared }
    }

    /// The worst incident: the one `run_end` names, else by severity (critical first), then duration, then time —
    /// the order of `Incident.isWorse` in FacilitySim.
    public var worstIncident: AuditEntry? {
        if let id = entries.last?.details["worst_incident"], !id.isEmpty, let e = incidentLine(id: id) { return e }
        let end = entries.last?.timeSeconds ?? 0
        func key(_ e: AuditEntry) -> (Int, Double, Double) {
            let stop = clearing(ofIncidentLine: e.line)?.timeSeconds ?? end
            return (e.details["severity"] == "critical" ? 0 : 1, -(stop - e.timeSeconds), e.timeSeconds)
        }
        return incidentLines.min { key($0) < key($1) }
    }
}
