/// The chain step of `AuditVerifier.checkLink` for a line written by `AuditTrail` (canonical: no whitespace outside
/// strings), without splitting it into strings: the content is the line's bytes with its top-level
/// `"hash":"…",` member cut out, which is byte for byte what `hashes(members:)` joins for such a line.
extension AuditVerifier {
    /// The line's declared hash when the line is canonical-shaped, its `prev_hash` is `previous` and its content hashes
    /// to its `hash`; nil otherwise — the caller then runs the general `checkLink`, which gives the verdict and the
    /// message, so the fast path never accepts what the general check refuses.
    /// - Complexity: O(length of the line), no allocation but the result.
    public static func fastLink(_ line: String, previous: String) -> String? {
        var line = line
        return line.withUTF8 { b -> String? in
            guard b.count > 2, b[0] == 0x7B, b[b.count - 1] == 0x7D else { return nil }
            var depth = 0, i = 0
            var inString = false
            var hashMember: Range<Int>?      // `"hash":"<64 hex>"` plus the comma after it
            var hashValue: Range<Int>?
            var prevValue: Range<Int>?
            var memberStart = -1
            while i < b.count {
                let c = b[i]
                if inString {
                    if c == 0x5C { i += 2; continue }
                    if c == 0x22 { inString = false }
                    i += 1
                    continue
                }
                switch c {
                case 0x22:
                    if depth == 1, memberStart == i {   // a top-level key
                        if matches(b, at: i, "\"hash\":\"") { hashValue = (i + 8)..<(i + 8 + 64) }
                        if matches(b, at: i, "\"prev_hash\":\"") { prevValue = (i + 13)..<(i + 13 + 64) }
                        if hashValue?.lowerBound == i + 8, hashMember == nil { hashMember = i..<(i + 8 + 64 + 1) }
                    }
                    inString = true
                case 0x7B, 0x5B:
                    depth += 1
                    if depth == 1 { memberStart = i + 1 }
                case 0x7D, 0x5D: depth -= 1
                case 0x2C: if depth == 1 { memberStart = i + 1 }
                case 0x20, 0x09, 0x0A, 0x0D: return nil   // not canonical: the general check decides
                default: break
                }
                i += 1
            }
            guard depth == 0, let member = hashMember, let hv = hashValue, let pv = prevValue,
                  hv.upperBound < b.count, pv.upperBound < b.count, b[hv.upperBound] == 0x22, b[pv.upperBound] == 0x22,
                  member.upperBound < b.count, b[member.upperBound - 1] == 0x22, b[member.upperBound] == 0x2C else { return nil }
            guard previous.utf8.elementsEqual(b[pv]) else { return nil }
            var sha = SHA256()
            sha.update(UnsafeBufferPointer(rebasing: b[0..<member.lowerBound]))
            sha.update(UnsafeBufferPointer(rebasing: b[(member.upperBound + 1)...]))
            let computed = SHA256.hexString(sha.finalize())
            guard computed.utf8.elementsEqual(b[hv]) else { return nil }
            return computed
        }
    }

    private static func matches(_ b: UnsafeBufferPointer<UInt8>, at i: Int, _ text: StaticString) -> Bool {
        let n = text.utf8CodeUnitCount
        guard i + n <= b.count else { return false }
        let p = text.utf8Start
        for k in 0..<n where b[i + k] != p[k] { return false }
        return true
    }
}
