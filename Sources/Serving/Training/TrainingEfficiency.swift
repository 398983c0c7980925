import InferenceKernel

/// The compute efficiency of training (achieved fraction of the compute roof), measured or cited.
public enum TrainingEfficiency {
    /// From a kernel profile's `training` section: the CPU training step's model FLOP/s over the GEMM roof measured in
    /// the same session, capped at 1. Assumption (as for serving): an accelerator's training stack reaches the same
    /// fraction of its roof as this kernel reaches of the CPU's.
    /// - Throws: `ServingError.invalidConfiguration` when the profile has no training section (profiles written before
    ///   `calibrate` measured training; re-run `factory-twin calibrate --training-only --out FILE`).
    public static func fromKernelProfile(_ p: KernelProfile, source: String) throws -> SourcedFigure {
        guard let t = p.training else {
            throw ServingError.invalidConfiguration(field: "kernel_profile", reason:
                "\(source) has no training section; run factory-twin calibrate --training-only --out \(source)")
        }
        return SourcedFigure(min(t.rooflineFraction, 1), .calibrated, source:
            "\(source): training step \(t.model) \(t.batch)×\(t.sequenceLength), \(String(format: "%.1f", t.gflops)) of "
            + "\(String(format: "%.1f", t.gemmPeakGflops)) GFLOP/s (\(p.host.cpuModel), \(p.threads) threads)")
    }

    /// From the kernel profile JSON at `path`, named `label` in the figure's source (default: the path; scenarios
    /// pass the path as written, so reports do not carry this machine's directories).
    /// - Throws: `ServingError.cannotRead` when the file cannot be read, else as `fromKernelProfile(_:source:)`.
    public static func fromKernelProfile(path: String, label: String? = nil) throws -> SourcedFigure {
        let profile: KernelProfile
        do { profile = try KernelProfile.load(path: path) } catch {
            throw ServingError.cannotRead(path: path, reason: "not a kernel profile: \(error)")
        }
        return try fromKernelProfile(profile, source: label ?? path)
    }

    /// Published: Llama 3 405B pre-training reached 38–43 % BF16 MFU on 8,192–16,384 H100 (arXiv 2407.21783,
    /// table 4); 0.40 taken. Includes communication and bubbles, so it is a lower bound for the compute-only share.
    public static let publishedH100 = SourcedFigure(0.40, .cited,
        source: "Llama 3 paper arXiv 2407.21783 table 4: 38–43 % BF16 MFU on H100 (0.40)")
}
