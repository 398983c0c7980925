#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin helpers over POSIX sockets (IPv4 TCP) shared by `HTTPServer` and `HTTPClient`.
enum Socket {
    /// A socket call failed: which call, and `strerror(errno)`.
    struct Failure: Error, CustomStringConvertible {
        var call: String
        var message: String
        var description: String { "\(call): \(message)" }
        init(_ call: String, errno code: Int32 = errno) {
            self.call = call
            self.message = String(cString: strerror(code))
        }
    }

    /// A new TCP socket (`SOCK_CLOEXEC`, so spawned children do not inherit it).
    static func tcp() throws -> Int32 {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw Failure("socket") }
        return fd
    }

    /// `host:port` as an IPv4 socket address; `host` is a dotted quad or a name resolved with getaddrinfo.
    static func address(host: String, port: UInt16) throws -> sockaddr_in {
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = port.bigEndian
        if inet_pton(AF_INET, host, &addr.sin_addr) == 1 { return addr }
        var hints = addrinfo()
        hints.ai_family = AF_INET
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &list)
        guard status == 0, let first = list, let sa = first.pointee.ai_addr else {
            throw Failure("getaddrinfo(\(host))", errno: 0).with(message: status == 0 ? "no address" : String(cString: gai_strerror(status)))
        }
        defer { freeaddrinfo(list) }
        addr.sin_addr = sa.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr }
        return addr
    }

    /// Sets the receive and send timeouts of `fd`, s.
    static func setTimeouts(_ fd: Int32, seconds: Double) {
        var tv = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - seconds.rounded(.down)) * 1e6))
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        _ = setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Writes every byte of `bytes` (no SIGPIPE when the peer has gone: the write fails instead).
    static func sendAll(_ fd: Int32, _ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            #if canImport(Glibc)
            let n = bytes.withUnsafeBytes { send(fd, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL)) }
            #else
            let n = bytes.withUnsafeBytes { send(fd, $0.baseAddress! + sent, bytes.count - sent, 0) }
            #endif
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure("send")
            }
            sent += n
        }
    }

    /// Reads up to `maxBytes` bytes into the end of `buffer`; returns the count (0 at end of stream).
    /// - Throws: `Failure` on an error or a receive timeout (EAGAIN).
    static func receive(_ fd: Int32, into buffer: inout [UInt8], maxBytes: Int = 65_536) throws -> Int {
        var chunk = [UInt8](repeating: 0, count: maxBytes)
        while true {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress!, maxBytes, 0) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure("recv")
            }
            buffer.append(contentsOf: chunk[0..<n])
            return n
        }
    }

    /// The index just past the first `\r\n\r\n` in `buffer` at or after `from`, or nil.
    static func headEnd(_ buffer: [UInt8], from: Int = 0) -> Int? {
        guard buffer.count >= 4 else { return nil }
        var i = max(0, from - 3)
        while i + 3 < buffer.count {
            if buffer[i] == 13, buffer[i + 1] == 10, buffer[i + 2] == 13, buffer[i + 3] == 10 { return i + 4 }
            i += 1
        }
        return nil
    }
}

extension Socket.Failure {
    func with(message: String) -> Socket.Failure {
        var copy = self
        copy.message = message
        return copy
    }
}
