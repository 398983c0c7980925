import Foundation

/// Hourly weather from an NREL TMY3 CSV file (typically 8,760 rows).
///
/// Format (NREL TMY3 user's manual, NREL/TP-581-43156; the project's copies are described in
/// Scenarios/weather/README.md): line 1 is the station header (`id,"name",state,UTC offset,lat,lon,
/// elevation m`), line 2 the column names, then one row per hour. `Time (HH:MM)` runs 01:00 … 24:00 and
/// labels the hour that ends then (local standard time); the months of a TMY come from different years,
/// so the year in `Date (MM/DD/YYYY)` is ignored and rows must be consecutive hours of one non-leap
/// year. Columns used: `Dry-bulb (C)`, `Dew-point (C)`, `RHum (%)`, `Pressure (mbar)`; wet-bulb is
/// derived (`Psychrometrics.stullWetBulbCelsius`). Problems are reported as file:line:column with the field.
public struct TMY3File: Sendable {
    /// Station identifier (USAF number) from the header line.
    public var stationID: String
    /// Station name from the header line.
    public var station: String
    /// Latitude, degrees north (NaN when the header does not give it).
    public var latitudeDegrees: Double
    /// Longitude, degrees east.
    public var longitudeDegrees: Double
    /// Elevation, m.
    public var elevationMeters: Double
    /// Hour of the year at which the first row's hour starts (0 for 01/01 01:00).
    public var firstHourOfYear: Int
    /// Hourly dry-bulb temperature, °C.
    public var dryBulbCelsius: [Double]
    /// Hourly dew-point temperature, °C.
    public var dewPointCelsius: [Double]
    /// Hourly relative humidity, 0…1.
    public var relativeHumidity: [Double]
    /// Hourly station pressure, Pa.
    public var pressurePascals: [Double]

    /// A problem in the file, located by line and column (both 1-based) and naming the field.
    public struct ParseError: Error, CustomStringConvertible, Equatable {
        public var file: String
        public var line: Int
        public var column: Int
        /// The column name, when the problem is in one field.
        public var field: String?
        public var message: String
        public var description: String {
            "\(file):\(line):\(column): error: " + (field.map { "\($0): " } ?? "") + message
        }
    }

    /// Reads the file at `path`.
    /// - Throws: `ParseError`.
    public init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ParseError(file: path, line: 1, column: 1, field: nil, message: "cannot read the weather file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ParseError(file: path, line: 1, column: 1, field: nil, message: "the weather file is not UTF-8 text")
        }
        try self.init(text: text, file: path)
    }

    /// Parses TMY3 CSV text; `file` names it in errors.
    /// - Throws: `ParseError`.
    public init(text: String, file: String) throws {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        guard lines.count >= 3, !lines[1].isEmpty else {
            throw ParseError(file: file, line: max(min(lines.count, 2), 1), column: 1, field: nil,
                             message: "a TMY3 file has a station line, a header line and hourly rows")
        }
        let head = lines[0].split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        stationID = head.first ?? ""
        station = head.count > 1 ? head[1].replacingOccurrences(of: "\"", with: "") : String(lines[0])
        latitudeDegrees = head.count > 4 ? Double(head[4]) ?? .nan : .nan
        longitudeDegrees = head.count > 5 ? Double(head[5]) ?? .nan : .nan
        elevationMeters = head.count > 6 ? Double(head[6]) ?? .nan : .nan

        let header = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        func column(_ name: String) throws -> Int {
            guard let i = header.firstIndex(of: name) else {
                throw ParseError(file: file, line: 2, column: 1, field: name, message: "missing column in the header line")
            }
            return i
        }
        let date = try column("Date (MM/DD/YYYY)"), time = try column("Time (HH:MM)")
        let dry = try column("Dry-bulb (C)"), dew = try column("Dew-point (C)")
        let rh = try column("RHum (%)"), pressure = try column("Pressure (mbar)")

        var dryBulb: [Double] = [], dewPoint: [Double] = [], humidity: [Double] = [], pascals: [Double] = []
        dryBulb.reserveCapacity(8760); dewPoint.reserveCapacity(8760); humidity.reserveCapacity(8760); pascals.reserveCapacity(8760)
        var first: Int?, expected = 0
        for (index, line) in lines.enumerated().dropFirst(2) where !line.isEmpty {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            let lineNumber = index + 1
            func start(_ c: Int) -> Int { fields[..<c].reduce(1) { $0 + $1.count + 1 } }
            func field(_ c: Int) throws -> Substring {
                guard c < fields.count else {
                    throw ParseError(file: file, line: lineNumber, column: line.count + 1, field: header[c], message: "the row ends before this column")
                }
                return fields[c]
            }
            func number(_ c: Int, _ range: ClosedRange<Double>) throws -> Double {
                let text = try field(c)
                guard let v = Double(text.trimmingCharacters(in: .whitespaces)), v.isFinite else {
                    throw ParseError(file: file, line: lineNumber, column: start(c), field: header[c], message: "expected a number, found '\(text)'")
                }
                guard range.contains(v) else {
                    throw ParseError(file: file, line: lineNumber, column: start(c), field: header[c], message: "\(v) is outside \(range.lowerBound)…\(range.upperBound)")
                }
                return v
            }
            let hour = try TMY3File.hourOfYear(date: field(date), time: field(time)) { message, onTime in
                ParseError(file: file, line: lineNumber, column: start(onTime ? time : date), field: header[onTime ? time : date], message: message)
            }
            if let f = first {
                guard hour == (f + expected) % 8760 else {
                    throw ParseError(file: file, line: lineNumber, column: start(date), field: header[date],
                                     message: "rows must be consecutive hours; expected hour \((f + expected) % 8760) of the year, found \(hour)")
                }
            } else {
                first = hour
            }
            expected += 1
            dryBulb.append(try number(dry, -90...60))
            dewPoint.append(try number(dew, -90...60))
            humidity.append(try number(rh, 0...100) / 100)
            pascals.append(try number(pressure, 300...1100) * 100)
        }
        guard let firstHour = first else {
            throw ParseError(file: file, line: 3, column: 1, field: nil, message: "no hourly rows")
        }
        firstHourOfYear = firstHour
        dryBulbCelsius = dryBulb
        dewPointCelsius = dewPoint
        relativeHumidity = humidity
        pressurePascals = pascals
    }

    /// Cumulative days before each month of a non-leap year.
    static let daysBeforeMonth = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365]

    /// The hour of the (non-leap) year at which the row's hour starts: `MM/DD/YYYY` and `HH:MM` with
    /// HH in 1…24 labelling the hour ending then. `error(message, inTimeField)` builds the thrown error.
    static func hourOfYear(date: Substring, time: Substring, error: (String, Bool) -> ParseError) throws -> Int {
        let d = date.split(separator: "/")
        guard d.count == 3, let month = Int(d[0]), let day = Int(d[1]), (1...12).contains(month),
              day >= 1, day <= daysBeforeMonth[month] - daysBeforeMonth[month - 1] else {
            throw error("expected a date MM/DD/YYYY of a non-leap year, found '\(date)'", false)
        }
        let t = time.split(separator: ":")
        guard t.count == 2, let hour = Int(t[0]), let minute = Int(t[1]), (1...24).contains(hour), minute == 0 else {
            throw error("expected an hour HH:00 with HH in 01…24, found '\(time)'", true)
        }
        return (daysBeforeMonth[month - 1] + day - 1) * 24 + hour - 1
    }

    /// Hourly wet-bulb temperature, °C (Stull 2011 from dry-bulb and RH).
    public var wetBulbCelsius: [Double] {
        zip(dryBulbCelsius, relativeHumidity).map { Psychrometrics.stullWetBulbCelsius(dryBulbCelsius: $0, relativeHumidity: $1) }
    }
}
