import Foundation
import XCTest
@testable import FacilityModels

final class TMY3FileTests: XCTestCase {
    static let weather = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenarios/weather")

    /// The shipped files have 8,760 hourly rows starting at 1 January 01:00 (hour 0 of the year); dry-bulb
    /// min / mean / max as the weather README states: Greensboro −16.7 / 14.4 / 35.6 °C, Sand Point
    /// −10.6 / 4.4 / 19.4 °C (the mean to its printed 0.1 K). Header: Greensboro at 36.10 °N, 273 m.
    /// First row of Greensboro: 10.0 °C, dew point 6.1 °C, 77 %, 993 mbar.
    func testShippedFiles() throws {
        for (file, lo, mean, hi) in [("tmy3-723170-greensboro-nc.csv", -16.7, 14.4, 35.6), ("tmy3-703165-sand-point-ak.csv", -10.6, 4.4, 19.4)] {
            let w = try TMY3File(path: Self.weather.appendingPathComponent(file).path)
            XCTAssertEqual(w.dryBulbCelsius.count, 8760)
            XCTAssertEqual(w.dewPointCelsius.count, 8760)
            XCTAssertEqual(w.pressurePascals.count, 8760)
            XCTAssertEqual(w.firstHourOfYear, 0)
            XCTAssertEqual(w.dryBulbCelsius.min()!, lo, accuracy: 1e-9)
            XCTAssertEqual(w.dryBulbCelsius.max()!, hi, accuracy: 1e-9)
            XCTAssertEqual(w.dryBulbCelsius.reduce(0, +) / 8760, mean, accuracy: 0.05)
            XCTAssertTrue(zip(w.wetBulbCelsius, w.dryBulbCelsius).allSatisfy { $0 <= $1 })
            let series = try WeatherSeries(tmy3: w)
            XCTAssertEqual(series.dryBulbSummary.minimum, lo, accuracy: 1e-9)
        }
        let g = try TMY3File(path: Self.weather.appendingPathComponent("tmy3-723170-greensboro-nc.csv").path)
        XCTAssertEqual(g.stationID, "723170")
        XCTAssertEqual(g.station, "GREENSBORO PIEDMONT TRIAD INT")
        XCTAssertEqual(g.latitudeDegrees, 36.1, accuracy: 1e-12)
        XCTAssertEqual(g.elevationMeters, 273)
        XCTAssertEqual(g.dryBulbCelsius[0], 10.0)
        XCTAssertEqual(g.dewPointCelsius[0], 6.1)
        XCTAssertEqual(g.relativeHumidity[0], 0.77, accuracy: 1e-12)
        XCTAssertEqual(g.pressurePascals[0], 99_300, accuracy: 1e-9)
    }

    static let header = "1,\"X\",NC,-5,0,0,0\nDate (MM/DD/YYYY),Time (HH:MM),Dry-bulb (C),Dew-point (C),RHum (%),Pressure (mbar)\n"

    /// A malformed value is reported with its line and column (1-based; "01/01/1988,02:00," is 17
    /// characters, so the field starts at column 18) and the column name.
    func testMalformedValue() {
        let text = Self.header + "01/01/1988,01:00,10.0,6.1,77,993\n01/01/1988,02:00,warm,6.7,80,993\n"
        XCTAssertThrowsError(try TMY3File(text: text, file: "w.csv")) { error in
            XCTAssertEqual("\(error)", "w.csv:4:18: error: Dry-bulb (C): expected a number, found 'warm'")
        }
    }

    /// Other problems, each located: a missing column (line 2), a time outside 01…24 (line 3, column 12),
    /// a skipped hour (line 4), a short row (its end, column 22), an out-of-range humidity (its field starts
    /// after the 22 characters of "01/01/1988,01:00,10,6,", column 23), an empty file.
    func testLocatedErrors() {
        func message(_ text: String) -> String {
            do { _ = try TMY3File(text: text, file: "w.csv"); return "no error" } catch { return "\(error)" }
        }
        XCTAssertEqual(message("1,\"X\"\nDate (MM/DD/YYYY),Time (HH:MM),Dry-bulb (C)\n01/01/1988,01:00,1\n"),
                       "w.csv:2:1: error: Dew-point (C): missing column in the header line")
        XCTAssertEqual(message(Self.header + "01/01/1988,25:00,10,6,77,993\n"),
                       "w.csv:3:12: error: Time (HH:MM): expected an hour HH:00 with HH in 01…24, found '25:00'")
        XCTAssertEqual(message(Self.header + "01/01/1988,01:00,10,6,77,993\n01/01/1988,03:00,10,6,77,993\n"),
                       "w.csv:4:1: error: Date (MM/DD/YYYY): rows must be consecutive hours; expected hour 1 of the year, found 2")
        XCTAssertEqual(message(Self.header + "01/01/1988,01:00,10,6\n"),
                       "w.csv:3:22: error: RHum (%): the row ends before this column")
        XCTAssertEqual(message(Self.header + "01/01/1988,01:00,10,6,140,993\n"),
                       "w.csv:3:23: error: RHum (%): 140.0 is outside 0.0…100.0")
        XCTAssertTrue(message("").hasPrefix("w.csv:1:1: error:"))
        XCTAssertTrue(message("nope").contains("no such file") || message("nope").contains("station line"))
        XCTAssertThrowsError(try TMY3File(path: "/nonexistent/weather.csv")) { XCTAssertTrue("\($0)".contains("cannot read")) }
    }

    /// A file that starts on 2 January 00:00–01:00 (hour 24) and runs a full year is rotated so that the
    /// series' hour 0 is 1 January's first hour; its hour 24 is the file's first row.
    func testRotationToStartOfYear() throws {
        var text = Self.header
        for i in 0..<8760 {
            let hourOfYear = (24 + i) % 8760
            let day = hourOfYear / 24, hour = hourOfYear % 24 + 1
            let month = TMY3File.daysBeforeMonth.lastIndex(where: { $0 <= day })! + 1
            let dom = day - TMY3File.daysBeforeMonth[month - 1] + 1
            text += String(format: "%02d/%02d/1990,%02d:00,%d,0,50,1000\n", month, dom, hour, i % 40)
        }
        let file = try TMY3File(text: text, file: "rotated.csv")
        XCTAssertEqual(file.firstHourOfYear, 24)
        let series = try WeatherSeries(tmy3: file)
        XCTAssertEqual(series.conditions(hour: 24).dryBulbCelsius, 0)
        XCTAssertEqual(series.conditions(hour: 25).dryBulbCelsius, 1)
        XCTAssertEqual(series.conditions(hour: 0).dryBulbCelsius, Double((8760 - 24) % 40))
    }
}
