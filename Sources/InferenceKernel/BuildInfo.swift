/// How the running binary was compiled, recorded beside every measured figure.
///
/// `FT_TUNED_BUILD` is defined by Package.swift when `FT_TARGET_CPU` is set at build time (the
/// binary then uses that CPU's instructions, e.g. AVX-512 for `native` on this machine); otherwise the
/// build targets generic x86-64 (SSE2, no FMA). InferenceKernel is always compiled with `-Ounchecked`.
public struct BuildInfo: Sendable, Codable, Equatable {
    /// `debug` or `release`.
    public var configuration: String
    /// Whether the binary was built for a specific CPU (`FT_TARGET_CPU`).
    public var tuned: Bool
    /// Compiler flags of the kernel target as Package.swift sets them.
    public var flags: [String]
    /// Lanes of the micro-kernels' accumulators, in floats (16 tuned for AVX-512, 4 generic SSE).
    public var simdWidthFloats: Int

    /// The build of this binary.
    public static var current: BuildInfo {
        #if DEBUG
        let configuration = "debug"
        #else
        let configuration = "release"
        #endif
        #if FT_TUNED_BUILD
        let tuned = true
        let target = ["-target-cpu $FT_TARGET_CPU", "-Xcc -march=$FT_TARGET_CPU", "-D FT_TUNED_BUILD"]
        #else
        let tuned = false
        let target = ["generic x86-64 target"]
        #endif
        let optimisation = configuration == "debug" ? ["-Onone", "-Ounchecked (kernel target)"] : ["-Ounchecked"]
        return BuildInfo(configuration: configuration, tuned: tuned, flags: optimisation + target,
                         simdWidthFloats: MicroKernels.Lanes.scalarCount)
    }

    /// A one-line label, e.g. `release, tuned (FT_TARGET_CPU)` or `release, generic x86-64`.
    public var label: String { "\(configuration), " + (tuned ? "tuned (FT_TARGET_CPU)" : "generic x86-64") }

    private enum CodingKeys: String, CodingKey {
        case configuration, tuned, flags, simdWidthFloats = "simd_width_floats"
    }
}
