import XCTest
@testable import Operations

/// SHA-256 against the FIPS 180-4 example vectors (NIST CSRC "Examples with Intermediate Values", SHA256.pdf
/// and SHA2_Additional.pdf). The expected digests are the published ones, copied, not computed here.
final class SHA256Tests: XCTestCase {
    /// One-block message "abc" (FIPS 180-4 example B.1): ba7816bf…f20015ad.
    func testOneBlockMessage() {
        XCTAssertEqual(SHA256.hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    /// Two-block message "abcdbcde…nopq" (448 bits, example B.2): the padding needs a second block.
    func testTwoBlockMessage() {
        XCTAssertEqual(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    /// The empty message (NIST additional example): e3b0c442…7852b855.
    func testEmptyMessage() {
        XCTAssertEqual(SHA256.hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    /// 896-bit message "abcdefghbcdefghi…nopqrstu" (the FIPS 180-2 SHA-384/512 two-block test string; its published
    /// SHA-256 digest cf5b16a7…7afee9d1 in the common test-vector lists, e.g. di-mgt.com.au "SHA test vectors").
    func testEightHundredNinetySixBitMessage() {
        let message = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
        XCTAssertEqual(SHA256.hex(message), "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    }

    /// One million repetitions of "a" (FIPS 180-2 example B.3, long message): cdc76e5c…c7112cd0; fed in uneven
    /// chunks, so block boundaries fall inside `update` calls.
    func testMillionAs() {
        var h = SHA256()
        let chunk = [UInt8](repeating: 0x61, count: 999)
        var fed = 0
        while fed + chunk.count <= 1_000_000 { h.update(chunk); fed += chunk.count }
        h.update([UInt8](repeating: 0x61, count: 1_000_000 - fed))
        XCTAssertEqual(SHA256.hexString(h.finalize()), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Messages of 55, 56 and 64 bytes straddle the padding boundary (55 bytes + 0x80 + length fit one block,
    /// 56 do not). Fed at once or byte by byte they must hash alike; the 55- and 56-byte "a…a" digests are those of an
    /// independent implementation (Python's hashlib, OpenSSL), copied here.
    func testPaddingBoundaries() {
        for n in [55, 56, 63, 64, 65] {
            let bytes = [UInt8](repeating: 0x62, count: n)
            var h = SHA256()
            for b in bytes { h.update([b]) }
            XCTAssertEqual(SHA256.hash(bytes), h.finalize(), "length \(n)")
        }
        XCTAssertEqual(SHA256.hex(String(repeating: "a", count: 55)), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        XCTAssertEqual(SHA256.hex(String(repeating: "a", count: 56)), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
    }
}
