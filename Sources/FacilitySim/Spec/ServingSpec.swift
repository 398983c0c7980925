/// The scenario's `serving:` block (issue 5): which model the GPUs serve, how iteration times are
/// calibrated, where requests come from and how servers batch them.
///
/// ```yaml
/// serving:
///   model: Llama-3.1-8B            # preset: Llama-3.1-8B | Llama-2-70B | Llama-3-70B | 15M | 42M | 110M
///   precision: fp8                 # bf16 | fp8 | fp32 (weights and KV cache)
///   tensor_parallel: 1             # GPUs per model replica (divides gpus_per_server)
///   efficiency:
///     source: kernel_profile       # kernel_profile | published | ideal
///     kernel_profile: profiles/cpu-110M.json   # relative to the scenario file (this is the default)
///     compute: 0.6                 # optional overrides of the profile's fractions
///     memory: 0.7
///     iteration_overhead: 0 ms
///   arrivals:
///     process: load                # load | poisson | diurnal | trace
///   prompt_tokens: {distribution: lognormal, mean: 300, standard_deviation: 300}
///   output_tokens: {distribution: lognormal, mean: 300, standard_deviation: 300}
///   max_tokens: 1023
///   scheduler: {max_batch_size: 256, max_batched_tokens: 8192, chunked_prefill: disabled, kv_memory_fraction: 90 %}
///   load_balancer: least_outstanding_tokens
/// ```
///
/// Fluid fidelity uses the model, efficiencies, lengths and scheduler to find the tokens one GPU makes per
/// second at saturating load (`ServingRate`); request fidelity simulates every request and iteration.
public struct ServingSpec: Sendable, Equatable {
    /// Storage precision of weights and KV cache.
    public enum Precision: String, Sendable, CaseIterable {
        case bf16, fp8, fp32

        /// Bytes per weight and per KV-cache element.
        public var bytes: Double {
            switch self {
            case .bf16: 2
            case .fp8: 1
            case .fp32: 4
            }
        }
    }

    /// Where the roofline efficiencies come from.
    public enum EfficiencySource: String, Sendable, CaseIterable {
        /// A `factory-twin calibrate` profile (`kernelProfilePath`): provenance *calibrated*.
        case kernelProfile = "kernel_profile"
        /// `EfficiencyProfile.publishedGPU`: compute 0.40, memory 0.70, provenance *cited*.
        case published
        /// Both efficiencies 1: the ideal roofline (bounds).
        case ideal
    }

    /// When requests arrive (request fidelity).
    public enum Arrivals: Sendable, Equatable {
        /// Follows the `load` block: Poisson at utilisation(hour) × the facility's saturated request rate.
        case load
        /// Homogeneous Poisson, requests/s over the whole facility.
        case poisson(ratePerSecond: Double)
        /// Non-homogeneous Poisson `mean·(1 + amplitude·cos(2π(h − peakHour)/24))` by thinning, h the hour of day.
        case diurnal(meanPerSecond: Double, amplitude: Double, peakHour: Double)
        /// A CSV trace `arrival_seconds,prompt_tokens,output_tokens` (absolute path).
        case trace(path: String)
    }

    /// A distribution of token counts (sampled, rounded, clamped to [1, maxTokens]).
    public enum LengthDistribution: Sendable, Equatable {
        case constant(Double)
        /// Lognormal with the given mean and standard deviation of the length itself.
        case lognormal(mean: Double, standardDeviation: Double)
        case exponential(mean: Double)
        case uniform(lower: Double, upper: Double)
    }

    /// How arriving requests are spread over model replicas.
    public enum BalancerPolicy: String, Sendable, CaseIterable {
        case roundRobin = "round_robin"
        case leastOutstandingTokens = "least_outstanding_tokens"
    }

    /// Target-model preset name (`TargetModel.named`).
    public var model: String
    public var precision: Precision
    /// GPUs per model replica (tensor parallelism inside a server).
    public var tensorParallel: Int
    public var efficiencySource: EfficiencySource
    /// Kernel profile JSON (absolute path) used when `efficiencySource` is `kernelProfile`.
    public var kernelProfilePath: String?
    /// Overrides of the compute and memory efficiencies, fractions in (0, 1].
    public var computeEfficiency: Double?
    public var memoryEfficiency: Double?
    /// Fixed time per iteration, s. Assumption default 0: the serving runtime overlaps scheduling with GPU work
    /// (the MLPerf anchors were computed with it).
    public var iterationOverheadSeconds: Double
    public var arrivals: Arrivals
    public var promptTokens: LengthDistribution
    public var outputTokens: LengthDistribution
    /// Largest prompt or output length, tokens.
    public var maxTokens: Int
    /// vLLM `max_num_seqs` (default 256), `max_num_batched_tokens` (default 8192), chunked prefill (default off).
    public var maxBatchSize: Int
    public var maxBatchedTokens: Int
    public var chunkedPrefill: Bool
    /// Share of HBM usable for weights and KV cache (vLLM `gpu_memory_utilization`, default 0.9).
    public var kvMemoryFraction: Double
    public var loadBalancer: BalancerPolicy

    /// Creates a block; the defaults are the ones documented in docs/scenario-reference.md.
    ///
    /// Length defaults: Assumption: lognormal, mean 300 and standard deviation 300 tokens, clamped below 1,024
    /// (the MLPerf OpenOrca subset caps inputs and outputs at 1,024 tokens; the means are not verified).
    public init(model: String = "Llama-3.1-8B", precision: Precision = .bf16, tensorParallel: Int = 1,
                efficiencySource: EfficiencySource = .kernelProfile, kernelProfilePath: String? = nil,
                computeEfficiency: Double? = nil, memoryEfficiency: Double? = nil, iterationOverheadSeconds: Double = 0,
                arrivals: Arrivals = .load,
                promptTokens: LengthDistribution = .lognormal(mean: 300, standardDeviation: 300),
                outputTokens: LengthDistribution = .lognormal(mean: 300, standardDeviation: 300),
                maxTokens: Int = 1023, maxBatchSize: Int = 256, maxBatchedTokens: Int = 8192, chunkedPrefill: Bool = false,
                kvMemoryFraction: Double = 0.9, loadBalancer: BalancerPolicy = .leastOutstandingTokens) {
        self.model = model
        self.precision = precision
        self.tensorParallel = tensorParallel
        self.efficiencySource = efficiencySource
        self.kernelProfilePath = kernelProfilePath
        self.computeEfficiency = computeEfficiency
        self.memoryEfficiency = memoryEfficiency
        self.iterationOverheadSeconds = iterationOverheadSeconds
        self.arrivals = arrivals
        self.promptTokens = promptTokens
        self.outputTokens = outputTokens
        self.maxTokens = maxTokens
        self.maxBatchSize = maxBatchSize
        self.maxBatchedTokens = maxBatchedTokens
        self.chunkedPrefill = chunkedPrefill
        self.kvMemoryFraction = kvMemoryFraction
        self.loadBalancer = loadBalancer
    }
}
