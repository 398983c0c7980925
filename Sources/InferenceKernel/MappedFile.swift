#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only memory map of a whole file, unmapped when the last reference goes away.
///
/// Checkpoints of hundreds of megabytes are used straight from the page cache: no copy, and the
/// operating system pages weights in as the forward pass touches them.
public final class MappedFile: @unchecked Sendable {
    /// The path the file was opened from (for messages).
    public let path: String
    /// Size of the file in bytes.
    public let byteCount: Int
    /// First byte of the mapping (read-only; never written).
    public let baseAddress: UnsafeRawPointer

    /// Maps `path` read-only.
    /// - Throws: `KernelError.fileNotFound` if it does not exist, `.cannotRead` if it cannot be opened,
    ///   is not a regular file, is empty, or cannot be mapped.
    public init(path: String) throws {
        self.path = path
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw KernelError.fileNotFound(path: path) }
            throw KernelError.cannotRead(path: path, reason: String(cString: strerror(code)))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw KernelError.cannotRead(path: path, reason: "not a regular file")
        }
        guard info.st_size > 0 else { throw KernelError.cannotRead(path: path, reason: "the file is empty") }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw KernelError.cannotRead(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        let size = Int(info.st_size)
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), mapped != MAP_FAILED else {
            throw KernelError.cannotRead(path: path, reason: "mmap failed: \(String(cString: strerror(errno)))")
        }
        #if canImport(Glibc)
        // The forward pass streams the weights front to back, layer after layer.
        _ = madvise(mapped, size, MADV_WILLNEED)
        #endif
        byteCount = size
        baseAddress = UnsafeRawPointer(mapped)
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: baseAddress), byteCount)
    }

    /// The bytes `[offset, offset + count)` as a buffer, or nil when they lie outside the file.
    public func bytes(at offset: Int, count: Int) -> UnsafeRawBufferPointer? {
        guard offset >= 0, count >= 0, offset <= byteCount, count <= byteCount - offset else { return nil }
        return UnsafeRawBufferPointer(start: baseAddress + offset, count: count)
    }
}
