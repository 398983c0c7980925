/// The JSON document `factory-twin bench kernel` prints: decode throughput per model and batch, with
/// the machine's own bandwidth and GEMM peak measured in the same run, and how the binary was built.
public struct KernelBenchReport: Sendable, Codable, Equatable {
    /// One decode measurement.
    public struct DecodeEntry: Sendable, Codable, Equatable {
        /// Preset name (`110M`) or checkpoint file name.
        public var model: String
        /// Sequences per step.
        public var batch: Int
        /// Weight storage: `float32` or `int8`.
        public var precision: String
        /// Generated tokens per second, all sequences together.
        public var tokensPerSecond: Double
        /// Achieved GFLOP/s (KernelAccounting FLOPs / wall time).
        public var gflops: Double
        /// Achieved GB/s (KernelAccounting bytes / wall time).
        public var gbytesPerSecond: Double
        /// Milliseconds per decode step.
        public var millisecondsPerStep: Double

        /// Creates an entry from a measurement.
        public init(model: String, measurement m: DecodeMeasurement) {
            self.model = model
            batch = m.batch
            precision = m.precision.description
            tokensPerSecond = m.tokensPerSecond
            gflops = m.gflopsPerSecond
            gbytesPerSecond = m.gigabytesPerSecond
            millisecondsPerStep = 1000 * m.seconds / Double(m.steps)
        }

        private enum CodingKeys: String, CodingKey {
            case model, batch, precision, tokensPerSecond = "tokens_per_second", gflops
            case gbytesPerSecond = "gbytes_per_second", millisecondsPerStep = "milliseconds_per_step"
        }
    }

    /// One decode measurement of a reference implementation timed in the same run (`--numpy-reference`).
    public struct ReferenceEntry: Sendable, Codable, Equatable {
        /// Preset name.
        public var model: String
        /// Sequences per step.
        public var batch: Int
        /// What ran, e.g. `numpy 2.4.6`.
        public var implementation: String
        /// Generated tokens per second, all sequences together.
        public var tokensPerSecond: Double

        /// Creates an entry.
        public init(model: String, batch: Int, implementation: String, tokensPerSecond: Double) {
            self.model = model
            self.batch = batch
            self.implementation = implementation
            self.tokensPerSecond = tokensPerSecond
        }

        private enum CodingKeys: String, CodingKey {
            case model, batch, implementation, tokensPerSecond = "tokens_per_second"
        }
    }

    /// Always `kernel`.
    public var benchmark = "kernel"
    /// `synthetic` or the checkpoint name.
    public var weights: String
    /// Timed decode steps per measurement.
    public var steps: Int
    /// Timed runs per measurement (the best is reported).
    public var repetitions: Int
    /// Threads used.
    public var threads: Int
    /// The clock decode was timed with (`wall`, or `cpu` for process CPU time on a shared machine).
    public var clock: BenchClock = .wall
    /// Decode results.
    public var decode: [DecodeEntry]
    /// Reference implementations timed in the same run (empty unless asked for).
    public var references: [ReferenceEntry] = []
    /// Logit error of Int8 weights against Float32, per model (present when int8 was measured).
    public var int8Accuracy: [QuantizationAccuracy.Result]
    /// STREAM-triad bandwidth, GB/s.
    public var bandwidthTriadGBytesPerSecond: Double
    /// Read-only streaming bandwidth, GB/s.
    public var bandwidthReadGBytesPerSecond: Double
    /// GEMM peak of the kernel's own micro-kernel, GFLOP/s.
    public var gemmPeakGflops: Double
    /// How the binary was built.
    public var build: BuildInfo
    /// The machine.
    public var host: HostInfo

    /// Creates a report.
    public init(weights: String, steps: Int, repetitions: Int, threads: Int, decode: [DecodeEntry],
                references: [ReferenceEntry] = [], int8Accuracy: [QuantizationAccuracy.Result] = [],
                bandwidth: BandwidthProbe.Result, gemm: GEMMProbe.Result, build: BuildInfo, host: HostInfo) {
        self.weights = weights
        self.steps = steps
        self.repetitions = repetitions
        self.threads = threads
        self.decode = decode
        self.references = references
        self.int8Accuracy = int8Accuracy
        bandwidthTriadGBytesPerSecond = bandwidth.triadBytesPerSecond / 1e9
        bandwidthReadGBytesPerSecond = bandwidth.readBytesPerSecond / 1e9
        gemmPeakGflops = gemm.flopsPerSecond / 1e9
        self.build = build
        self.host = host
    }

    private enum CodingKeys: String, CodingKey {
        case benchmark, weights, steps, repetitions, threads, clock, decode, references, int8Accuracy = "int8_accuracy"
        case bandwidthTriadGBytesPerSecond = "bandwidth_triad_gbytes_per_second"
        case bandwidthReadGBytesPerSecond = "bandwidth_read_gbytes_per_second"
        case gemmPeakGflops = "gemm_peak_gflops", build, host
    }
}
