/// A byte-pair-encoding tokenizer in llama2.c's format, encoding and decoding exactly as `run.c` does.
///
/// File format (`tokenizer.bin`, little-endian): `UInt32` max_token_length, then for each of the model's
/// `vocab_size` tokens a `Float32` merge score, an `Int32` byte length and the piece's bytes.
/// Token 0 is `<unk>`, 1 is BOS, 2 is EOS, and tokens 3…258 are the byte-fallback pieces `<0x00>`…`<0xFF>`.
public struct Tokenizer: Sendable {
    /// Token id of beginning-of-sequence (llama2.c: 1).
    public static let bos = 1
    /// Token id of end-of-sequence (llama2.c: 2).
    public static let eos = 2
    /// Token id of the first byte-fallback piece `<0x00>` (llama2.c: `byte + 3`).
    public static let firstByteToken = 3

    /// The piece (UTF-8 bytes) of each token id.
    public let pieces: [[UInt8]]
    /// The merge score of each token id (higher merges first).
    public let scores: [Float]
    /// Longest piece in bytes, as recorded in the file.
    public let maxTokenLength: Int
    /// Piece → lowest token id with that piece (llama2.c's sorted-vocabulary binary search).
    private let ids: [[UInt8]: Int]
    /// For each token, the raw byte it stands for if its piece is `<0xHH>`.
    private let bytePiece: [UInt8?]

    /// Number of tokens.
    public var vocabularySize: Int { pieces.count }

    /// Builds a tokenizer from its pieces and scores (same count).
    public init(pieces: [[UInt8]], scores: [Float], maxTokenLength: Int? = nil) {
        precondition(pieces.count == scores.count, "one score per piece")
        self.pieces = pieces
        self.scores = scores
        self.maxTokenLength = maxTokenLength ?? pieces.map(\.count).max() ?? 0
        var ids: [[UInt8]: Int] = [:]
        ids.reserveCapacity(pieces.count)
        for (id, piece) in pieces.enumerated() where ids[piece] == nil { ids[piece] = id }
        self.ids = ids
        bytePiece = pieces.map(Self.parseBytePiece)
    }

    /// Reads `vocabularySize` entries of a llama2.c tokenizer file.
    /// - Throws: `KernelError.fileNotFound`, `.cannotRead`, or `.malformedTokenizer` when the file ends
    ///   before every entry is read or an entry has a negative or impossible length.
    public init(path: String, vocabularySize: Int) throws {
        guard vocabularySize > 0 else {
            throw KernelError.invalidArgument("tokenizer vocabulary size must be positive, got \(vocabularySize)")
        }
        let file = try MappedFile(path: path)
        guard let head = file.bytes(at: 0, count: 4) else {
            throw KernelError.malformedTokenizer(path: path,
                reason: "file is \(file.byteCount) bytes, shorter than the 4-byte max_token_length header")
        }
        let maxLength = Int(UInt32(littleEndian: head.loadUnaligned(as: UInt32.self)))
        var pieces: [[UInt8]] = []
        var scores: [Float] = []
        pieces.reserveCapacity(vocabularySize)
        scores.reserveCapacity(vocabularySize)
        var offset = 4
        for id in 0..<vocabularySize {
            guard let entry = file.bytes(at: offset, count: 8) else {
                throw KernelError.malformedTokenizer(path: path,
                    reason: "file ends at byte \(file.byteCount) inside entry \(id) of \(vocabularySize) "
                        + "(the model's vocab_size); truncated or made for a smaller vocabulary")
            }
            let score = Float(bitPattern: UInt32(littleEndian: entry.loadUnaligned(as: UInt32.self)))
            let length = Int(Int32(littleEndian: entry.loadUnaligned(fromByteOffset: 4, as: Int32.self)))
            guard length >= 0 else {
                throw KernelError.malformedTokenizer(path: path, reason: "entry \(id) has negative length \(length)")
            }
            guard let bytes = file.bytes(at: offset + 8, count: length) else {
                throw KernelError.malformedTokenizer(path: path,
                    reason: "entry \(id) of \(vocabularySize) claims \(length) bytes but the file ends at byte "
                        + "\(file.byteCount): truncated, or not a llama2.c tokenizer")
            }
            pieces.append(Array(bytes.bindMemory(to: UInt8.self)))
            scores.append(score)
            offset += 8 + length
        }
        self.init(pieces: pieces, scores: scores, maxTokenLength: maxLength)
    }

    /// The token id of a piece, or nil.
    public func id(of piece: [UInt8]) -> Int? { ids[piece] }

    /// Encodes UTF-8 text as llama2.c's `encode` does.
    ///
    /// 1. optional BOS; 2. the dummy-prefix token `" "` when the text is not empty (SentencePiece
    /// `add_dummy_prefix`); 3. each UTF-8 code point as its own token if it is a piece, else one
    /// byte-fallback token `<0xHH>` per byte; 4. repeatedly merge the adjacent pair whose concatenation is
    /// the piece with the highest score (leftmost on ties) until no pair merges; 5. optional EOS.
    /// - Complexity: O(n²) piece look-ups for n code points (as llama2.c); prompts are short.
    public func encode(_ text: String, bos: Bool = true, eos: Bool = false) -> [Int] {
        var tokens: [Int] = []
        if bos { tokens.append(Self.bos) }
        let bytes = Array(text.utf8)
        if !bytes.isEmpty { tokens.append(id(of: [0x20]) ?? byteToken(0x20)) }
        var start = 0
        while start < bytes.count {
            // A code point: the lead byte and up to three continuation bytes (10xxxxxx).
            var end = start + 1
            while end < bytes.count, end - start < 4, bytes[end] & 0xC0 == 0x80 { end += 1 }
            let codePoint = Array(bytes[start..<end])
            if let id = id(of: codePoint) {
                tokens.append(id)
            } else {
                for byte in codePoint { tokens.append(byteToken(byte)) }
            }
            start = end
        }
        while true {
            var bestScore = -Float(1e10)
            var bestID = -1
            var bestIndex = -1
            var i = 0
            while i + 1 < tokens.count {
                if let merged = id(of: pieces[tokens[i]] + pieces[tokens[i + 1]]), scores[merged] > bestScore {
                    bestScore = scores[merged]
                    bestID = merged
                    bestIndex = i
                }
                i += 1
            }
            if bestIndex < 0 { break }
            tokens[bestIndex] = bestID
            tokens.remove(at: bestIndex + 1)
        }
        if eos { tokens.append(Self.eos) }
        return tokens
    }

    /// The bytes `token` contributes after `previous`, as llama2.c's `decode`: a leading space is dropped
    /// right after BOS, and a `<0xHH>` piece stands for the raw byte `0xHH`. Out-of-range ids give no bytes.
    public func decode(previous: Int, token: Int) -> [UInt8] {
        guard token >= 0, token < pieces.count else { return [] }
        if let byte = bytePiece[token] { return [byte] }
        let piece = pieces[token]
        if previous == Self.bos, piece.first == 0x20 { return Array(piece.dropFirst()) }
        return piece
    }

    /// Decodes a token sequence to text (invalid UTF-8 is repaired with U+FFFD).
    /// - Parameters:
    ///   - previous: the token before the first one (e.g. the last prompt token); nil when `tokens`
    ///     starts a sequence, in which case a leading BOS gives no text.
    ///   - printableOnly: drop single non-printable bytes, as llama2.c's `safe_printf`.
    public func decode(_ tokens: [Int], after previous: Int? = nil, printableOnly: Bool = false) -> String {
        var bytes: [UInt8] = []
        var last = previous
        for token in tokens {
            if last != nil || token != Self.bos {
                let piece = decode(previous: last ?? -1, token: token)
                if !printableOnly || Self.isPrintable(piece) { bytes += piece }
            }
            last = token
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether llama2.c's `safe_printf` would print these decoded bytes: a single byte must be printable
    /// ASCII or whitespace (`isprint || isspace` in the C locale, so a lone byte ≥ 0x80 is dropped).
    public static func isPrintable(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first else { return false }
        if bytes.count > 1 { return true }
        return (0x20...0x7E).contains(first) || (0x09...0x0D).contains(first)
    }

    /// The byte-fallback token for `byte` (`byte + 3`), or `<unk>` (0) if the vocabulary has no byte pieces.
    private func byteToken(_ byte: UInt8) -> Int {
        let id = Int(byte) + Self.firstByteToken
        return id < pieces.count ? id : 0
    }

    /// `<0xHH>` → HH (hex digits of either case), else nil.
    private static func parseBytePiece(_ piece: [UInt8]) -> UInt8? {
        guard piece.count == 6, piece[0] == 0x3C, piece[1] == 0x30, piece[2] == 0x78, piece[5] == 0x3E,
              let high = hexValue(piece[3]), let low = hexValue(piece[4]) else { return nil }
        return high << 4 | low
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }
}
