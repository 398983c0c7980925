/// One line of an `audit.jsonl` read back (format 1 or 2): the fields `explain` needs, unescaped.
///
/// Built from `CanonicalJSON.topLevelMembers` (no general JSON parser): numbers are read with `Double(_:)`, the
/// strings `"nan"`, `"inf"`, `"-inf"` of non-finite observations become those values.
public struct AuditEntry: Sendable, Equatable {
    /// Line number (`seq`), from 1.
    public var line: Int
    public var timeSeconds: Double
    public var action: String
    public var target: String
    public var outcome: String
    public var riskClass: String?
    public var authority: String?
    public var ticket: Int?
    /// Earlier lines that led to this one (`caused_by`; empty on format-1 trails).
    public var causes: [Int]
    /// The observations, the text facts and the reason, parsed when first read (a 100,000-line trail is indexed
    /// without unescaping every reason).
    public var observations: [String: Double] {
        get { observationStore ?? AuditEntry.parseObservations(observationText) }
        set { observationStore = newValue }
    }
    public var details: [String: String] {
        get { detailStore ?? AuditEntry.parseDetails(detailText) }
        set { detailStore = newValue }
    }
    public var reason: String {
        get { reasonStore ?? AuditEntry.string(reasonText) ?? "" }
        set { reasonStore = newValue }
    }
    private var observationStore: [String: Double]?
    private var observationText = "{}"
    private var detailStore: [String: String]?
    private var detailText = "{}"
    private var reasonStore: String?
    private var reasonText = "\"\""

    /// Whether the line is a governed action (it has a risk class).
    public var isAction: Bool { riskClass != nil }

    /// Parses one line; nil when it is not an object with `seq`, `time_s`, `action` and `target`.
    /// - Complexity: O(length of the line).
    public init?(line text: String) {
        guard let members = CanonicalJSON.topLevelMembers(of: text) else { return nil }
        self.init(members: members)
    }

    /// Parses a line's top-level members (`CanonicalJSON.topLevelMembers`).
    public init?(members: [(key: String, value: String)]) {
        var seq: Int?, time: Double?, action: String?, target: String?
        outcome = ""
        causes = []
        for (key, value) in members {
            switch key {
            case "seq": seq = Int(value)
            case "time_s": time = AuditEntry.number(value)
            case "action": action = AuditEntry.string(value)
            case "target": target = AuditEntry.string(value)
            case "outcome": outcome = AuditEntry.string(value) ?? ""
            case "risk_class": riskClass = AuditEntry.string(value)
            case "authority": authority = AuditEntry.string(value)
            case "ticket": ticket = Int(value)
            case "reason": reasonText = value
            case "caused_by":
                causes = value.utf8.dropFirst().dropLast().split(separator: 0x2C).compactMap { Int(String(decoding: $0, as: UTF8.self).trimmingCharacters()) }
            case "observations": observationText = value
            case "details": detailText = value
            default: break
            }
        }
        guard let seq, let time, let action, let target else { return nil }
        self.line = seq
        self.timeSeconds = time
        self.action = action
        self.target = target
    }

    /// The entry of a record held in memory.
    public init(record r: AuditRecord) {
        line = r.sequence
        timeSeconds = r.timeSeconds
        action = r.action
        target = r.target
        outcome = r.outcome.rawValue
        riskClass = r.riskClass?.rawValue
        authority = r.authority?.rawValue
        ticket = r.ticket
        causes = r.causes
        observations = r.observations
        details = r.details
        reason = r.reason
    }

    static func parseObservations(_ text: String) -> [String: Double] {
        var out: [String: Double] = [:]
        for (k, v) in CanonicalJSON.topLevelMembers(of: text) ?? [] { if let x = number(v) { out[k] = x } }
        return out
    }

    static func parseDetails(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        for (k, v) in CanonicalJSON.topLevelMembers(of: text) ?? [] { out[k] = string(v) ?? v }
        return out
    }

    /// A JSON number, or one of the strings CanonicalJSON writes for non-finite numbers.
    static func number(_ text: String) -> Double? {
        if let x = Double(text) { return x }
        switch text {
        case "\"nan\"": return .nan
        case "\"inf\"": return .infinity
        case "\"-inf\"": return -.infinity
        default: return nil
        }
    }

    /// A JSON string's content, unescaped; nil for `null` or a non-string.
    static func string(_ text: String) -> String? {
        guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") else { return nil }
        let inner = text.utf8.dropFirst().dropLast()
        guard inner.contains(0x5C) else { return String(decoding: inner, as: UTF8.self) }
        var out: [UInt8] = []
        var it = inner.makeIterator()
        while let b = it.next() {
            guard b == 0x5C, let e = it.next() else { out.append(b); continue }
            switch e {
            case 0x6E: out.append(0x0A)
            case 0x74: out.append(0x09)
            case 0x72: out.append(0x0D)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x75:
                var hex = ""
                for _ in 0..<4 { if let h = it.next() { hex.append(Character(Unicode.Scalar(h))) } }
                if let v = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(v) { out += Array(String(Character(scalar)).utf8) }
            default: out.append(e)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

private extension String {
    func trimmingCharacters() -> Substring {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return s
    }
}
