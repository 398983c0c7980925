/// How the running binary was compiled, recorded beside every measured figure.
///
/// `FT_TUNED_BUILD` is defined by Package.swift when `FT_TARGET_CPU` is set at build time (the
/// binary then uses that CPU's instructions, e.g. AVX-512 for `native` on this machine); otherwise the
/// build targets generic x86-64 (SSE2, no FMA). InferenceKernel is always compiled with `-Ounchecked`.
/// Whatever the build, the matrix products run the micro-kernels of `KernelISA.active` (chosen at run
/// time from the CPU, or by `FT_KERNEL_ISA`), recorded in `kernelISA`.
public struct BuildInfo: Sendable, Codable, Equatable {
    /// `debug` or `release`.
    public var configuration: String
    /// Whether the binary was built for a specific CPU (`FT_TARGET_CPU`).
    public var tuned: Bool
    /// Compiler flags of the kernel target as Package.swift sets them.
    public var flags: [String]
    /// Lanes of the running micro-kernels' accumulators, in floats (16 AVX-512, 8 AVX2, 4 generic SSE).
    public var simdWidthFloats: Int
    /// The micro-kernel level that ran (`baseline`, `avx2`, `avx512`); absent in profiles written
    /// before run-time dispatch.
    public var kernelISA: KernelISA?
    /// How that level was chosen: `detected` (cpuid) or `FT_KERNEL_ISA`; absent in older profiles.
    public var kernelISASource: String?

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
        let isa = KernelISA.active
        return BuildInfo(configuration: configuration, tuned: tuned, flags: optimisation + target,
                         simdWidthFloats: isa.lanes, kernelISA: isa,
                         kernelISASource: KernelISA.forced ? KernelISA.environmentVariable : "detected")
    }

    /// A one-line label, e.g. `release, generic x86-64, kernel avx2 (detected)`.
    public var label: String {
        let build = "\(configuration), " + (tuned ? "tuned (FT_TARGET_CPU)" : "generic x86-64")
        guard let kernelISA else { return build }
        return build + ", kernel \(kernelISA.rawValue) (\(kernelISASource ?? "detected"))"
    }

    private enum CodingKeys: String, CodingKey {
        case configuration, tuned, flags, simdWidthFloats = "simd_width_floats", kernelISA = "kernel_isa"
        case kernelISASource = "kernel_isa_source"
    }
}
