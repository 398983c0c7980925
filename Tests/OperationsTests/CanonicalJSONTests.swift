import XCTest
@testable import Operations

/// The canonical JSON text: one spelling per value, so lines can be hashed and compared byte for byte.
final class CanonicalJSONTests: XCTestCase {
    /// Keys sort by UTF-8 bytes ("B" 0x42 < "a" 0x61 < "b"), no whitespace; integral numbers lose their fraction,
    /// others keep Swift's shortest round-trip digits (0.1 → "0.1", 1e-5 → "1e-05", 10¹⁵ → "1000000000000000.0",
    /// 10¹⁶ → "1e+16"); −0 → 0; NaN and ±∞ become strings.
    func testObjectAndNumberSpelling() {
        let v = CanonicalJSON.object(["b": .number(70), "a": .number(0.1), "B": .array([.number(1e-5), .number(-0.0), .null]),
                                      "n": .number(.nan), "i": .number(-.infinity), "t": .bool(true), "k": .integer(-3)])
        XCTAssertEqual(v.text, #"{"B":[1e-05,0,null],"a":0.1,"b":70,"i":"-inf","k":-3,"n":"nan","t":true}"#)
        XCTAssertEqual(CanonicalJSON.format(1e15), "1000000000000000.0")
        XCTAssertEqual(CanonicalJSON.format(1e16), "1e+16")
        XCTAssertEqual(CanonicalJSON.format(999_999_999_999_999), "999999999999999")
        XCTAssertEqual(Double(CanonicalJSON.format(69.87431710226842)), 69.87431710226842)
    }

    /// Quotes, backslashes and control characters are escaped; "°C" stays UTF-8.
    func testStringEscapes() {
        XCTAssertEqual(CanonicalJSON.string("a\"b\\c\nd\u{01}70 °C").text, #""a\"b\\c\nd\u000170 °C""#)
    }

    /// `topLevelMembers` splits a line into its members without being fooled by commas, braces or quotes inside
    /// strings or nested objects, and rejects text that is not one object.
    func testTopLevelMembers() throws {
        let text = #"{"a":"x,\"}y","b":{"c":[1,{"d":2}],"e":"]"},"f":3.5}"#
        let members = try XCTUnwrap(CanonicalJSON.topLevelMembers(of: text))
        XCTAssertEqual(members.map(\.key), ["a", "b", "f"])
        XCTAssertEqual(members.map(\.value), [#""x,\"}y""#, #"{"c":[1,{"d":2}],"e":"]"}"#, "3.5"])
        XCTAssertEqual(CanonicalJSON.topLevelMembers(of: "{}")?.count, 0)
        XCTAssertNil(CanonicalJSON.topLevelMembers(of: #"{"a":1"#))
        XCTAssertNil(CanonicalJSON.topLevelMembers(of: #"{"a":1} x"#))
        XCTAssertNil(CanonicalJSON.topLevelMembers(of: "[1]"))
        XCTAssertNil(CanonicalJSON.topLevelMembers(of: #"{"a":"unterminated}"#))
    }
}
