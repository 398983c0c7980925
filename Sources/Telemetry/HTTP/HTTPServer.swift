#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation

/// A small HTTP/1.1 server on POSIX sockets: enough for a Prometheus scrape target, nothing more.
///
/// One thread accepts; each connection is served on a global dispatch queue, so concurrent scrapes do not wait for
/// each other. Per connection: requests are read one after another (keep-alive, or `Connection: close`), a head
/// over `maxHeadBytes` gets 431, an unparsable head 400, a method other than GET/HEAD 405, a request body 413 —
/// each of the error answers closes the connection. A connection idle for `idleTimeoutSeconds` is closed. Beyond
/// `maxConnections` open connections a new one gets 503 at once. Nothing a client sends can crash the process:
/// writes to a vanished peer fail (`MSG_NOSIGNAL`) instead of raising SIGPIPE.
public final class HTTPServer: @unchecked Sendable {
    /// Answers one request (called concurrently from several connections).
    public typealias Handler = @Sendable (HTTPRequest) -> HTTPResponse

    /// The bound port (the kernel's choice when 0 was asked for).
    public let port: UInt16
    /// The bound IPv4 address.
    public let host: String
    /// Largest request head accepted, bytes.
    public var maxHeadBytes = 16_384
    /// Idle time after which a keep-alive connection is closed, s.
    public var idleTimeoutSeconds = 10.0
    /// Connections served at once.
    public var maxConnections = 64

    private let listener: Int32
    private let handler: Handler
    private let lock = NSLock()
    private var stopping = false
    private var open = 0
    private var acceptThread: Thread?
    private let finished = DispatchSemaphore(value: 0)
    /// Requests answered (all statuses), for the progress line.
    public private(set) var requestsServed = 0

    /// Binds `host:port` (IPv4; port 0 lets the kernel choose) and listens; `start()` begins accepting.
    /// - Throws: `Socket.Failure` naming the call that failed (address in use, no such address, …).
    public init(host: String, port: UInt16, handler: @escaping Handler) throws {
        var addr = try Socket.address(host: host, port: port)
        let fd = try Socket.tcp()
        var one: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { let e = Socket.Failure("bind \(host):\(port)"); close(fd); throw e }
        guard listen(fd, 128) == 0 else { let e = Socket.Failure("listen"); close(fd); throw e }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.listener = fd
        self.port = UInt16(bigEndian: actual.sin_port)
        self.host = host
        self.handler = handler
    }

    deinit { close(listener) }

    /// Starts the accept thread.
    public func start() {
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "http-accept"
        acceptThread = thread
        thread.start()
    }

    /// Stops accepting, waits for the accept thread (at most ~0.2 s); connections being served finish their request.
    public func stop() {
        lock.lock()
        let wasStopping = stopping
        stopping = true
        lock.unlock()
        if !wasStopping, acceptThread != nil { finished.wait() }
    }

    private var isStopping: Bool { lock.lock(); defer { lock.unlock() }; return stopping }

    private func acceptLoop() {
        defer { finished.signal() }
        while !isStopping {
            var pfd = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pfd, 1, 200)
            if ready <= 0 { continue }
            let client = accept(listener, nil, nil)
            if client < 0 { continue }
            lock.lock()
            let admitted = open < maxConnections
            if admitted { open += 1 }
            lock.unlock()
            Socket.setTimeouts(client, seconds: idleTimeoutSeconds)
            guard admitted else {
                try? Socket.sendAll(client, HTTPResponse(status: 503, body: "too many connections\n").serialized(keepAlive: false, includeBody: true))
                close(client)
                continue
            }
            DispatchQueue.global().async { [self] in
                serve(client)
                lingeringClose(client)
                lock.lock(); open -= 1; lock.unlock()
            }
        }
    }

    /// Serves requests on one connection until the peer closes, asks to close, errs or idles out.
    private func serve(_ fd: Int32) {
        var buffer: [UInt8] = []
        while !isStopping {
            var scanned = 0
            var end = Socket.headEnd(buffer)
            while end == nil {
                guard buffer.count <= maxHeadBytes else {
                    reply(fd, HTTPResponse(status: 431, body: "request head longer than \(maxHeadBytes) bytes\n"), keepAlive: false)
                    return
                }
                scanned = buffer.count
                guard let n = try? Socket.receive(fd, into: &buffer), n > 0 else { return }
                end = Socket.headEnd(buffer, from: scanned)
            }
            guard end! <= maxHeadBytes else {
                reply(fd, HTTPResponse(status: 431, body: "request head longer than \(maxHeadBytes) bytes\n"), keepAlive: false)
                return
            }
            let head = Array(buffer[0..<(end! - 4)])
            buffer.removeFirst(end!)
            let request: HTTPRequest
            do {
                request = try HTTPRequest.parse(head: head)
            } catch {
                reply(fd, HTTPResponse(status: 400, body: "\(error)\n"), keepAlive: false)
                return
            }
            if let length = request.headers["content-length"], length != "0" {
                reply(fd, HTTPResponse(status: 413, body: "this server takes no request bodies\n"), keepAlive: false)
                return
            }
            if request.headers["transfer-encoding"] != nil {
                reply(fd, HTTPResponse(status: 501, body: "this server takes no request bodies\n"), keepAlive: false)
                return
            }
            guard request.method == "GET" || request.method == "HEAD" else {
                reply(fd, HTTPResponse(status: 405, headers: [("Allow", "GET, HEAD")], body: "only GET and HEAD\n"), keepAlive: false)
                return
            }
            let keepAlive = request.keepAlive
            guard reply(fd, handler(request), keepAlive: keepAlive, includeBody: request.method == "GET"), keepAlive else { return }
        }
    }

    /// Closes after a half-close and a short drain of what the client still sends (RFC 9112 §9.6): closing with
    /// unread input would reset the connection and could destroy the error response before the client reads it.
    private func lingeringClose(_ fd: Int32) {
        shutdown(fd, Int32(SHUT_WR))
        Socket.setTimeouts(fd, seconds: 0.5)
        var sink: [UInt8] = []
        var drained = 0
        while drained < 1 << 20, let n = try? Socket.receive(fd, into: &sink), n > 0 {
            drained += n
            sink.removeAll(keepingCapacity: true)
        }
        close(fd)
    }

    @discardableResult
    private func reply(_ fd: Int32, _ response: HTTPResponse, keepAlive: Bool, includeBody: Bool = true) -> Bool {
        lock.lock(); requestsServed += 1; lock.unlock()
        do {
            try Socket.sendAll(fd, response.serialized(keepAlive: keepAlive, includeBody: includeBody))
            return true
        } catch {
            return false
        }
    }
}
