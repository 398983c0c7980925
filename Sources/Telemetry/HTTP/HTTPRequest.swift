/// One HTTP/1.x request as the server read it: request line and headers (a GET has no body worth keeping).
public struct HTTPRequest: Sendable, Equatable {
    /// `GET`, `HEAD`, … as sent (methods are case-sensitive, RFC 9110 §9.1).
    public var method: String
    /// The path of the request target, without the query (`/metrics`).
    public var path: String
    /// The query string after `?`, undecoded ("" when absent).
    public var query: String
    /// `1.0` or `1.1`.
    public var version: String
    /// Header fields, names lower-cased; a repeated field keeps its last value.
    public var headers: [String: String]

    /// Whether the connection stays open after the response: HTTP/1.1 unless `Connection: close`, HTTP/1.0 only with
    /// `Connection: keep-alive` (RFC 9112 §9.3).
    public var keepAlive: Bool {
        let connection = headers["connection"]?.lowercased() ?? ""
        let tokens = connection.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if tokens.contains("close") { return false }
        return version == "1.1" || tokens.contains("keep-alive")
    }

    /// Why a request head could not be parsed (the server answers 400 and closes the connection).
    public struct Malformed: Error, Equatable, CustomStringConvertible {
        public var reason: String
        public var description: String { "malformed HTTP request: \(reason)" }
    }

    /// Parses a request head: the bytes before the blank line that ends it (no `\r\n\r\n` included).
    /// - Throws: `Malformed` for a bad request line, an unsupported version, a header without a colon or with
    ///   whitespace before it (RFC 9112 §5.1), or non-ASCII bytes.
    public static func parse(head: [UInt8]) throws -> HTTPRequest {
        guard head.allSatisfy({ $0 < 0x80 }), let text = String(bytes: head, encoding: .ascii) else {
            throw Malformed(reason: "non-ASCII bytes in the request head")
        }
        var lines = text.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst()
        let parts = requestLine.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw Malformed(reason: "request line is not `METHOD TARGET HTTP/1.x`: \(requestLine.prefix(80))")
        }
        guard parts[0].allSatisfy({ $0.isLetter && $0.isUppercase }) else { throw Malformed(reason: "bad method \(parts[0].prefix(20))") }
        guard parts[2] == "HTTP/1.1" || parts[2] == "HTTP/1.0" else {
            throw Malformed(reason: "unsupported protocol \(parts[2].prefix(20)) (HTTP/1.0 or HTTP/1.1)")
        }
        let target = String(parts[1])
        guard target.hasPrefix("/") else { throw Malformed(reason: "request target must be a path starting with /") }
        var headers: [String: String] = [:]
        for line in lines where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex,
                  !line[line.startIndex..<colon].contains(where: { $0 == " " || $0 == "\t" }) else {
                throw Malformed(reason: "bad header line: \(line.prefix(80))")
            }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let pathEnd = target.firstIndex(of: "?") ?? target.endIndex
        let query = pathEnd < target.endIndex ? String(target[target.index(after: pathEnd)...]) : ""
        return HTTPRequest(method: String(parts[0]), path: String(target[..<pathEnd]), query: query,
                           version: String(parts[2].dropFirst(5)), headers: headers)
    }
}
