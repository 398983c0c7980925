import XCTest
@testable import Scenario

final class QuantityParserTests: XCTestCase {
    /// Conversions by definition: 70 °F = (70 − 32)·5/9 = 21.111 °C; 343.15 K = 70 °C; 8760 h = 31,536,000 s;
    /// 1.5 L/min/kW = 1.5e-3 m³ / 60 s / 1000 W = 2.5e-8 m³/s/W; 95 % = 0.95; 2 MW = 2e6 W; 1 kWh = 3.6e6 J.
    func testConversions() throws {
        XCTAssertEqual(try QuantityParser.parse("70°C", as: .temperature), 70)
        XCTAssertEqual(try QuantityParser.parse("70 °C", as: .temperature), 70)
        XCTAssertEqual(try QuantityParser.parse("343.15 K", as: .temperature), 70, accuracy: 1e-12)
        XCTAssertEqual(try QuantityParser.parse("70°F", as: .temperature), 21.111111111111, accuracy: 1e-9)
        XCTAssertEqual(try QuantityParser.parse("9 °F", as: .temperatureDifference), 5, accuracy: 1e-12)
        XCTAssertEqual(try QuantityParser.parse("700 W", as: .power), 700)
        XCTAssertEqual(try QuantityParser.parse("2 MW", as: .power), 2e6)
        XCTAssertEqual(try QuantityParser.parse("8760h", as: .time), 31_536_000)
        XCTAssertEqual(try QuantityParser.parse("20 min", as: .time), 1200)
        XCTAssertEqual(try QuantityParser.parse("1.5 L/min/kW", as: .flowPerPower), 2.5e-8, accuracy: 1e-20)
        XCTAssertEqual(try QuantityParser.parse("95 %", as: .fraction), 0.95, accuracy: 1e-15)
        XCTAssertEqual(try QuantityParser.parse("1 kWh", as: .energy), 3.6e6)
        XCTAssertEqual(try QuantityParser.parse("-5.5e1", as: .temperature), -55)
        XCTAssertEqual(try QuantityParser.parse("700", as: .power), 700, "a bare number is in the canonical unit")
    }

    /// Wrong units, non-numbers and non-finite values are refused with a message naming the problem.
    func testRejections() {
        XCTAssertThrowsError(try QuantityParser.parse("70 W", as: .temperature)) { error in
            XCTAssertTrue("\(error)".contains("unknown unit 'W'"), "\(error)")
        }
        XCTAssertThrowsError(try QuantityParser.parse("700 kw", as: .temperature))
        XCTAssertThrowsError(try QuantityParser.parse("hot", as: .temperature)) { error in
            XCTAssertTrue("\(error)".contains("expected a number"), "\(error)")
        }
        XCTAssertThrowsError(try QuantityParser.parse("nan", as: .power))
        XCTAssertThrowsError(try QuantityParser.parse("1e999 W", as: .power))
        XCTAssertThrowsError(try QuantityParser.parse("", as: .power))
        XCTAssertThrowsError(try QuantityParser.parse("1.5 L/mn/kW", as: .flowPerPower)) { error in
            XCTAssertTrue("\(error)".contains("did you mean 'L/min/kW'"), "\(error)")
        }
    }

    /// Levenshtein distances by hand: kitten → sitting = 3; identical = 0; a misspelt key gets a suggestion.
    func testSuggestions() {
        XCTAssertEqual(Suggestion.editDistance("kitten", "sitting"), 3)
        XCTAssertEqual(Suggestion.editDistance("same", "same"), 0)
        XCTAssertEqual(Suggestion.closest(to: "redundancyy", among: ["redundancy", "primary"]), "redundancy")
        XCTAssertNil(Suggestion.closest(to: "zzzzzz", among: ["redundancy", "primary"]))
        // A prefix of a candidate suggests it ("H100" is the start of "H100-SXM", 4 edits away, while "H200" is 1 edit away).
        XCTAssertEqual(Suggestion.closest(to: "H100", among: ["A100-SXM", "H100-SXM", "H200"]), "H100-SXM")
        // One letter against one letter is distance 1 = the length: no suggestion ('W' is not a misspelt 'C').
        XCTAssertNil(Suggestion.closest(to: "W", among: ["C", "F", "K"]))
    }
}
