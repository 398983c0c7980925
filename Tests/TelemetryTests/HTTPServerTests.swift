#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Foundation
@testable import Telemetry
import XCTest

/// The scrape-target server: routes, keep-alive, bad requests, concurrent clients.
final class HTTPServerTests: XCTestCase {
    /// A server on a kernel-chosen loopback port answering `/metrics` with a fixed body, 404 elsewhere.
    func startServer() throws -> HTTPServer {
        let server = try HTTPServer(host: "127.0.0.1", port: 0) { request in
            request.path == "/metrics"
                ? HTTPResponse(status: 200, contentType: "application/openmetrics-text; version=1.0.0; charset=utf-8", body: "up 1\n# EOF\n")
                : HTTPResponse(status: 404, body: "not found\n")
        }
        server.idleTimeoutSeconds = 2
        server.start()
        addTeardownBlock { server.stop() }
        return server
    }

    /// Sends `bytes` on a fresh connection and reads until the server closes it (or 3 s pass).
    func exchange(_ server: HTTPServer, _ bytes: [UInt8]) throws -> String {
        var addr = try Socket.address(host: "127.0.0.1", port: server.port)
        let fd = try Socket.tcp()
        defer { close(fd) }
        Socket.setTimeouts(fd, seconds: 3)
        let ok = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        XCTAssertEqual(ok, 0)
        try Socket.sendAll(fd, bytes)
        var buffer: [UInt8] = []
        while (try? Socket.receive(fd, into: &buffer)) ?? 0 > 0 {}
        return String(decoding: buffer, as: UTF8.self)
    }

    /// GET /metrics gives 200 with the handler's content type and body (Content-Length = 12 bytes of "up 1\n# EOF\n");
    /// an unknown path gives 404; HEAD gives the head with the GET length and no body.
    func testRoutesStatusesAndHead() throws {
        let server = try startServer()
        let ok = try HTTPClient.get("http://127.0.0.1:\(server.port)/metrics")
        XCTAssertEqual(ok.status, 200)
        XCTAssertEqual(ok.headers["content-type"], "application/openmetrics-text; version=1.0.0; charset=utf-8")
        XCTAssertEqual(ok.text, "up 1\n# EOF\n")
        XCTAssertEqual(try HTTPClient.get("http://127.0.0.1:\(server.port)/nothing?x=1").status, 404)
        let head = try exchange(server, Array("HEAD /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8))
        XCTAssertTrue(head.hasPrefix("HTTP/1.1 200 OK\r\n"), head)
        XCTAssertTrue(head.contains("Content-Length: 11\r\n"), head)
        XCTAssertTrue(head.hasSuffix("\r\n\r\n"), "HEAD has no body: \(head)")
    }

    /// Two pipelined HTTP/1.1 requests on one connection get two responses, the first `Connection: keep-alive`, the
    /// second (which asked `Connection: close`) `close`, after which the server closes the connection.
    func testKeepAliveThenClose() throws {
        let server = try startServer()
        let text = try exchange(server, Array("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\nGET /other HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8))
        XCTAssertEqual(text.components(separatedBy: "HTTP/1.1 ").count - 1, 2, text)
        XCTAssertTrue(text.hasPrefix("HTTP/1.1 200 OK\r\n"))
        XCTAssertTrue(text.contains("Connection: keep-alive\r\n"))
        XCTAssertTrue(text.contains("HTTP/1.1 404 Not Found\r\n"))
        XCTAssertTrue(text.contains("Connection: close\r\n"))
        // HTTP/1.0 without keep-alive: one response, then the server closes.
        let old = try exchange(server, Array("GET /metrics HTTP/1.0\r\n\r\n".utf8))
        XCTAssertTrue(old.contains("Connection: close\r\n"), old)
    }

    /// Bad input gets an error status and a closed connection, never a crash: garbage → 400, a head over 16 KiB → 431,
    /// POST → 405 with `Allow`, a body → 413, a bare newline-free stream that stops → closed after the idle timeout;
    /// afterwards the server still answers 200.
    func testBadRequestsAreAnsweredAndServerKeepsServing() throws {
        let server = try startServer()
        XCTAssertTrue(try exchange(server, Array("HELLO\r\n\r\n".utf8)).hasPrefix("HTTP/1.1 400 "))
        XCTAssertTrue(try exchange(server, Array("GET /metrics HTTP/2.0\r\n\r\n".utf8)).hasPrefix("HTTP/1.1 400 "))
        XCTAssertTrue(try exchange(server, Array("GET /metrics HTTP/1.1\r\nBad Header: x\r\n\r\n".utf8)).hasPrefix("HTTP/1.1 400 "))
        XCTAssertTrue(try exchange(server, [0xff, 0xfe, 13, 10, 13, 10]).hasPrefix("HTTP/1.1 400 "))
        let huge = "GET /metrics HTTP/1.1\r\nX-Long: " + String(repeating: "a", count: 20_000) + "\r\n\r\n"
        XCTAssertTrue(try exchange(server, Array(huge.utf8)).hasPrefix("HTTP/1.1 431 "))
        let post = try exchange(server, Array("POST /metrics HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
        XCTAssertTrue(post.hasPrefix("HTTP/1.1 405 ") && post.contains("Allow: GET, HEAD\r\n"), post)
        XCTAssertTrue(try exchange(server, Array("GET /metrics HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc".utf8)).hasPrefix("HTTP/1.1 413 "))
        XCTAssertEqual(try exchange(server, Array("GET /metr".utf8)), "", "an unfinished head is closed after the idle timeout without an answer")
        XCTAssertEqual(try HTTPClient.get("http://127.0.0.1:\(server.port)/metrics").status, 200)
    }

    /// 8 clients × 25 GETs at once all get the full body: 200 answers, and the server counted 200 requests.
    func testConcurrentScrapes() throws {
        let server = try startServer()
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<25 {
                do {
                    let r = try HTTPClient.get("http://127.0.0.1:\(server.port)/metrics")
                    if r.status != 200 || r.text != "up 1\n# EOF\n" { failures.add("status \(r.status) body \(r.text)") }
                } catch {
                    failures.add("\(error)")
                }
            }
        }
        XCTAssertEqual(failures.all, [])
        XCTAssertEqual(server.requestsServed, 200)
    }

    /// A refused connection is an `HTTPClient.Failure` naming the URL; an https URL is refused before connecting.
    func testClientFailuresNameTheURL() throws {
        let port = try HTTPServerTests.freePort()
        XCTAssertThrowsError(try HTTPClient.get("http://127.0.0.1:\(port)/x", timeoutSeconds: 2)) { error in
            XCTAssertTrue("\(error)".contains("http://127.0.0.1:\(port)/x"), "\(error)")
        }
        XCTAssertThrowsError(try HTTPClient.get("https://example.org/")) { XCTAssertTrue("\($0)".contains("https")) }
    }

    /// A chunked body ("4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n", RFC 9112 §7.1's classic example) decodes to "Wikipedia".
    func testChunkedBodyDecodes() throws {
        let raw = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nWiki\r\n5;ext=1\r\npedia\r\n0\r\n\r\n"
        XCTAssertEqual(try HTTPClient.parse(Array(raw.utf8), url: "u").text, "Wikipedia")
        XCTAssertThrowsError(try HTTPClient.parse(Array("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n".utf8), url: "u"))
    }

    /// A loopback port free at the time of asking (bound to 0, read, closed).
    static func freePort() throws -> UInt16 {
        let server = try HTTPServer(host: "127.0.0.1", port: 0) { _ in HTTPResponse(status: 200, body: "") }
        return server.port
    }
}

/// Messages collected from several threads.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []
    func add(_ m: String) { lock.lock(); messages.append(m); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return messages }
}
