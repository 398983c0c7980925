import Foundation

/// A measured kernel profile: what a token costs on this machine, written by `factory-twin calibrate`
/// and read by the serving model (schema version 1).
///
/// Every figure is `provenance: measured` on the host described in `host`, by the binary described
/// in `build`. FLOPs and bytes are `KernelAccounting` counts divided by wall time; the roofline of a
/// decode batch is `min(peak GEMM FLOP/s ÷ FLOPs per token, memory roof ÷ bytes per token)`, the memory
/// roof being the better of the triad and read probes, and `rooflineFraction` is the measured tokens/s
/// over that bound. A fraction above 1 is possible for models whose weights partly fit in the last-level
/// cache (the 15M preset's 61 MB against a 32 MB L3).
public struct KernelProfile: Sendable, Codable, Equatable {
    /// The schema this file follows; readers reject other versions.
    public static let currentSchemaVersion = 1

    /// Model measured.
    public struct Model: Sendable, Codable, Equatable {
        /// Preset name (`110M`) or checkpoint file name.
        public var name: String
        /// Shape.
        public var dimensions: ModelDimensions
        /// Weight elements stored.
        public var parameters: Int
        /// `float32` or `int8`.
        public var precision: String
        /// Bytes per weight of the measured kernel (4 for Float32, 1 + 4/group for Int8).
        public var bytesPerWeight: Double
        /// Bytes per KV-cache element (4: Float32).
        public var bytesPerActivation: Double

        private enum CodingKeys: String, CodingKey {
            case name, dimensions, parameters, precision, bytesPerWeight = "bytes_per_weight"
            case bytesPerActivation = "bytes_per_activation"
        }
    }

    /// Memory bandwidth of the host.
    public struct Bandwidth: Sendable, Codable, Equatable {
        /// STREAM-triad bandwidth, GB/s.
        public var triadGBytesPerSecond: Double
        /// Read-only streaming bandwidth, GB/s.
        public var readGBytesPerSecond: Double
        /// The roofline's memory roof, GB/s: the larger of triad and read.
        public var rooflineGBytesPerSecond: Double
        /// Bytes per array of the probe.
        public var arrayBytes: Int

        private enum CodingKeys: String, CodingKey {
            case triadGBytesPerSecond = "triad_gbytes_per_second", readGBytesPerSecond = "read_gbytes_per_second"
            case rooflineGBytesPerSecond = "roofline_gbytes_per_second"
            case arrayBytes = "array_bytes"
        }
    }

    /// GEMM peak of the kernel's own micro-kernel.
    public struct GEMMPeak: Sendable, Codable, Equatable {
        /// Achieved GFLOP/s on cache-resident matrices (the roofline's compute roof).
        public var gflops: Double
        /// `[batch, n, rows]` of the probe.
        public var shape: [Int]
    }

    /// Prefill throughput.
    public struct Prefill: Sendable, Codable, Equatable {
        /// Prompt length measured, tokens.
        public var promptTokens: Int
        /// Rows per forward call.
        public var chunk: Int
        /// Prompt tokens processed per second.
        public var tokensPerSecond: Double
        /// Achieved GFLOP/s.
        public var gflops: Double
        /// Achieved GB/s of modelled traffic.
        public var gbytesPerSecond: Double

        private enum CodingKeys: String, CodingKey {
            case promptTokens = "prompt_tokens", chunk, tokensPerSecond = "tokens_per_second", gflops
            case gbytesPerSecond = "gbytes_per_second"
        }
    }

    /// Decode throughput at one batch size.
    public struct Decode: Sendable, Codable, Equatable {
        /// Sequences per step.
        public var batch: Int
        /// Generated tokens per second, all sequences.
        public var tokensPerSecond: Double
        /// Achieved GFLOP/s.
        public var gflops: Double
        /// Achieved GB/s of modelled traffic.
        public var gbytesPerSecond: Double
        /// FLOPs per generated token (mean over the timed steps).
        public var flopsPerToken: Double
        /// Bytes moved per generated token (mean over the timed steps).
        public var bytesPerToken: Double
        /// Roofline bound, tokens/s.
        public var rooflineTokensPerSecond: Double
        /// Measured ÷ roofline.
        public var rooflineFraction: Double
        /// `memory` or `compute`: which roof binds.
        public var bound: String
        /// Positions of the timed steps' tokens, `[first, last]`.
        public var positions: [Int]

        private enum CodingKeys: String, CodingKey {
            case batch, tokensPerSecond = "tokens_per_second", gflops, gbytesPerSecond = "gbytes_per_second"
            case flopsPerToken = "flops_per_token", bytesPerToken = "bytes_per_token"
            case rooflineTokensPerSecond = "roofline_tokens_per_second", rooflineFraction = "roofline_fraction"
            case bound, positions
        }
    }

    /// Version of this file's schema (`currentSchemaVersion` when written).
    public var schemaVersion: Int
    /// Always `measured` for files this kernel writes.
    public var provenance: String
    /// ISO-8601 time of the measurement.
    public var created: String
    /// Program that wrote the file, e.g. `factory-twin 0.1.0 calibrate`.
    public var tool: String
    /// The machine measured.
    public var host: HostInfo
    /// The binary that measured.
    public var build: BuildInfo
    /// `synthetic` or the checkpoint's file name.
    public var weights: String
    /// The model measured.
    public var model: Model
    /// Threads used.
    public var threads: Int
    /// Timed decode steps per batch size.
    public var decodeSteps: Int
    /// Timed runs per measurement (best kept).
    public var repetitions: Int
    /// Memory roof.
    public var memoryBandwidth: Bandwidth
    /// Compute roof.
    public var gemmPeak: GEMMPeak
    /// Prefill throughput.
    public var prefill: Prefill
    /// Decode throughput per batch size.
    public var decode: [Decode]
    /// Training-step throughput (absent from profiles written before it was measured; still schema version 1).
    public var training: Training?

    private enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", provenance, created, tool, host, build, weights, model, threads
        case decodeSteps = "decode_steps", repetitions, memoryBandwidth = "memory_bandwidth"
        case gemmPeak = "gemm_peak", prefill, decode, training
    }

    /// Pretty-printed JSON with sorted keys.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Writes the profile atomically: to a temporary file in the same directory, then `rename(2)`, so a
    /// reader never sees half a file. Creates the directory if needed.
    /// - Throws: `KernelError.cannotWrite` naming the path and the system's reason.
    public func write(toPath path: String) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try jsonData().write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw KernelError.cannotWrite(path: path, reason: error.localizedDescription)
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw KernelError.cannotWrite(path: path, reason: reason)
        }
    }

    /// Reads a profile and checks its schema version.
    /// - Throws: `KernelError.fileNotFound`, `.cannotRead` (not JSON of this schema, or another version).
    public static func load(path: String) throws -> KernelProfile {
        guard FileManager.default.fileExists(atPath: path) else { throw KernelError.fileNotFound(path: path) }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw KernelError.cannotRead(path: path, reason: error.localizedDescription)
        }
        struct Version: Decodable { let schema_version: Int }
        guard let version = try? JSONDecoder().decode(Version.self, from: data) else {
            throw KernelError.cannotRead(path: path, reason: "not a kernel profile (no integer schema_version)")
        }
        guard version.schema_version == currentSchemaVersion else {
            throw KernelError.cannotRead(path: path,
                reason: "schema_version \(version.schema_version), this program reads \(currentSchemaVersion)")
        }
        do { return try JSONDecoder().decode(KernelProfile.self, from: data) } catch {
            throw KernelError.cannotRead(path: path, reason: "invalid kernel profile: \(error)")
        }
    }
}
