/// A JSON value with one canonical text: object keys sorted by their UTF-8 bytes, no insignificant
/// whitespace, numbers in Swift's shortest round-trip form (integral values below 10¹⁵ without a
/// fraction), strings escaped minimally (`"`, `\`, control characters), non-ASCII written as UTF-8.
///
/// The text depends on nothing but the value (no locale, no platform formatter), so it can be hashed and
/// compared byte for byte: the audit trail's lines and a run's final state are written this way.
public indirect enum CanonicalJSON: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number; non-finite values are written as the strings "nan", "inf", "-inf" (JSON has no such numbers).
    case number(Double)
    case integer(Int64)
    case string(String)
    case array([CanonicalJSON])
    case object([String: CanonicalJSON])

    /// The canonical text.
    public var text: String {
        var out = ""
        write(to: &out)
        return out
    }

    /// Appends the canonical text to `out`.
    public func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let x): out += CanonicalJSON.format(x)
        case .integer(let i): out += String(i)
        case .string(let s): CanonicalJSON.writeString(s, to: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.write(to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (i, key) in CanonicalJSON.sortedKeys(members.keys).enumerated() {
                if i > 0 { out += "," }
                writeString(key, to: &out)
                out += ":"
                members[key]!.write(to: &out)
            }
            out += "}"
        }
    }

    private func writeString(_ s: String, to out: inout String) { CanonicalJSON.writeString(s, to: &out) }

    /// Keys in the order of their UTF-8 bytes.
    static func sortedKeys<C: Collection>(_ keys: C) -> [String] where C.Element == String {
        keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// A number's canonical text: integral values with |x| < 10¹⁵ as integers (−0 as 0), others in Swift's
    /// shortest round-trip form (`0.1`, `1e-05`, `1.5e+20`), non-finite as a quoted string.
    public static func format(_ x: Double) -> String {
        if x.isNaN { return "\"nan\"" }
        if x.isInfinite { return x > 0 ? "\"inf\"" : "\"-inf\"" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return x.description
    }

    /// Writes `s` as a JSON string.
    static func writeString(_ s: String, to out: inout String) {
        out += "\""
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {   // nothing to escape: the common case
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}

extension CanonicalJSON {
    /// The top-level members of a JSON object text, in order, as (key text, value text) pairs without
    /// unescaping; nil when `text` is not one well-formed-looking object. Enough to compare two lines
    /// field by field and to strip one member; not a general JSON validator.
    /// - Complexity: O(n) in the length of the text.
    public static func topLevelMembers(of text: String) -> [(key: String, value: String)]? {
        let bytes = Array(text.utf8)
        var i = 0
        func skipSpace() { while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D { i += 1 } }
        /// Index just past the string starting at `i` (which holds a quote), or nil when unterminated.
        func endOfString(_ start: Int) -> Int? {
            var j = start + 1
            while j < bytes.count {
                if bytes[j] == 0x5C { j += 2; continue }
                if bytes[j] == 0x22 { return j + 1 }
                j += 1
            }
            return nil
        }
        skipSpace()
        guard i < bytes.count, bytes[i] == 0x7B else { return nil }
        i += 1
        var members: [(key: String, value: String)] = []
        skipSpace()
        if i < bytes.count, bytes[i] == 0x7D { i += 1; skipSpace(); return i == bytes.count ? [] : nil }
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == 0x22, let keyEnd = endOfString(i) else { return nil }
            let key = String(decoding: bytes[(i + 1)..<(keyEnd - 1)], as: UTF8.self)
            i = keyEnd
            skipSpace()
            guard i < bytes.count, bytes[i] == 0x3A else { return nil }
            i += 1
            skipSpace()
            let valueStart = i
            var depth = 0
            while i < bytes.count {
                let b = bytes[i]
                if b == 0x22 { guard let e = endOfString(i) else { return nil }; i = e; continue }
                if b == 0x7B || b == 0x5B { depth += 1 } else if b == 0x7D || b == 0x5D {
                    if depth == 0 { break }
                    depth -= 1
                } else if b == 0x2C, depth == 0 { break }
                i += 1
            }
            guard i < bytes.count, valueStart < i else { return nil }
            members.append((key, String(decoding: bytes[valueStart..<i], as: UTF8.self).trimmingTrailingSpace()))
            if bytes[i] == 0x2C { i += 1; continue }
            i += 1   // the closing brace
            skipSpace()
            return i == bytes.count ? members : nil
        }
    }
}

private extension String {
    func trimmingTrailingSpace() -> String {
        var s = Substring(self)
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
        return String(s)
    }
}
