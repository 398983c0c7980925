import XCTest
@testable import InferenceKernel

/// llama2.c tokenizer format and BPE: loading, encoding, decoding, round trips.
final class TokenizerTests: XCTestCase {
    private func fixtureTokenizer() throws -> Tokenizer {
        try Tokenizer(path: try FixtureSupport.tokenizerPath(), vocabularySize: 512)
    }

    /// A hand-made vocabulary: specials, the 256 byte pieces, then " ", "a", "b", "c" (score 0) and
    /// merges "ab" (−1), "abc" (−2), " ab" (−3), "bc" (0).
    private func handTokenizer() -> Tokenizer {
        var pieces: [[UInt8]] = [Array("<unk>".utf8), Array("\n<s>\n".utf8), Array("\n</s>\n".utf8)]
        let hex = Array("0123456789ABCDEF".utf8)
        for b in 0..<256 { pieces.append(Array("<0x".utf8) + [hex[b >> 4], hex[b & 15], 0x3E]) }
        let extra = [" ", "a", "b", "c", "ab", "abc", " ab", "bc"]
        pieces += extra.map { Array($0.utf8) }
        let scores = [Float](repeating: 0, count: 259) + [0, 0, 0, 0, -1, -2, -3, 0]
        return Tokenizer(pieces: pieces, scores: scores)
    }

    /// The fixture file holds 512 entries: `<unk>`, BOS `\n<s>\n`, EOS, then `<0x00>` at id 3.
    func testLoadsFixtureVocabulary() throws {
        let t = try fixtureTokenizer()
        XCTAssertEqual(t.vocabularySize, 512)
        XCTAssertEqual(t.pieces[1], Array("\n<s>\n".utf8))
        XCTAssertEqual(t.pieces[3], Array("<0x00>".utf8))
        XCTAssertEqual(t.id(of: [0x20]), 259)
        XCTAssertEqual(t.maxTokenLength, 9)
    }

    /// Empty text: only BOS, no dummy prefix (llama2.c adds it only when text is non-empty).
    func testEmptyTextIsJustBOS() throws {
        XCTAssertEqual(try fixtureTokenizer().encode(""), [1])
        XCTAssertEqual(try fixtureTokenizer().encode("", bos: true, eos: true), [1, 2])
    }

    /// "abc" with the hand vocabulary: [BOS, " ", a, b, c]; the best pair is "bc" (score 0 > −1 of
    /// "ab"), giving [BOS, " ", a, bc]; then "a"+"bc" = "abc" (−2) merges; " abc" is no piece: done.
    func testMergesHighestScoringPairFirst() {
        let t = handTokenizer()
        let id = { (s: String) in t.id(of: Array(s.utf8))! }
        XCTAssertEqual(t.encode("abc"), [1, id(" "), id("abc")])
    }

    /// "ab": [BOS, " ", a, b] → "ab" (−1) is the only pair piece → [BOS, " ", ab] → " ab" (−3) → [BOS, " ab"].
    func testDummyPrefixMergesWithFirstWord() {
        let t = handTokenizer()
        XCTAssertEqual(t.encode("ab"), [1, t.id(of: Array(" ab".utf8))!])
    }

    /// "é" is UTF-8 C3 A9 and no piece: byte fallback gives ids 0xC3 + 3 = 198 and 0xA9 + 3 = 172,
    /// after BOS and the dummy-prefix space (259 in the fixture vocabulary).
    func testByteFallbackForUnknownCodePoints() throws {
        XCTAssertEqual(try fixtureTokenizer().encode("é"), [1, 259, 198, 172])
    }

    /// `<0xHH>` pieces decode to the raw byte; the space right after BOS is dropped.
    func testDecodeBytePiecesAndLeadingSpaceAfterBOS() throws {
        let t = try fixtureTokenizer()
        XCTAssertEqual(t.decode(previous: 5, token: 3 + 0x41), [0x41])
        XCTAssertEqual(t.decode(previous: 1, token: 259), [])
        XCTAssertEqual(t.decode(previous: 7, token: 259), [0x20])
    }

    /// decode(encode(text)) == text for ASCII, spaces, newlines, multi-byte UTF-8 and a leading space,
    /// with the fixture vocabulary and with the synthetic one.
    func testRoundTrips() throws {
        let texts = ["hello world", "qrxpuvfb xam dmvhihs", "line\nbreak\ttab", "naïve café 日本語 🙂",
                     " leading space", "UPPER lower 123 !?"]
        for t in [try fixtureTokenizer(), Tokenizer.synthetic(vocabularySize: 32000)] {
            for text in texts {
                XCTAssertEqual(t.decode(t.encode(text)), text, "round trip of \(text.debugDescription)")
            }
        }
    }

    /// The synthetic vocabulary has the llama2.c layout: byte pieces at 3…258, printable ASCII from 259,
    /// unique pieces, and exactly the requested size.
    func testSyntheticVocabularyLayout() {
        let t = Tokenizer.synthetic(vocabularySize: 32000)
        XCTAssertEqual(t.vocabularySize, 32000)
        XCTAssertEqual(t.pieces[3 + 0xFF], Array("<0xFF>".utf8))
        XCTAssertEqual(t.pieces[259], [0x20])
        XCTAssertEqual(Set(t.pieces).count, 32000)
    }

    /// A tokenizer file cut inside an entry, or read for a larger vocabulary than it holds, is rejected
    /// with a message naming the file.
    func testTruncatedTokenizerThrows() throws {
        let dir = try FixtureSupport.temporaryDirectory(self)
        let data = try Data(contentsOf: URL(fileURLWithPath: try FixtureSupport.tokenizerPath()))
        let path = dir.appendingPathComponent("cut.bin").path
        try data.prefix(1000).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try Tokenizer(path: path, vocabularySize: 512)) { error in
            guard case KernelError.malformedTokenizer(let p, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(p, path)
        }
        XCTAssertThrowsError(try Tokenizer(path: try FixtureSupport.tokenizerPath(), vocabularySize: 600))
        let tiny = dir.appendingPathComponent("tiny.bin").path
        try Data([1, 0]).write(to: URL(fileURLWithPath: tiny))
        XCTAssertThrowsError(try Tokenizer(path: tiny, vocabularySize: 512))
    }
}
