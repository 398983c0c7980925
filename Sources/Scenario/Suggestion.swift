/// "Did you mean …?" suggestions for misspelt keys and enumeration values.
enum Suggestion {
    /// The candidate `word` most likely misspells: the shortest candidate that starts with it (`H100` →
    /// `H100-SXM`), else the closest by edit distance if that distance is at most max(2, a third of the word's
    /// length) and smaller than both lengths (so a one-letter unit never "suggests" another one-letter unit).
    static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let lowered = word.lowercased()
        if lowered.count >= 2,
           let prefixed = candidates.filter({ $0.lowercased().hasPrefix(lowered) }).min(by: { $0.count < $1.count }) {
            return prefixed
        }
        var best: (String, Int)?
        for candidate in candidates {
            let d = editDistance(lowered, candidate.lowercased())
            if best == nil || d < best!.1 { best = (candidate, d) }
        }
        guard let (candidate, distance) = best else { return nil }
        let shorter = min(lowered.unicodeScalars.count, candidate.unicodeScalars.count)
        return distance <= max(2, lowered.count / 3) && distance < shorter ? candidate : nil
    }

    /// " (did you mean `x`?)" or the empty string.
    static func hint(for word: String, among candidates: some Sequence<String>) -> String {
        closest(to: word, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// Levenshtein distance between two strings, counted in Unicode scalars.
    /// - Complexity: O(m·n) time, O(n) memory.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars.prefix(256)), b = Array(b.unicodeScalars.prefix(256))
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
