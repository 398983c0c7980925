/// Checks an audit trail: its own hash chain, and line by line against the trail a re-run produces.
///
/// A re-run of the same scenario and seed reproduces every line byte for byte (the simulation is
/// deterministic and the lines are canonical JSON), so any difference is a tampered, missing, extra or
/// reordered line — or a different scenario or build. The verifier names the first differing line and field.
public enum AuditVerifier {
    /// The lines of an `audit.jsonl` text (the newline after the last line does not start another line).
    /// - Complexity: O(n) in the bytes of the text (split on the UTF-8 newline byte, not by grapheme: a 100,000-line
    ///   trail splits in milliseconds).
    public static func lines(of text: String) -> [String] {
        var parts = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        if parts.last == "" { parts.removeLast() }
        return parts
    }

    /// The hash a line declares, the hash of its content (canonical text without the `hash` member) and the
    /// previous-line hash it declares; nil when the line is not a JSON object with `hash` and `prev_hash` strings.
    public static func hashes(of line: String) -> (declared: String, computed: String, previous: String)? {
        CanonicalJSON.topLevelMembers(of: line).flatMap(hashes(members:))
    }

    /// `hashes(of:)` from a line's top-level members (`CanonicalJSON.topLevelMembers`).
    public static func hashes(members: [(key: String, value: String)]) -> (declared: String, computed: String, previous: String)? {
        guard let declared = members.first(where: { $0.key == "hash" })?.value,
              let previous = members.first(where: { $0.key == "prev_hash" })?.value else { return nil }
        let content = "{" + members.filter { $0.key != "hash" }.map { "\"\($0.key)\":\($0.value)" }.joined(separator: ",") + "}"
        return (unquote(declared), SHA256.hex(content), unquote(previous))
    }

    /// The first break of the hash chain of `lines` alone (no re-run needed): a line whose content does not
    /// hash to its `hash`, or whose `prev_hash` is not the previous line's `hash`.
    public static func checkChain(_ lines: [String]) -> AuditMismatch? {
        var previous = AuditRecord.genesisHash
        for (i, line) in lines.enumerated() {
            if let broken = checkLink(members: CanonicalJSON.topLevelMembers(of: line), line: i + 1, previous: &previous) { return broken }
        }
        return nil
    }

    /// Checks line `line` (its members, nil when unreadable) against the previous line's hash, which it then
    /// replaces with this line's: the one step of `checkChain`, for readers that parse each line once.
    public static func checkLink(members: [(key: String, value: String)]?, line: Int, previous: inout String) -> AuditMismatch? {
        guard let members, let h = hashes(members: members) else {
            return AuditMismatch(line: line, message: "not an audit record (a JSON object with `hash` and `prev_hash`)")
        }
        if h.previous != previous {
            return AuditMismatch(line: line, field: "prev_hash",
                                 message: "chain broken: expected the previous line's hash \(previous), found \(h.previous) (a line before it is missing, extra or moved)")
        }
        if h.computed != h.declared {
            return AuditMismatch(line: line, field: "hash",
                                 message: "the line's content hashes to \(h.computed), but it declares \(h.declared) (the line was altered)")
        }
        previous = h.declared
        return nil
    }

    /// The first difference between a recorded trail and the re-run's trail, or nil when they are identical.
    ///
    /// A recorded line found elsewhere in the re-run is reported as missing lines before it (when the file is
    /// shorter) or as reordered; a line present in both but different names its first differing field (content
    /// fields before `hash`/`prev_hash`) with the expected and found values.
    /// - Complexity: O(n) for identical trails; O(n) more to locate a displaced line.
    public static func compare(recorded: [String], replayed: [String]) -> AuditMismatch? {
        for i in 0..<max(recorded.count, replayed.count) {
            guard i < recorded.count else {
                return AuditMismatch(line: i + 1, message: "missing: the file ends after \(recorded.count) lines, the re-run has \(replayed.count); the first missing line is \(summary(replayed[i]))")
            }
            guard i < replayed.count else {
                return AuditMismatch(line: i + 1, message: "extra line: the re-run has only \(replayed.count) lines")
            }
            if recorded[i] == replayed[i] { continue }
            if let j = replayed.firstIndex(of: recorded[i]) {
                if j > i, recorded.count < replayed.count {
                    return AuditMismatch(line: i + 1, message: "missing line: the re-run's line \(i + 1) (\(summary(replayed[i]))) is absent; the file's line \(i + 1) is the re-run's line \(j + 1)")
                }
                return AuditMismatch(line: i + 1, message: "reordered: the file's line \(i + 1) is the re-run's line \(j + 1) (\(summary(replayed[j])))")
            }
            return fieldDifference(line: i + 1, recorded: recorded[i], replayed: replayed[i])
        }
        return nil
    }

    /// The first differing field of two versions of line `line`.
    static func fieldDifference(line: Int, recorded: String, replayed: String) -> AuditMismatch {
        guard let found = CanonicalJSON.topLevelMembers(of: recorded) else {
            return AuditMismatch(line: line, message: "not a JSON object; expected \(summary(replayed))")
        }
        let expected = CanonicalJSON.topLevelMembers(of: replayed) ?? []
        let foundByKey = Dictionary(found.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        let expectedByKey = Dictionary(expected.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        let chainKeys: Set<String> = ["hash", "prev_hash"]
        let keys = CanonicalJSON.sortedKeys(Set(foundByKey.keys).union(expectedByKey.keys))
        let ordered = keys.filter { !chainKeys.contains($0) } + keys.filter { chainKeys.contains($0) }
        let chain = hashes(of: recorded).map { $0.computed == $0.declared } ?? false
        let note = chain ? " (its hash was recomputed to match: the chain from here on was rewritten)"
                         : " (its hash no longer matches its content)"
        for key in ordered where foundByKey[key] != expectedByKey[key] {
            // Inside an object (observations, details), name the first differing member.
            if let e = expectedByKey[key], let f = foundByKey[key], let inner = fieldDifference(expected: e, found: f) {
                return AuditMismatch(line: line, field: "\(key).\(inner.key)",
                                     message: "expected \(inner.expected), found \(inner.found)\(note)")
            }
            return AuditMismatch(line: line, field: key,
                                 message: "expected \(expectedByKey[key] ?? "no such field"), found \(foundByKey[key] ?? "no such field")\(chainKeys.contains(key) ? "" : note)")
        }
        return AuditMismatch(line: line, message: "the line differs from the re-run's only in formatting; expected \(replayed)")
    }

    /// The first differing member of two object texts (nil when either is not an object).
    static func fieldDifference(expected: String, found: String) -> (key: String, expected: String, found: String)? {
        guard let e = CanonicalJSON.topLevelMembers(of: expected), let f = CanonicalJSON.topLevelMembers(of: found) else { return nil }
        let eByKey = Dictionary(e.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        let fByKey = Dictionary(f.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        for key in CanonicalJSON.sortedKeys(Set(eByKey.keys).union(fByKey.keys)) where eByKey[key] != fByKey[key] {
            return (key, eByKey[key] ?? "no such field", fByKey[key] ?? "no such field")
        }
        return nil
    }

    /// "action target at t = … s" for a line, for messages.
    static func summary(_ line: String) -> String {
        guard let members = CanonicalJSON.topLevelMembers(of: line) else { return "an unreadable line" }
        let m = Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        return "\(unquote(m["action"] ?? "?")) \(unquote(m["target"] ?? "?")) at t = \(m["time_s"] ?? "?") s"
    }

    static func unquote(_ s: String) -> String {
        s.count >= 2 && s.hasPrefix("\"") && s.hasSuffix("\"") ? String(s.dropFirst().dropLast()) : s
    }
}
