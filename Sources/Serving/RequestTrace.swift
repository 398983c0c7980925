import Foundation

/// Requests replayed from a CSV trace: a header `arrival_seconds,prompt_tokens,output_tokens`, then one
/// request per line. Blank lines and lines starting with `#` are skipped. Arrival times must be finite,
/// non-negative and non-decreasing; token counts positive integers. Every error names `file:line`.
public enum RequestTrace {
    /// The required header columns, in order.
    public static let columns = ["arrival_seconds", "prompt_tokens", "output_tokens"]

    /// Reads and parses the trace at `path`.
    /// - Throws: `ServingError.cannotRead`, or `ServingError.invalidTrace` for the first bad line.
    public static func load(path: String) throws -> [Request] {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw ServingError.cannotRead(path: path, reason: FileManager.default.fileExists(atPath: path)
                ? "not UTF-8 text" : "no such file")
        }
        return try parse(text, path: path)
    }

    /// Parses trace text; `path` is used in messages only.
    /// - Throws: `ServingError.invalidTrace(path:line:reason:)`.
    /// - Complexity: O(characters).
    public static func parse(_ text: String, path: String) throws -> [Request] {
        var requests: [Request] = []
        var sawHeader = false
        var lastArrival = 0.0
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = index + 1
            let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = trimmed.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if !sawHeader {
                guard fields.map({ $0.lowercased() }) == columns else {
                    throw ServingError.invalidTrace(path: path, line: line,
                        reason: "expected header '\(columns.joined(separator: ","))', found '\(trimmed)'")
                }
                sawHeader = true
                continue
            }
            guard fields.count == 3 else {
                throw ServingError.invalidTrace(path: path, line: line,
                                                reason: "expected 3 fields, found \(fields.count)")
            }
            guard let arrival = Double(fields[0]), arrival.isFinite, arrival >= 0 else {
                throw ServingError.invalidTrace(path: path, line: line,
                    reason: "arrival_seconds '\(fields[0])' is not a non-negative number")
            }
            guard arrival >= lastArrival else {
                throw ServingError.invalidTrace(path: path, line: line,
                    reason: "arrival_seconds \(arrival) is before the previous arrival \(lastArrival)")
            }
            guard let prompt = Int(fields[1]), prompt >= 1 else {
                throw ServingError.invalidTrace(path: path, line: line,
                    reason: "prompt_tokens '\(fields[1])' is not a positive integer")
            }
            guard let output = Int(fields[2]), output >= 1 else {
                throw ServingError.invalidTrace(path: path, line: line,
                    reason: "output_tokens '\(fields[2])' is not a positive integer")
            }
            lastArrival = arrival
            requests.append(Request(id: requests.count, arrivalSeconds: arrival, promptTokens: prompt,
                                    outputTokens: output))
        }
        guard sawHeader else {
            throw ServingError.invalidTrace(path: path, line: 1, reason: "empty trace: no header line")
        }
        return requests
    }
}
