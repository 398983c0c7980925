/// The answer of `factory-twin explain`: a subject line (an incident or any event) and the causal chain back to its
/// root causes, every link citing its trail line; for a governed action, its five answers.
public struct CausalExplanation: Sendable, Equatable, Codable {
    /// One line of the trail as a link of the chain.
    public struct Link: Sendable, Equatable, Codable {
        public var line: Int
        public var timeSeconds: Double
        public var action: String
        public var target: String
        public var outcome: String
        /// The line's reason (what it says happened and why).
        public var reason: String
        /// Steps back from the subject (0 for the subject itself).
        public var depth: Int
        /// The lines it cites (`caused_by`).
        public var causes: [Int]
        /// Where a scripted event comes from (`reliability.scripted_failures[k]`), when it says.
        public var source: String?

        init(_ e: AuditEntry, depth: Int) {
            line = e.line
            timeSeconds = e.timeSeconds
            action = e.action
            target = e.target
            outcome = e.outcome
            reason = e.reason
            self.depth = depth
            causes = e.causes
            source = e.details["source"]
        }
    }

    /// The five answers of one governed action (issue 17).
    public struct FiveAnswers: Sendable, Equatable, Codable {
        /// What action occurred, on what.
        public var action: String
        /// Why it was allowed: the rule, the risk class and authority tier, and who approved (or why it waited).
        public var allowedBecause: String
        /// The lines holding the observations and forecasts that triggered it.
        public var triggeredBy: [Int]
        /// Whether it succeeded, and its measured effect (the `effect` line), when there is one.
        public var outcome: String
        public var effectLine: Int?
        /// How to replay it.
        public var replay: String
    }

    /// The incident id, kind and severity when the subject is an incident.
    public var incident: String?
    public var kind: String?
    public var severity: String?
    /// The subject and every link behind it, depth first (each line once).
    public var chain: [Link]
    /// The links without causes: the events the chain starts from (latest first), then the conditions.
    public var rootCauses: [Link]
    /// Lines that cite the subject directly (its effect, its end).
    public var consequences: [Link]
    /// The five answers when the subject is a governed action.
    public var answers: FiveAnswers?
    /// Trail format (1: no causal links recorded).
    public var trailFormat: Int

    /// Explains line `line` of `trail`.
    /// - Complexity: O(lines in the chain + their citations).
    public init?(trail: AuditTrailIndex, line: Int) {
        guard let subject = trail[line: line] else { return nil }
        trailFormat = trail.format
        if subject.action == TrailEntryKind.incident {
            incident = subject.details["incident"]
            kind = subject.details["kind"]
            severity = subject.details["severity"]
        }
        var chain: [Link] = []
        var seen: Set<Int> = []
        var stack: [(Int, Int)] = [(line, 0)]
        while let (n, depth) = stack.popLast() {
            guard seen.insert(n).inserted, let e = trail[line: n] else { continue }
            chain.append(Link(e, depth: depth))
            for c in e.causes.reversed() { stack.append((c, depth + 1)) }
        }
        self.chain = chain
        // Events before background conditions; the latest event first (the trigger, then what was already wrong).
        rootCauses = chain.filter { $0.causes.isEmpty && $0.line != line }
            .sorted { ($0.action == TrailEntryKind.conditions ? 1 : 0, -$0.line) < ($1.action == TrailEntryKind.conditions ? 1 : 0, -$1.line) }
        consequences = (trail.citedBy[line] ?? []).compactMap { trail[line: $0] }.map { Link($0, depth: -1) }
        answers = subject.isAction ? CausalExplanation.answers(subject, trail: trail) : nil
    }

    /// The five answers of action line `e`.
    static func answers(_ e: AuditEntry, trail: AuditTrailIndex) -> FiveAnswers {
        var why = "\(e.riskClass ?? "?") action, authority \(e.authority ?? "?")"
        if let by = e.details["allowed_by"] { why += "; \(by)" }
        if let by = e.details["approved_by"] { why += "; approved by \(by)" }
        why += "; \(e.reason)"
        let effect = e.ticket.flatMap { trail.ticketLines[$0] }?.compactMap { trail[line: $0] }
            .first { $0.action == TrailEntryKind.effect && $0.causes.contains(e.line) }
        var outcome = e.outcome
        if let effect { outcome += "; \(effect.reason)" }
        else if e.outcome == AuditOutcome.awaitingApproval.rawValue,
                let done = e.ticket.flatMap({ trail.ticketLines[$0] })?.compactMap({ trail[line: $0] }).first(where: { $0.line > e.line && $0.isAction }) {
            outcome += "; executed at line \(done.line) (t = \(done.timeSeconds) s)"
        }
        return FiveAnswers(action: "\(e.action) on \(e.target) at t = \(e.timeSeconds) s", allowedBecause: why, triggeredBy: e.causes,
                           outcome: outcome, effectLine: effect?.line, replay: e.details["replay"] ?? "line \(e.line) of the trail (format 1: no replay reference)")
    }
}
