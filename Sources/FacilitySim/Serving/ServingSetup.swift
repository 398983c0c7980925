import FacilityModels
import Serving
import SimMath

/// A scenario's `serving:` block turned into the Serving values both fidelities drive: the target model,
/// its roofline iteration-time model on the facility's accelerator, one replica's batching limits and the
/// token-length distributions.
public struct ServingSetup: Sendable {
    /// The model served at the block's precision.
    public let model: TargetModel
    /// Iteration time of one replica at full clock.
    public let timing: IterationTimeModel
    /// One replica's continuous-batching limits (KV capacity from the replica's HBM).
    public let scheduler: SchedulerConfiguration
    /// GPUs per replica.
    public let tensorParallel: Int
    /// Prompt and output lengths, tokens.
    public let promptTokens: Distribution
    public let outputTokens: Distribution
    /// Largest prompt or output length, tokens.
    public let maxTokens: Int
    /// The block.
    public let spec: ServingSpec

    /// Names of the model presets (`TargetModel.presets`), for messages.
    public static var knownModelNames: [String] { TargetModel.presets.map(\.name) + ["15M", "42M", "110M"] }

    /// Whether `name` is a preset (case-insensitive).
    public static func isKnownModel(_ name: String) -> Bool { (try? TargetModel.named(name)) != nil }

    /// Builds the set-up for `accelerator`.
    /// - Throws: `ServingError` for an unknown model, weights that do not fit the replica, a kernel profile that
    ///   cannot be read or has no usable entries, or invalid length distributions; `KernelError` for a bad profile.
    public init(spec: ServingSpec, accelerator: AcceleratorSpec) throws {
        self.spec = spec
        let bytes = spec.precision.bytes
        model = try TargetModel.named(spec.model).withPrecision(bytesPerWeight: bytes, bytesPerKVElement: bytes)
        let parallelism = spec.tensorParallel == 1 ? TensorParallelism.single : try TensorParallelism.nvlink4(degree: spec.tensorParallel)
        let efficiency = try ServingSetup.efficiency(spec)
        timing = try IterationTimeModel(model: model, accelerator: accelerator, parallelism: parallelism, efficiency: efficiency)
        scheduler = try SchedulerConfiguration.forReplica(
            model: model, accelerator: accelerator, parallelism: parallelism, memoryUtilisation: spec.kvMemoryFraction,
            maxBatchSize: spec.maxBatchSize, maxBatchedTokens: spec.maxBatchedTokens, chunkedPrefill: spec.chunkedPrefill)
        tensorParallel = spec.tensorParallel
        promptTokens = ServingSetup.distribution(spec.promptTokens)
        outputTokens = ServingSetup.distribution(spec.outputTokens)
        maxTokens = spec.maxTokens
        let kvNeeded = 2 * maxTokens
        guard kvNeeded <= scheduler.kvCapacityTokens else {
            throw ServingError.invalidConfiguration(field: "max_tokens",
                reason: "a request of \(maxTokens) prompt + \(maxTokens) output tokens needs \(kvNeeded) tokens of KV cache, "
                    + "more than the replica's \(scheduler.kvCapacityTokens)")
        }
        _ = try RequestGenerator(arrivals: .poisson(ratePerSecond: 1), promptTokens: promptTokens, outputTokens: outputTokens,
                                 maxTokens: maxTokens)
    }

    /// The request generator for `arrivals` with this set-up's lengths.
    /// - Throws: `ServingError.invalidConfiguration` for invalid arrival parameters.
    public func generator(arrivals: ArrivalProcess) throws -> RequestGenerator {
        try RequestGenerator(arrivals: arrivals, promptTokens: promptTokens, outputTokens: outputTokens, maxTokens: maxTokens)
    }

    /// Efficiencies: from the kernel profile (calibrated), the published GPU figures (cited) or the ideal roofline,
    /// with the block's overrides (cited as the scenario's) and its iteration overhead.
    static func efficiency(_ spec: ServingSpec) throws -> EfficiencyProfile {
        let overhead = SourcedFigure(spec.iterationOverheadSeconds, .modelled,
                                     source: spec.iterationOverheadSeconds == 0 ? "Assumption: scheduling overlapped with GPU work"
                                         : "scenario serving.efficiency.iteration_overhead")
        var base: EfficiencyProfile
        switch spec.efficiencySource {
        case .kernelProfile:
            guard let path = spec.kernelProfilePath else {
                throw ServingError.invalidConfiguration(field: "efficiency.kernel_profile", reason: "no kernel profile given")
            }
            base = try EfficiencyProfile(kernelProfilePath: path, overheadSeconds: overhead)
        case .published:
            base = try EfficiencyProfile.publishedGPU(overheadSeconds: overhead)
        case .ideal:
            base = try EfficiencyProfile(compute: EfficiencyProfile.ideal.compute, memory: EfficiencyProfile.ideal.memory,
                                         overheadSeconds: overhead)
        }
        if let c = spec.computeEfficiency { base.compute = SourcedFigure(c, .cited, source: "scenario serving.efficiency.compute") }
        if let m = spec.memoryEfficiency { base.memory = SourcedFigure(m, .cited, source: "scenario serving.efficiency.memory") }
        return try EfficiencyProfile(compute: base.compute, memory: base.memory, overheadSeconds: base.overheadSeconds)
    }

    /// The SimMath distribution of a block's length distribution.
    static func distribution(_ d: ServingSpec.LengthDistribution) -> Distribution {
        switch d {
        case .constant(let v): .constant(v)
        case .lognormal(let mean, let sd): .lognormal(mean: mean, standardDeviation: sd)
        case .exponential(let mean): .exponential(mean: mean)
        case .uniform(let lower, let upper): .uniform(lower: lower, upper: upper)
        }
    }
}
