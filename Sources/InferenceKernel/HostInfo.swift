import Foundation

/// Facts about the machine a profile was measured on.
public struct HostInfo: Sendable, Codable, Equatable {
    /// CPU model (`model name` of /proc/cpuinfo), or `unknown`.
    public var cpuModel: String
    /// Active processors (`ProcessInfo.activeProcessorCount`).
    public var cores: Int
    /// Whether /proc/cpuinfo lists `avx512f`.
    public var avx512: Bool
    /// Whether /proc/cpuinfo lists `fma`.
    public var fma: Bool
    /// Physical memory, bytes.
    public var memoryBytes: UInt64
    /// Operating system version string.
    public var operatingSystem: String

    /// Reads the current machine.
    public static func current() -> HostInfo {
        let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        func field(_ name: String) -> String? {
            for line in info.split(separator: "\n") where line.hasPrefix(name) {
                if let colon = line.firstIndex(of: ":") {
                    return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
            }
            return nil
        }
        let flags = Set((field("flags") ?? "").split(separator: " ").map(String.init))
        let process = ProcessInfo.processInfo
        return HostInfo(cpuModel: field("model name") ?? "unknown", cores: process.activeProcessorCount,
                        avx512: flags.contains("avx512f"), fma: flags.contains("fma"),
                        memoryBytes: process.physicalMemory, operatingSystem: process.operatingSystemVersionString)
    }

    private enum CodingKeys: String, CodingKey {
        case cpuModel = "cpu_model", cores, avx512, fma, memoryBytes = "memory_bytes"
        case operatingSystem = "operating_system"
    }
}
