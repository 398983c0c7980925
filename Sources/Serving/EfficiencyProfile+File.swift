import InferenceKernel

extension EfficiencyProfile {
    /// Efficiencies calibrated from the kernel profile JSON at `path` (`factory-twin calibrate`), as
    /// `init(kernelProfile:overheadSeconds:source:)` with the path as the source.
    /// - Throws: `ServingError.cannotRead` when the file cannot be read or decoded, else as the profile initialiser.
    public init(kernelProfilePath path: String, overheadSeconds: SourcedFigure) throws {
        let profile: KernelProfile
        do { profile = try KernelProfile.load(path: path) } catch {
            throw ServingError.cannotRead(path: path, reason: "not a kernel profile: \(error)")
        }
        try self.init(kernelProfile: profile, overheadSeconds: overheadSeconds, source: path)
    }
}
