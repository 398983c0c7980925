/// A synthetic vocabulary for synthetic weights, so `generate --synthetic` can print text.
extension Tokenizer {
    /// Builds a deterministic vocabulary of `vocabularySize` tokens in llama2.c's layout.
    ///
    /// - 0 `<unk>`, 1 `\n<s>\n`, 2 `\n</s>\n` (as the Llama-2 tokenizer);
    /// - 3…258 the byte-fallback pieces `<0x00>`…`<0xFF>`, so any text encodes;
    /// - 259…353 the 95 printable ASCII characters, score 0;
    /// - then pseudo-words made of two-letter syllables (consonant + vowel, 70 of them), with and without
    ///   a leading space, shortest first, with decreasing scores (−1, −2, …) so BPE merges them.
    ///   Every word's prefix of one syllable fewer comes earlier, so each merge step is reachable.
    /// Ids beyond the list are never produced; the list is cut at `vocabularySize`.
    public static func synthetic(vocabularySize: Int) -> Tokenizer {
        var pieces: [[UInt8]] = [Array("<unk>".utf8), Array("\n<s>\n".utf8), Array("\n</s>\n".utf8)]
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in 0..<256 {
            pieces.append(Array("<0x".utf8) + [hex[byte >> 4], hex[byte & 15], 0x3E])
        }
        for char in UInt8(0x20)...UInt8(0x7E) { pieces.append([char]) }
        var scores = [Float](repeating: 0, count: pieces.count)
        let syllables: [[UInt8]] = Array("bdfgklmnprstvz".utf8).flatMap { c in
            Array("aeiou".utf8).map { v in [c, v] }
        }
        var previousLength: [[UInt8]] = [[]]
        var score: Float = -1
        outer: while pieces.count < vocabularySize {
            var words: [[UInt8]] = []
            for prefix in previousLength {
                for syllable in syllables { words.append(prefix + syllable) }
            }
            for word in words {
                for piece in [word, [0x20] + word] {
                    if pieces.count >= vocabularySize { break outer }
                    pieces.append(piece)
                    scores.append(score)
                    score -= 1
                }
            }
            previousLength = words
        }
        if pieces.count > vocabularySize {
            pieces.removeLast(pieces.count - vocabularySize)
            scores.removeLast(scores.count - vocabularySize)
        }
        return Tokenizer(pieces: pieces, scores: scores)
    }
}
