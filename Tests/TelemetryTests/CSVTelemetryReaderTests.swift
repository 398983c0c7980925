import Foundation
import Telemetry
import XCTest

/// The CSV reader: rows as read, and bad telemetry refused with file, line, column and field.
final class CSVTelemetryReaderTests: XCTestCase {
    func parse(_ text: String) throws -> TelemetryTable { try CSVTelemetryReader.parse(Data(text.utf8), source: "t.csv") }

    func error(_ text: String) -> TelemetryError? {
        do { _ = try parse(text); return nil } catch let e as TelemetryError { return e } catch { return nil }
    }

    /// ISO and epoch timestamps; an empty field is NaN; comments and blank lines skipped; rows kept in file order
    /// (the repeated instant stays: the consumer counts it). 2026-03-24T00:00:00Z is 1,774,310,400 s
    /// (20,536 days × 86,400 s since 1970-01-01).
    func testRowsAsRead() throws {
        let t = try parse("# hall\ntimestamp,a,b\n2026-03-24T00:00:00Z,1.5,\n\n1774310460,2,3\n1774310460,2,3\n")
        XCTAssertEqual(t.columns, ["a", "b"])
        XCTAssertEqual(t.timestamps, [1_774_310_400, 1_774_310_460, 1_774_310_460])
        XCTAssertEqual(t.values[0][0], 1.5)
        XCTAssertTrue(t.values[0][1].isNaN)
        XCTAssertEqual(t.lines, [3, 5, 6])
    }

    /// Every refusal names the line, the column and the field.
    func testBadTelemetryIsLocated() {
        XCTAssertEqual(error("")?.message.hasPrefix("the file is empty"), true)
        XCTAssertEqual(error("timestamp,a\n")?.message, "the file has a header but no rows")
        let nan = error("timestamp,a,b\n0,1,2\n60,NaN,2\n")
        XCTAssertEqual(nan?.line, 3)
        XCTAssertEqual(nan?.column, 4)
        XCTAssertEqual(nan?.field, "a")
        XCTAssertEqual(error("timestamp,a\n0,inf\n")?.field, "a")
        XCTAssertEqual(error("timestamp,a\n0,12x\n")?.message, "'12x' is not a number")
        XCTAssertEqual(error("timestamp,a\nyesterday,1\n")?.field, "timestamp")
        XCTAssertEqual(error("timestamp,a,a\n0,1,2\n")?.field, "a")
        XCTAssertEqual(error("timestamp,a\n0,1,2\n")?.line, 2)
        let huge = "timestamp,a\n0," + String(repeating: "1", count: CSVTelemetryReader.maximumLineBytes) + "\n"
        XCTAssertEqual(error(huge)?.message.hasPrefix("the line is longer"), true)
        XCTAssertEqual(nan?.description, "t.csv:3:4: error: a: 'NaN' is not a finite value: leave the field empty for a missing sample")
    }

    /// ISO 8601 both ways: 1970-01-01T00:00:00Z = 0, 2000-03-01T12:34:56Z = 951,914,096 s (11,017 days + 45,296 s),
    /// and the string of that instant is the same text.
    func testISO8601() {
        XCTAssertEqual(ISO8601.seconds("1970-01-01T00:00:00Z"), 0)
        XCTAssertEqual(ISO8601.seconds("2000-03-01T12:34:56Z"), 951_914_096)
        XCTAssertEqual(ISO8601.string(951_914_096), "2000-03-01T12:34:56Z")
        XCTAssertEqual(ISO8601.seconds("2000-03-01T12:34:56.5Z"), 951_914_096.5)
        XCTAssertNil(ISO8601.seconds("2000-13-01T12:34:56Z"))
    }
}
