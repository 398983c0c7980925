/// One line of the audit trail: a governed action (or the run's first or last line) and why it was allowed.
///
/// Its canonical JSON (`CanonicalJSON`) has the keys `action`, `authority`, `details`, `hash`, `observations`,
/// `outcome`, `prev_hash`, `reason`, `risk_class`, `seq`, `target`, `ticket`, `time_s` (and `approval_due_s`,
/// `deadline_s`, `caused_by` when they apply). `caused_by` (trail format 2, issue 17) lists the line numbers of the
/// earlier lines whose observations, forecasts or events led to this one; a trail without it (format 1) records
/// no causal links. `hash` is the SHA-256 of the line's canonical JSON without its `hash`
/// member — which includes `prev_hash`, the hash of the line before (64 zeros for the first line) — so
/// changing, removing or reordering a line breaks the chain from there on.
public struct AuditRecord: Sendable, Equatable {
    /// The hash that precedes the first line: 64 zeros.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// Line number in the trail, from 1.
    public var sequence: Int = 0
    /// Simulated time of the entry, s.
    public var timeSeconds: Double
    /// `ControlAction` raw value, or `run_start` / `run_end`.
    public var action: String
    /// What the action acts on (a cohort name such as `liquid_immersion`, a unit, the scenario).
    public var target: String
    /// Risk class of the action (nil for the run's first and last lines).
    public var riskClass: RiskClass?
    /// Authority the policy gives that class (nil for the first and last lines).
    public var authority: Authority?
    /// The observations that drove the action, in SI units named in the key (`junction_c`, `threshold_c` …).
    public var observations: [String: Double]
    /// Why the action was taken and why the policy allowed it.
    public var reason: String
    public var outcome: AuditOutcome
    /// Identifies a governed action across its request and execution lines (nil for the first and last lines).
    public var ticket: Int?
    /// When an approval is due, s (awaiting-approval lines).
    public var approvalDueSeconds: Double?
    /// The latest time the action was needed by, s (emergency actions).
    public var deadlineSeconds: Double?
    /// Facts that are text: the scenario, seed, policy, final state hash.
    public var details: [String: String]
    /// Line numbers (`sequence`) of the earlier lines that led to this one, ascending (key `caused_by`; omitted
    /// when empty).
    public var causes: [Int] = []
    /// Hash of the previous line (64 hex digits).
    public var previousHash: String = AuditRecord.genesisHash
    /// Hash of this line (set by `AuditTrail.append`).
    public var hash: String = ""

    public init(timeSeconds: Double, action: String, target: String, riskClass: RiskClass? = nil, authority: Authority? = nil,
                observations: [String: Double] = [:], reason: String, outcome: AuditOutcome, ticket: Int? = nil,
                approvalDueSeconds: Double? = nil, deadlineSeconds: Double? = nil, details: [String: String] = [:],
                causes: [Int] = []) {
        self.timeSeconds = timeSeconds
        self.action = action
        self.target = target
        self.riskClass = riskClass
        self.authority = authority
        self.observations = observations
        self.reason = reason
        self.outcome = outcome
        self.ticket = ticket
        self.approvalDueSeconds = approvalDueSeconds
        self.deadlineSeconds = deadlineSeconds
        self.details = details
        self.causes = causes
    }

    /// The canonical JSON object of this line, with or without its `hash` member.
    public func json(includingHash: Bool) -> CanonicalJSON {
        var m: [String: CanonicalJSON] = [
            "seq": .integer(Int64(sequence)),
            "time_s": .number(timeSeconds),
            "action": .string(action),
            "target": .string(target),
            "risk_class": riskClass.map { .string($0.rawValue) } ?? .null,
            "authority": authority.map { .string($0.rawValue) } ?? .null,
            "observations": .object(observations.mapValues { .number($0) }),
            "reason": .string(reason),
            "outcome": .string(outcome.rawValue),
            "ticket": ticket.map { .integer(Int64($0)) } ?? .null,
            "details": .object(details.mapValues { .string($0) }),
            "prev_hash": .string(previousHash),
        ]
        if let approvalDueSeconds { m["approval_due_s"] = .number(approvalDueSeconds) }
        if let deadlineSeconds { m["deadline_s"] = .number(deadlineSeconds) }
        if !causes.isEmpty { m["caused_by"] = .array(causes.map { .integer(Int64($0)) }) }
        if includingHash { m["hash"] = .string(hash) }
        return .object(m)
    }

    /// The line as written in `audit.jsonl` (without the newline).
    public var line: String { json(includingHash: true).text }

    /// SHA-256 of the canonical JSON without the `hash` member, hex.
    public var computedHash: String { SHA256.hex(json(includingHash: false).text) }
}
