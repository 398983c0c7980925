import Foundation

/// Reads an hourly utilisation CSV: one value per line in [0, 1] (a header line is allowed; `#` starts a comment).
enum HourlyLoadFile {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func read(_ url: URL) throws -> [Double] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw Failure(description: "cannot read load file \(url.path)")
        }
        var values: [Double] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if line.isEmpty { continue }
            let field = line.split(separator: ",").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? line
            guard let v = Double(field) else {
                if values.isEmpty && index == 0 { continue }  // header
                throw Failure(description: "\(url.path):\(index + 1):1: expected a utilisation between 0 and 1, found '\(field)'")
            }
            guard v.isFinite, (0...1).contains(v) else {
                throw Failure(description: "\(url.path):\(index + 1):1: utilisation \(field) is outside 0…1")
            }
            values.append(v)
        }
        if values.isEmpty { throw Failure(description: "load file \(url.path) has no values") }
        return values
    }
}
