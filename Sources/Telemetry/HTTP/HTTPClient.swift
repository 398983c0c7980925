#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A minimal blocking HTTP/1.1 GET client on POSIX sockets (plain `http://` only), for Prometheus's HTTP API and for
/// scraping `/metrics` in tests. Sends `Connection: close`, reads to the end of the stream, and decodes a
/// `Content-Length` or `Transfer-Encoding: chunked` body.
public enum HTTPClient {
    /// A response: status code, header fields (names lower-cased) and body bytes.
    public struct Response: Sendable {
        public var status: Int
        public var headers: [String: String]
        public var body: [UInt8]
        /// The body as UTF-8 text (invalid bytes replaced).
        public var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// Why a GET failed before a response was read.
    public struct Failure: Error, CustomStringConvertible {
        public var url: String
        public var reason: String
        public var description: String { "GET \(url): \(reason)" }
    }

    /// Largest response read, bytes (a larger one is an error rather than memory exhaustion).
    public static let maxResponseBytes = 512 << 20

    /// GETs `url` (`http://host[:port]/path?query`, query already percent-encoded).
    /// - Parameter timeoutSeconds: connect, send and each receive wait at most this long, s.
    /// - Throws: `Failure` for a URL that is not plain http, a name that does not resolve, a refused connection, a
    ///   timeout, or a response that is not HTTP/1.x.
    public static func get(_ url: String, timeoutSeconds: Double = 10) throws -> Response {
        guard let parsed = URL(string: url), parsed.scheme?.lowercased() == "http", let host = parsed.host, !host.isEmpty else {
            throw Failure(url: url, reason: "not a plain http:// URL with a host (https is not supported: put a local reverse proxy in front)")
        }
        let port = UInt16(parsed.port ?? 80)
        var target = parsed.path.isEmpty ? "/" : parsed.path
        if let query = parsed.query { target += "?" + query }
        let fd: Int32
        do {
            var addr = try Socket.address(host: host, port: port)
            fd = try Socket.tcp()
            Socket.setTimeouts(fd, seconds: timeoutSeconds)
            let status = withUnsafePointer(to: &addr) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            if status != 0 { let e = Socket.Failure("connect to \(host):\(port)"); close(fd); throw e }
        } catch {
            throw Failure(url: url, reason: "\(error)")
        }
        defer { close(fd) }
        let request = "GET \(target) HTTP/1.1\r\nHost: \(host):\(port)\r\nUser-Agent: factory-twin\r\nAccept: */*\r\nConnection: close\r\n\r\n"
        var buffer: [UInt8] = []
        do {
            try Socket.sendAll(fd, Array(request.utf8))
            while try Socket.receive(fd, into: &buffer) > 0 {
                if buffer.count > maxResponseBytes { throw Failure(url: url, reason: "response longer than \(maxResponseBytes) bytes") }
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(url: url, reason: "\(error)\(buffer.isEmpty ? "" : " after \(buffer.count) bytes")")
        }
        return try parse(buffer, url: url)
    }

    /// Parses a whole response (head and body as read to the end of the stream).
    static func parse(_ bytes: [UInt8], url: String) throws -> Response {
        guard let end = Socket.headEnd(bytes) else { throw Failure(url: url, reason: "no complete HTTP response head (\(bytes.count) bytes read)") }
        let head = String(decoding: bytes[0..<(end - 4)], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ", maxSplits: 2)
        guard statusParts.count >= 2, statusParts[0].hasPrefix("HTTP/1."), let status = Int(statusParts[1]) else {
            throw Failure(url: url, reason: "not an HTTP/1.x status line: \(head[0].prefix(80))")
        }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(bytes[end...])
        if headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            body = try dechunk(body, url: url)
        } else if let length = headers["content-length"].flatMap(Int.init) {
            guard body.count >= length else { throw Failure(url: url, reason: "body cut short: \(body.count) of \(length) bytes") }
            body = Array(body[0..<length])
        }
        return Response(status: status, headers: headers, body: body)
    }

    /// Decodes a chunked body (RFC 9112 §7.1; chunk extensions and trailers ignored).
    static func dechunk(_ bytes: [UInt8], url: String) throws -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while true {
            guard let lineEnd = (i..<max(i, bytes.count - 1)).first(where: { bytes[$0] == 13 && bytes[$0 + 1] == 10 }) else {
                throw Failure(url: url, reason: "chunked body cut short")
            }
            let sizeText = String(decoding: bytes[i..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size >= 0 else {
                throw Failure(url: url, reason: "bad chunk size \(sizeText.prefix(20))")
            }
            i = lineEnd + 2
            if size == 0 { return out }
            guard i + size <= bytes.count else { throw Failure(url: url, reason: "chunked body cut short") }
            out.append(contentsOf: bytes[i..<(i + size)])
            i += size + 2
        }
    }
}
