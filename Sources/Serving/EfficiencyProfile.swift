import InferenceKernel

/// The fractions of an accelerator's roofs that iterations achieve, and the fixed cost per iteration.
///
/// Iteration time is `max(FLOPs / (peak · compute), bytes / (bandwidth · memory)) + overhead`, so
/// `compute` and `memory` are the measured fractions of the roofline: from a CPU kernel profile
/// (`init(kernelProfile:)`, provenance `calibrated`) or from a published GPU measurement (`cited`).
public struct EfficiencyProfile: Sendable, Equatable {
    /// Achieved fraction of peak FLOP/s where compute binds, in (0, 1].
    public var compute: SourcedFigure
    /// Achieved fraction of peak memory bandwidth where memory binds, in (0, 1].
    public var memory: SourcedFigure
    /// Fixed time per iteration (scheduling, kernel launches, sampling), s.
    public var overheadSeconds: SourcedFigure

    /// Creates a profile.
    /// - Throws: `ServingError.invalidConfiguration` when an efficiency is outside (0, 1] or the overhead negative.
    public init(compute: SourcedFigure, memory: SourcedFigure, overheadSeconds: SourcedFigure) throws {
        for (field, f) in [("compute", compute), ("memory", memory)] where !(f.value > 0 && f.value <= 1) {
            throw ServingError.invalidConfiguration(field: "efficiency.\(field)", reason: "\(f.value) must be in (0, 1]")
        }
        guard overheadSeconds.value >= 0, overheadSeconds.value.isFinite else {
            throw ServingError.invalidConfiguration(field: "efficiency.overhead",
                                                    reason: "\(overheadSeconds.value) s must be non-negative")
        }
        self.compute = compute
        self.memory = memory
        self.overheadSeconds = overheadSeconds
    }

    /// The ideal roofline: both efficiencies 1, no overhead (for bounds and tests).
    public static let ideal = try! EfficiencyProfile(
        compute: SourcedFigure(1, .modelled, source: "ideal roofline"),
        memory: SourcedFigure(1, .modelled, source: "ideal roofline"),
        overheadSeconds: SourcedFigure(0, .modelled, source: "ideal roofline"))

    /// Efficiencies taken from a measured CPU kernel profile (`factory-twin calibrate`).
    ///
    /// - `memory`: the roofline fraction of the smallest-batch decode entry whose bound is `memory`
    ///   (batch-1 decode streams every weight once per token: the purest bandwidth measurement).
    /// - `compute`: the roofline fraction of the largest-batch decode entry whose bound is `compute`.
    /// Both are fractions of the host's own measured roofs (STREAM triad, GEMM micro-kernel peak),
    /// transferred to an accelerator's datasheet roofs: Assumption: a GPU serving stack reaches the
    /// same fraction of its roofs as this kernel reaches of the CPU's.
    /// - Parameters:
    ///   - overheadSeconds: fixed time per iteration on the target (the CPU's is not transferable).
    ///   - source: the profile's path, for the provenance.
    /// - Throws: `ServingError.invalidConfiguration` when the profile has no memory-bound or no
    ///   compute-bound decode entry, or a fraction outside (0, 1].
    public init(kernelProfile p: KernelProfile, overheadSeconds: SourcedFigure, source: String) throws {
        let sorted = p.decode.sorted { $0.batch < $1.batch }
        guard let mem = sorted.first(where: { $0.bound == "memory" }) else {
            throw ServingError.invalidConfiguration(field: "kernel_profile",
                                                    reason: "\(source): no memory-bound decode entry")
        }
        guard let cmp = sorted.last(where: { $0.bound == "compute" }) else {
            throw ServingError.invalidConfiguration(field: "kernel_profile",
                reason: "\(source): no compute-bound decode entry (measure larger batches)")
        }
        let host = "\(p.host.cpuModel), \(p.threads) threads"
        try self.init(
            compute: SourcedFigure(min(cmp.rooflineFraction, 1), .calibrated,
                source: "\(source): decode batch \(cmp.batch) roofline fraction \(cmp.rooflineFraction)"
                    + (cmp.rooflineFraction > 1 ? ", capped at 1 (the GEMM probe under-reads the compute roof)" : "")
                    + " (\(p.model.name), \(host))"),
            memory: SourcedFigure(min(mem.rooflineFraction, 1), .calibrated,
                source: "\(source): decode batch \(mem.batch) roofline fraction (\(p.model.name))"),
            overheadSeconds: overheadSeconds)
    }

    /// Published GPU serving efficiencies, independent of any MLPerf figure:
    /// - compute 0.40: Llama 3 pre-training on 8,192–16,384 H100 reached 38–43 % BF16 MFU
    ///   (Llama Team, "The Llama 3 Herd of Models", arXiv 2407.21783, table 4);
    /// - memory 0.70: well-tuned decode stacks reach 70–85 % of HBM bandwidth (model bandwidth
    ///   utilisation rule of thumb, /work/shared/references/physics-and-benchmarks.md §6), lower end taken;
    /// - overhead: as given.
    public static func publishedGPU(overheadSeconds: SourcedFigure) throws -> EfficiencyProfile {
        try EfficiencyProfile(
            compute: SourcedFigure(0.40, .cited, source: "Llama 3 paper arXiv 2407.21783 table 4: 38–43 % BF16 MFU on H100"),
            memory: SourcedFigure(0.70, .cited, source: "MBU 70–85 % for tuned decode (open-source-ai.tech glossary)"),
            overheadSeconds: overheadSeconds)
    }
}
