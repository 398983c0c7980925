extension KernelProfile {
    /// A measured CPU training step (forward, backward, AdamW) and the fraction of the GEMM roof it reached.
    ///
    /// The section is optional in schema version 1: profiles written before it existed (such as an older
    /// `Scenarios/profiles/cpu-110M.json`) still load, and a reader that needs it says it is missing.
    public struct Training: Sendable, Codable, Equatable {
        /// Model trained (preset name or checkpoint file name).
        public var model: String
        /// Sequences per step and positions per sequence.
        public var batch: Int
        public var sequenceLength: Int
        /// Timed steps.
        public var steps: Int
        /// Trained tokens per second.
        public var tokensPerSecond: Double
        /// Model FLOPs per trained token by `convention`.
        public var modelFlopsPerToken: Double
        /// Achieved model GFLOP/s.
        public var gflops: Double
        /// The GEMM-probe peak (wall clock) measured in the same session, GFLOP/s.
        public var gemmPeakGflops: Double
        /// The training compute efficiency the step-time model transfers to accelerators: the median over timed steps
        /// of each step's model FLOPs per processor-second over the GEMM roof's, probed just before it
        /// (`TrainingBenchmark.Measurement.pairedRooflineFraction`), or gflops ÷ gemmPeakGflops (wall clock) when
        /// the steps were not probed one by one.
        public var rooflineFraction: Double
        /// The FLOP-counting rule, with its sources.
        public var convention: String
        /// The binary that measured this section (it may differ from the profile's `build` when the section was
        /// added later with `calibrate --training-only`), e.g. `release, generic x86-64`.
        public var build: String?

        /// The convention `TrainingBenchmark` counts by.
        public static let paLMConvention = "6·N + 12·L·dim·T model FLOPs per token, N = parameters read by matmuls "
            + "(Kaplan et al. 2020 §2.1, C ≈ 6N; Chowdhery et al. 2022 PaLM appendix B)"

        /// The section for a measurement and the GEMM peak of the same session.
        public init(_ m: TrainingBenchmark.Measurement, gemmPeakFlopsPerSecond: Double) {
            model = m.model
            batch = m.batch
            sequenceLength = m.sequenceLength
            steps = m.steps
            tokensPerSecond = m.tokensPerSecond
            modelFlopsPerToken = m.modelFlopsPerToken
            gflops = m.gflops
            gemmPeakGflops = gemmPeakFlopsPerSecond / 1e9
            rooflineFraction = m.pairedRooflineFraction ?? m.gflops * 1e9 / gemmPeakFlopsPerSecond
            convention = Self.paLMConvention
            build = BuildInfo.current.label
        }

        private enum CodingKeys: String, CodingKey {
            case model, batch, sequenceLength = "sequence_length", steps, tokensPerSecond = "tokens_per_second"
            case modelFlopsPerToken = "model_flops_per_token", gflops, gemmPeakGflops = "gemm_peak_gflops"
            case rooflineFraction = "roofline_fraction", convention, build
        }
    }
}
