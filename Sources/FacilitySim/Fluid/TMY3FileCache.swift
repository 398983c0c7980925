import FacilityModels
import Foundation

/// Parsed TMY3 weather files shared by every run of the process, keyed by path, size and modification time.
///
/// Replications and sweep points of one scenario read the same weather file; parsing its 8,760 lines took about
/// 70 % of a replication of the reference year (perf, release build), ten times the simulation itself. A file
/// changed on disk (other size or modification time) is parsed again; at most `capacity` files are kept.
enum TMY3FileCache {
    /// Largest number of files kept (a sweep over weather files may name several).
    static let capacity = 16

    private final class Storage: @unchecked Sendable {
        let lock = NSLock()
        var files: [String: TMY3File] = [:]
    }

    private static let storage = Storage()

    /// The parsed file at `path`, from the cache when the file is unchanged.
    /// - Throws: what `TMY3File(path:)` throws (unreadable or malformed file).
    static func file(atPath path: String) throws -> TMY3File {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = attributes[.size] as? NSNumber, let modified = attributes[.modificationDate] as? Date else {
            return try TMY3File(path: path)
        }
        let key = "\(size.int64Value)\u{0}\(modified.timeIntervalSince1970)\u{0}\(path)"
        storage.lock.lock()
        if let cached = storage.files[key] { storage.lock.unlock(); return cached }
        storage.lock.unlock()
        let parsed = try TMY3File(path: path)
        storage.lock.lock(); defer { storage.lock.unlock() }
        if storage.files.count >= capacity { storage.files.removeAll() }
        storage.files[key] = parsed
        return parsed
    }
}
