import Foundation

/// Reads an hourly utilisation CSV: one value per line in [0, 1] (a header line is allowed; `#` starts a comment).
enum HourlyLoadFile {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Largest load file read, bytes (16 MiB: a century of hourly values is about 6 MB).
    static let maximumBytes = 16 << 20

    static func read(_ url: URL) throws -> [Double] {
        try read(url, range: 0...1, quantity: "utilisation", expected: "a utilisation between 0 and 1")
    }

    /// Reads one value per line within `range`; `quantity` and `expected` phrase the messages
    /// (the economics block reads hourly electricity prices, USD/kWh, with it).
    static func read(_ url: URL, range: ClosedRange<Double>, quantity: String, expected: String) throws -> [Double] {
        // Read at most one byte more than the limit, so a huge file or a device such as /dev/zero is refused, not slurped.
        guard let handle = try? FileHandle(forReadingFrom: url),
              let data = try? handle.read(upToCount: maximumBytes + 1) ?? Data() else {
            throw Failure(description: "cannot read file \(url.path)")
        }
        try? handle.close()
        guard data.count <= maximumBytes else {
            throw Failure(description: "file \(url.path) is larger than \(maximumBytes) bytes")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Failure(description: "file \(url.path) is not UTF-8 text")
        }
        var values: [Double] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if line.isEmpty { continue }
            let field = line.split(separator: ",").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? line
            guard let v = Double(field) else {
                if values.isEmpty && index == 0 { continue }  // header
                throw Failure(description: "\(url.path):\(index + 1):1: expected \(expected), found '\(field)'")
            }
            guard v.isFinite, range.contains(v) else {
                throw Failure(description: "\(url.path):\(index + 1):1: \(quantity) \(field) is outside \(String(format: "%g", range.lowerBound))…\(String(format: "%g", range.upperBound))")
            }
            values.append(v)
        }
        if values.isEmpty { throw Failure(description: "file \(url.path) has no values") }
        return values
    }
}
