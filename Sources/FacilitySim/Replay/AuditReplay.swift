import Foundation
import Operations

/// `factory-twin replay`: re-runs a scenario with the seed and replication recorded on an audit trail's first
/// line and checks that the re-run's trail is the recorded one, line for line, ending with the same final
/// state hash.
///
/// The simulation is deterministic and the lines are canonical JSON, so an untouched trail matches byte for
/// byte; a tampered, missing, extra or reordered line — or a changed scenario or build — is reported at its
/// first differing line and field (`AuditVerifier.compare`).
public enum AuditReplay {
    /// A verified trail.
    public struct Report: Sendable, Equatable {
        /// Lines verified.
        public var lines: Int
        /// The final state hash both runs reached.
        public var finalStateHash: String
        /// Seed and replication the re-run used (from the trail's first line).
        public var seed: UInt64
        public var replication: Int
    }

    /// Why a trail could not be verified.
    public enum Failure: Error, CustomStringConvertible, Equatable {
        /// The trail departs from the re-run (or from its own chain).
        case mismatch(AuditMismatch)
        /// The trail or the scenario cannot be replayed at all.
        case notReplayable(String)

        public var description: String {
            switch self {
            case .mismatch(let m): return m.description
            case .notReplayable(let reason): return reason
            }
        }
    }

    /// Re-runs `spec` (seed and replication taken from the trail's first line) and compares its trail with
    /// `recordedText`.
    /// - Throws: `Failure.mismatch` at the first differing line, `Failure.notReplayable` when the scenario keeps no
    ///   trail or no final state hash, or any simulation error.
    /// - Complexity: one run of the scenario plus O(size of the trail).
    public static func verify(recordedText: String, spec: ScenarioSpec) throws -> Report {
        let recorded = AuditVerifier.lines(of: recordedText)
        guard !recorded.isEmpty else { throw Failure.notReplayable("the audit trail is empty") }
        guard let governance = spec.aiGovernance else {
            throw Failure.notReplayable("scenario '\(spec.name)' has no ai_governance block, so its runs keep no audit trail to replay")
        }
        guard governance.verification.auditTrail == .mandatory, governance.verification.replayCapability == .enabled else {
            throw Failure.notReplayable("scenario '\(spec.name)' sets audit_trail: disabled or replay_capability: disabled")
        }
        var replaySpec = spec
        let details = firstLineDetails(recorded[0])
        if let text = details["seed"] {
            guard let seed = UInt64(text) else { throw Failure.mismatch(AuditMismatch(line: 1, field: "details", message: "seed '\(text)' is not a whole number")) }
            replaySpec.seed = seed
        }
        if let text = details["replication"] {
            guard let replication = Int(text), replication >= 0 else {
                throw Failure.mismatch(AuditMismatch(line: 1, field: "details", message: "replication '\(text)' is not a whole number ≥ 0"))
            }
            replaySpec.replication = replication
        }
        let result = try FacilitySimulation(spec: replaySpec).run()
        if let mismatch = AuditVerifier.compare(recorded: recorded, replayed: result.auditTrail.lines) {
            throw Failure.mismatch(mismatch)
        }
        if let broken = AuditVerifier.checkChain(recorded) { throw Failure.mismatch(broken) }
        return Report(lines: recorded.count, finalStateHash: result.auditTrail.finalStateHash ?? "",
                      seed: replaySpec.seed, replication: replaySpec.replication)
    }

    /// The `--set` overrides recorded on a trail's first line (`details.overrides`, a JSON array text), in order;
    /// empty when the run had none.
    /// - Throws: `Failure.mismatch` at line 1 when the field is there but is not an array of strings.
    public static func recordedOverrides(in recordedText: String) throws -> [String] {
        guard let first = AuditVerifier.lines(of: recordedText).first,
              let members = CanonicalJSON.topLevelMembers(of: first),
              let details = members.first(where: { $0.key == "details" }),
              let raw = CanonicalJSON.topLevelMembers(of: details.value)?.first(where: { $0.key == "overrides" })?.value else { return [] }
        guard let text = try? JSONDecoder().decode(String.self, from: Data(raw.utf8)),
              let list = try? JSONDecoder().decode([String].self, from: Data(text.utf8)) else {
            throw Failure.mismatch(AuditMismatch(line: 1, field: "details.overrides", message: "'\(raw)' is not a JSON array of PATH=VALUE strings"))
        }
        return list
    }

    /// The `details` strings of a trail's first line (empty when unreadable; the comparison then reports it).
    static func firstLineDetails(_ line: String) -> [String: String] {
        guard let members = CanonicalJSON.topLevelMembers(of: line),
              let details = members.first(where: { $0.key == "details" }),
              let inner = CanonicalJSON.topLevelMembers(of: details.value) else { return [:] }
        var out: [String: String] = [:]
        for (key, value) in inner where value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 {
            out[key] = String(value.dropFirst().dropLast())
        }
        return out
    }
}
