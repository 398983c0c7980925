import Foundation
import XCTest
@testable import FacilityModels

final class TMY3FileTests: XCTestCase {
    static let weather = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenarios/weather")

    /// The shipped files have 8,760 hourly rows; dry-bulb min / mean / max as the weather README states:
    /// Greensboro −16.7 / 14.4 / 35.6 °C, Sand Point −10.6 / 4.4 / 19.4 °C.
    func testShippedFiles() throws {
        for (file, lo, mean, hi) in [("tmy3-723170-greensboro-nc.csv", -16.7, 14.4, 35.6), ("tmy3-703165-sand-point-ak.csv", -10.6, 4.4, 19.4)] {
            let w = try TMY3File(path: Self.weather.appendingPathComponent(file).path)
            XCTAssertEqual(w.dryBulbCelsius.count, 8760)
            XCTAssertEqual(w.dryBulbCelsius.min()!, lo, accuracy: 1e-9)
            XCTAssertEqual(w.dryBulbCelsius.max()!, hi, accuracy: 1e-9)
            XCTAssertEqual(w.dryBulbCelsius.reduce(0, +) / 8760, mean, accuracy: 0.05)
        }
    }

    /// A malformed value is reported with its line and column and the column name.
    func testMalformedValue() {
        let text = "1,\"X\",NC,-5,0,0,0\nDate (MM/DD/YYYY),Time (HH:MM),Dry-bulb (C),RHum (%)\n01/01/1988,01:00,10.0,77\n01/01/1988,02:00,warm,80\n"
        XCTAssertThrowsError(try TMY3File(text: text, file: "w.csv")) { error in
            XCTAssertEqual("\(error)", "w.csv:4:18: error: Dry-bulb (C): expected a number, found 'warm'")
        }
        XCTAssertThrowsError(try TMY3File(text: "a\nb\n", file: "w.csv"))
    }
}
