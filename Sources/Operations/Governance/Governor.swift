import Foundation
import SimMath

/// Applies the bounded-autonomy policy to every control action of a run and keeps the audit trail.
///
/// The simulation calls `submit` for each action it wants to take. The governor classifies it
/// (`ControlAction.riskClass`), looks up the authority of the class in the policy, and answers:
/// - autonomous → execute now (line outcome `executed`);
/// - notify_human → execute now, a human is notified (`executed_human_notified`; counted in `notifications`);
/// - require_approval → an approval delay is drawn from the policy's distribution (stream
///   `governance.approval_delay`, keyed by seed and replication); the line says `awaiting_approval` with
///   `approval_due_s`, the simulation schedules the action at that time and calls `executeApproved`, which
///   writes an `executed_after_approval` line with the same ticket.
///
/// **Boundary violations** (`ai_autonomy_boundary_violations`): an action counts as attempted beyond its
/// authority when it is needed before its authority can be obtained — a request with a deadline whose class
/// requires approval, and whose drawn approval would arrive after that deadline (an emergency that cannot
/// wait for a human). Autonomous and notify actions never violate: they have the authority to act at once.
/// What follows the attempt is the policy's `emergency_override`: `deny` (default) keeps the bounds — the
/// action waits for its approval and takes effect late; `allow` executes it at once, outcome
/// `executed_beyond_authority`. Either way the attempt counts, since it is the situation the policy did not
/// cover that the figure measures.
///
/// The governor belongs to one run on one thread (it owns a random stream, so it is not `Sendable`).
public struct Governor {
    public let policy: GovernancePolicy
    public let verification: VerificationRequirements
    /// The trail so far (empty when `verification.auditTrail` is disabled).
    public private(set) var trail = AuditTrail()
    /// Requests that were attempted beyond their authority (see the type's documentation).
    public private(set) var boundaryViolations = 0
    /// Notify-human actions executed.
    public private(set) var notifications = 0
    /// Approval requests made.
    public private(set) var approvalRequests = 0
    /// Tickets awaiting approval, with their requests.
    public private(set) var pending: [Int: ActionRequest] = [:]
    private var nextTicket = 1
    private let approvalStream: RandomStream
    /// Seed and replication of the run (the replay reference of every action line).
    private let seed: UInt64
    private let replication: Int
    /// Line number of each ticket's request line.
    public private(set) var requestLines: [Int: Int] = [:]
    /// Events the simulation had executed when the current one began (set by the simulation; the replay reference
    /// of the lines written at that event).
    public var eventNumber = 0

    /// - Parameters:
    ///   - scenario, seed, replication, horizonSeconds: identify the run on the trail's first line (replay reads
    ///     the seed and replication from it).
    ///   - overrides: the `--set PATH=VALUE` overrides the scenario was loaded with; when any, the first line records
    ///     them as one JSON array text under `details.overrides` (replay reapplies them).
    /// - Throws: `GovernanceError.invalidPolicy` when the approval-delay distribution is invalid.
    public init(policy: GovernancePolicy, verification: VerificationRequirements = .init(), scenario: String,
                seed: UInt64, replication: Int, horizonSeconds: Double, overrides: [String] = []) throws {
        try policy.validate()
        self.policy = policy
        self.verification = verification
        self.approvalStream = RandomStream(seed: seed, replication: replication, name: "governance.approval_delay")
        self.seed = seed
        self.replication = replication
        var details: [String: String] = [
            "scenario": scenario, "seed": String(seed), "replication": String(replication),
            "approval_delay": "\(policy.approvalDelay)", "emergency_override": policy.emergencyOverride.rawValue,
            "explainability": verification.explainability.rawValue,
            "replay_capability": verification.replayCapability.rawValue, "trail_format": TrailEntryKind.format,
        ]
        if !overrides.isEmpty, let data = try? JSONEncoder().encode(overrides) {
            details["overrides"] = String(decoding: data, as: UTF8.self)
        }
        for c in RiskClass.allCases {
            details["authority.\(c.policyKey)"] = policy.authority(for: c).rawValue
            details["examples.\(c.policyKey)"] = (policy.examples[c] ?? []).joined(separator: ",")
        }
        record(AuditRecord(timeSeconds: 0, action: AuditTrail.runStart, target: scenario,
                           observations: ["horizon_s": horizonSeconds],
                           reason: "bounded-autonomy policy in force for the run", outcome: .started, details: details))
    }

    /// Classifies `request`, decides when it may take effect and records it on the trail.
    /// - Complexity: O(size of the request) for the trail line's hash.
    ///
    /// `presetApprovalDelaySeconds` gives the approval delay instead of drawing it, for an action whose timing was
    /// decided where its physics is simulated (a cooling-unit switchover is drawn with its group's history, from the
    /// group's own approval stream — `approvalDelay(for:group:seed:replication:)`); it is used only under
    /// require_approval.
    ///
    /// `causes` are the line numbers of the earlier lines holding the observations and forecasts that triggered the
    /// request (its `caused_by`).
    public mutating func submit(_ request: ActionRequest, causes: [Int] = [], presetApprovalDelaySeconds: Double? = nil) -> GovernanceDecision {
        let riskClass = request.action.riskClass
        let authority = policy.authority(for: riskClass)
        let ticket = nextTicket
        nextTicket += 1
        requestLines[ticket] = trail.records.count + 1
        let basis = "\(riskClass.rawValue) action, authority \(authority.rawValue)"
        func line(_ request: ActionRequest, _ ticket: Int, _ authority: Authority, reason: String, outcome: AuditOutcome) -> AuditRecord {
            var r = self.line(request, ticket, authority, reason: reason, outcome: outcome)
            r.causes = causes
            return r
        }
        switch authority {
        case .autonomous:
            record(line(request, ticket, authority, reason: "\(basis): acts alone", outcome: .executed))
            return GovernanceDecision(ticket: ticket, riskClass: riskClass, authority: authority, disposition: .executeNow,
                                      isBoundaryViolation: false)
        case .notifyHuman:
            notifications += 1
            record(line(request, ticket, authority, reason: "\(basis): acts and notifies a human", outcome: .executedHumanNotified))
            return GovernanceDecision(ticket: ticket, riskClass: riskClass, authority: authority,
                                      disposition: .executeNowAndNotify, isBoundaryViolation: false)
        case .requireApproval:
            approvalRequests += 1
            let delay = presetApprovalDelaySeconds ?? max(0, approvalStream.sample(policy.approvalDelay))
            let due = request.timeSeconds + delay
            let late = policy.isLate(requestSeconds: request.timeSeconds, approvalDelaySeconds: delay,
                                     deadlineSeconds: request.deadlineSeconds)
            if late { boundaryViolations += 1 }
            if policy.actsWithoutApproval(late: late) {
                var r = line(request, ticket, authority,
                             reason: "\(basis): needed by t = \(request.deadlineSeconds!) s but approval due at t = \(due) s; emergency_override: allow — executed beyond authority",
                             outcome: .executedBeyondAuthority)
                r.approvalDueSeconds = due
                record(r)
                return GovernanceDecision(ticket: ticket, riskClass: riskClass, authority: authority,
                                          disposition: .executeBeyondAuthority, isBoundaryViolation: true)
            }
            let lateNote = late ? "; needed by t = \(request.deadlineSeconds!) s, so it will be late (emergency_override: deny)" : ""
            var r = line(request, ticket, authority, reason: "\(basis): waits for a human approval\(lateNote)",
                         outcome: .awaitingApproval)
            r.approvalDueSeconds = due
            record(r)
            pending[ticket] = request
            return GovernanceDecision(ticket: ticket, riskClass: riskClass, authority: authority,
                                      disposition: .executeAfterApproval(delaySeconds: delay), isBoundaryViolation: late)
        }
    }

    /// Records that the approved action `ticket` took effect at `atSeconds`, with what was observed then.
    /// - Throws: `GovernanceError.unknownTicket` when `ticket` is not awaiting approval.
    /// Its `caused_by` is the request line (whose own causes are the triggering observations).
    public mutating func executeApproved(ticket: Int, atSeconds: Double, observations: [String: Double] = [:]) throws {
        guard let request = pending.removeValue(forKey: ticket) else { throw GovernanceError.unknownTicket(ticket) }
        var executed = request
        executed.timeSeconds = atSeconds
        executed.observations = observations
        executed.deadlineSeconds = nil
        var r = line(executed, ticket, .requireApproval,
                     reason: "approved \(atSeconds - request.timeSeconds) s after the request at t = \(request.timeSeconds) s",
                     outcome: .executedAfterApproval)
        r.details["approved_by"] = "on-call human (simulated: approval drawn from approval_delay \(policy.approvalDelay))"
        r.causes = requestLines[ticket].map { [$0] } ?? []
        record(r)
    }

    /// Appends a fact line (an observation, an incident, a measured effect; `TrailEntryKind`) and returns its line
    /// number, or nil when the run keeps no trail.
    public mutating func note(_ fact: AuditRecord) -> Int? {
        guard verification.auditTrail == .mandatory else { return nil }
        trail.append(fact)
        return trail.records.count
    }

    /// Closes the trail with the run's final state: `state_hash` is the SHA-256 of `finalState`'s canonical JSON
    /// (omitted when `replay_capability` is disabled). Returns the trail.
    public mutating func finish(atSeconds: Double, finalState: CanonicalJSON, observations: [String: Double] = [:],
                                details extra: [String: String] = [:]) -> AuditTrail {
        var details = extra.merging(["boundary_violations": String(boundaryViolations), "notifications": String(notifications),
                       "approval_requests": String(approvalRequests),
                       "pending_approvals": pending.keys.sorted().map(String.init).joined(separator: ",")]) { _, new in new }
        if verification.replayCapability == .enabled { details["state_hash"] = SHA256.hex(finalState.text) }
        record(AuditRecord(timeSeconds: atSeconds, action: AuditTrail.runEnd, target: trail.records.first?.target ?? "",
                           observations: observations, reason: "end of the horizon", outcome: .finished, details: details))
        return trail
    }

    /// The trail line of a request, with the observations and rule when explainability is proof-based.
    private func line(_ request: ActionRequest, _ ticket: Int, _ authority: Authority, reason: String,
                      outcome: AuditOutcome) -> AuditRecord {
        let proof = verification.explainability == .proofBased
        let riskClass = request.action.riskClass
        let allowedBy: String
        switch authority {
        case .autonomous: allowedBy = "policy: \(riskClass.policyKey) → autonomous"
        case .notifyHuman: allowedBy = "policy: \(riskClass.policyKey) → notify_human (a human is notified)"
        case .requireApproval: allowedBy = "policy: \(riskClass.policyKey) → require_approval"
        }
        return AuditRecord(timeSeconds: request.timeSeconds, action: request.action.rawValue, target: request.target,
                           riskClass: riskClass, authority: authority,
                           observations: proof ? request.observations : [:],
                           reason: proof ? "\(request.rule); \(reason)" : reason, outcome: outcome, ticket: ticket,
                           deadlineSeconds: request.deadlineSeconds,
                           details: ["allowed_by": allowedBy, "replay": replayReference(atSeconds: request.timeSeconds)])
    }

    /// Where a re-run reproduces a line: the run's seed and replication and the calendar event it was written at.
    func replayReference(atSeconds t: Double) -> String {
        "seed \(seed) replication \(replication), event \(eventNumber) at t = \(t) s (factory-twin replay re-runs it)"
    }

    private mutating func record(_ r: AuditRecord) {
        if verification.auditTrail == .mandatory { trail.append(r) }
    }
}
