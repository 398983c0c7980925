import Foundation

/// Hourly weather from an NREL TMY3 CSV file (8,760 rows).
///
/// Line 1 is the station header, line 2 the column names, then one row per hour. The columns used
/// are `Dry-bulb (C)`, `Dew-point (C)` and `RHum (%)`; wet-bulb is derived (Stull 2011).
public struct TMY3File: Sendable {
    /// Station name from the header line.
    public var station: String
    /// Hourly dry-bulb temperature, °C.
    public var dryBulbCelsius: [Double]
    /// Hourly relative humidity, 0…1.
    public var relativeHumidity: [Double]

    /// A problem in the file, located by line and column.
    public struct ParseError: Error, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var column: Int
        public var message: String
        public var description: String { "\(file):\(line):\(column): error: \(message)" }
    }

    /// Reads the file at `path`.
    public init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ParseError(file: path, line: 0, column: 0, message: "cannot read the weather file")
        }
        try self.init(text: text, file: path)
    }

    /// Parses TMY3 CSV text; `file` names it in errors.
    public init(text: String, file: String) throws {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        guard lines.count >= 3 else {
            throw ParseError(file: file, line: max(lines.count, 1), column: 1, message: "a TMY3 file has a station line, a header line and hourly rows")
        }
        let station = lines[0].split(separator: ",", omittingEmptySubsequences: false)
        self.station = station.count > 1 ? station[1].replacingOccurrences(of: "\"", with: "") : String(lines[0])
        let header = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        func column(_ name: String) throws -> Int {
            guard let i = header.firstIndex(of: name) else {
                throw ParseError(file: file, line: 2, column: 1, message: "missing column '\(name)' in the header")
            }
            return i
        }
        let dry = try column("Dry-bulb (C)"), rh = try column("RHum (%)")
        var dryBulb: [Double] = [], humidity: [Double] = []
        dryBulb.reserveCapacity(8760)
        humidity.reserveCapacity(8760)
        for (index, line) in lines.enumerated().dropFirst(2) where !line.isEmpty {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            func value(_ c: Int, _ name: String, _ range: ClosedRange<Double>) throws -> Double {
                guard c < fields.count else {
                    throw ParseError(file: file, line: index + 1, column: line.count + 1, message: "row ends before column '\(name)'")
                }
                let col = fields[..<c].reduce(1) { $0 + $1.count + 1 }
                guard let v = Double(fields[c]), v.isFinite else {
                    throw ParseError(file: file, line: index + 1, column: col, message: "\(name): expected a number, found '\(fields[c])'")
                }
                guard range.contains(v) else {
                    throw ParseError(file: file, line: index + 1, column: col, message: "\(name): \(v) is outside \(range)")
                }
                return v
            }
            dryBulb.append(try value(dry, "Dry-bulb (C)", -90...60))
            humidity.append(try value(rh, "RHum (%)", 0...100) / 100)
        }
        guard !dryBulb.isEmpty else {
            throw ParseError(file: file, line: 3, column: 1, message: "no hourly rows")
        }
        self.dryBulbCelsius = dryBulb
        self.relativeHumidity = humidity
    }

    /// Wet-bulb temperature from dry-bulb T (°C) and relative humidity (0…1) by Stull's empirical
    /// formula (R. Stull, "Wet-Bulb Temperature from Relative Humidity and Air Temperature",
    /// J. Appl. Meteor. Climatol. 50, 2011), valid for RH 5–99 % and T −20…50 °C at sea-level
    /// pressure; accuracy about ±1 K. RH is clamped into 5–99 %.
    public static func stullWetBulbCelsius(dryBulbCelsius t: Double, relativeHumidity: Double) -> Double {
        let rh = min(99, max(5, relativeHumidity * 100))
        let a = t * atan(0.151977 * (rh + 8.313659).squareRoot())
        let b = atan(t + rh) - atan(rh - 1.676331)
        let c = 0.00391838 * pow(rh, 1.5) * atan(0.023101 * rh)
        return min(t, a + b + c - 4.686035)
    }
}
