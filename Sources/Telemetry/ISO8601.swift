/// ISO 8601 UTC instants (`YYYY-MM-DDTHH:MM:SS[.fff]Z`) to and from seconds since 1970-01-01T00:00:00Z, by the
/// proleptic Gregorian calendar (days from civil: H. Hinnant, "chrono-Compatible Low-Level Date Algorithms").
public enum ISO8601 {
    /// Seconds since the epoch, nil when `text` is not of the form above.
    public static func seconds(_ text: String) -> Double? {
        let u = Array(text.utf8)
        guard u.count >= 20, u.last == UInt8(ascii: "Z"), u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-"),
              u[10] == UInt8(ascii: "T") || u[10] == UInt8(ascii: " "), u[13] == UInt8(ascii: ":"), u[16] == UInt8(ascii: ":") else { return nil }
        func number(_ a: Int, _ b: Int) -> Int? {
            var v = 0
            for i in a..<b { guard u[i] >= 48 && u[i] <= 57 else { return nil }; v = v * 10 + Int(u[i] - 48) }
            return v
        }
        guard let y = number(0, 4), let m = number(5, 7), let d = number(8, 10), let hh = number(11, 13),
              let mm = number(14, 16), let ss = number(17, 19), (1...12).contains(m), (1...31).contains(d),
              hh < 24, mm < 60, ss < 61 else { return nil }
        var fraction = 0.0
        if u.count > 20 {
            guard u[19] == UInt8(ascii: "."), u.count > 21, let f = Double("0" + String(decoding: u[19..<(u.count - 1)], as: UTF8.self)) else { return nil }
            fraction = f
        } else if u[19] != UInt8(ascii: "Z") { return nil }
        return Double(days(year: y, month: m, day: d) * 86_400 + hh * 3600 + mm * 60 + ss) + fraction
    }

    /// The instant `seconds` after the epoch as `YYYY-MM-DDTHH:MM:SSZ` (whole seconds, rounded down).
    public static func string(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.down))
        let z = s >= 0 ? s / 86_400 : (s - 86_399) / 86_400
        let secondOfDay = s - z * 86_400
        // civil_from_days
        let zz = z + 719_468
        let era = (zz >= 0 ? zz : zz - 146_096) / 146_097
        let doe = zz - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(y)-\(two(m))-\(two(d))T\(two(secondOfDay / 3600)):\(two(secondOfDay % 3600 / 60)):\(two(secondOfDay % 60))Z"
    }

    /// Days from 1970-01-01 to the civil date.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
