import CPUFeatures
import Foundation
import KernelsAVX2
import KernelsAVX512

/// Which compiled copy of the matrix-product micro-kernels runs: chosen once per process from the
/// CPU's features (cpuid and the OS-enabled register state, as OpenBLAS's DYNAMIC_ARCH does), or
/// forced with `FT_KERNEL_ISA=baseline|avx2|avx512` (tests, comparisons).
///
/// - `baseline`: `MicroKernels` in this module, compiled for the build's target (generic x86-64 SSE2
///   with 4-float lanes, or the `FT_TARGET_CPU` build's CPU with 16-float lanes); separate multiply
///   and add.
/// - `avx2`: `KernelsAVX2`, compiled for x86-64-v3 (8-float YMM lanes, FMA, 2 × 4 register tiles).
/// - `avx512`: `KernelsAVX512`, compiled for x86-64-v4 (16-float ZMM lanes, FMA, 4 × 4 tiles).
///
/// Within one level every output element is summed in one fixed order whatever the thread count or
/// batch, so results are bit-identical across thread counts. Across levels the lane count and the
/// fused multiply-add change the rounding: results agree to float32 rounding of the sums (the tests
/// hold every available level to the float64 reference of the fixture within 1e-4 on the logits).
public enum KernelISA: String, Sendable, Codable, CaseIterable, Comparable {
    case baseline, avx2, avx512

    /// The environment variable that forces a level.
    public static let environmentVariable = "FT_KERNEL_ISA"

    /// The highest level this CPU and operating system run (cpuid + xgetbv, `ft_cpu_isa_level`);
    /// `baseline` on non-x86 hosts.
    public static let detected: KernelISA = {
        let level = ft_cpu_isa_level()
        if level >= 4, KernelsAVX512.ISAKernels.compiledForLevel { return .avx512 }
        if level >= 3, KernelsAVX2.ISAKernels.compiledForLevel { return .avx2 }
        return .baseline
    }()

    /// Every level this machine can run, lowest first.
    public static var available: [KernelISA] { allCases.filter { $0 <= detected } }

    /// The level the kernel uses by default: `FT_KERNEL_ISA` when set to a level this machine runs,
    /// otherwise `detected`. (An invalid or unsupported `FT_KERNEL_ISA` is rejected by
    /// `fromEnvironment()`, which the command-line tool calls before any work; here it falls back.)
    public static let active: KernelISA = (try? fromEnvironment()) ?? detected

    /// Whether `active` was forced by `FT_KERNEL_ISA` rather than detected.
    public static var forced: Bool {
        ProcessInfo.processInfo.environment[environmentVariable].map { !$0.isEmpty } ?? false
    }

    /// The level `FT_KERNEL_ISA` asks for (nil name or empty: `detected`).
    /// - Throws: `KernelError.invalidArgument` for an unknown name or a level this CPU cannot run.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        throws -> KernelISA {
        guard let name = environment[environmentVariable], !name.isEmpty else { return detected }
        return try named(name)
    }

    /// The level called `name`.
    /// - Throws: `KernelError.invalidArgument` for an unknown name or a level this CPU cannot run.
    public static func named(_ name: String) throws -> KernelISA {
        guard let isa = KernelISA(rawValue: name.lowercased()) else {
            throw KernelError.invalidArgument(
                "\(environmentVariable)=\(name): unknown kernel ISA (expected baseline, avx2 or avx512)")
        }
        guard isa <= detected else {
            throw KernelError.invalidArgument(
                "\(environmentVariable)=\(name): this CPU supports at most \(detected.rawValue)")
        }
        return isa
    }

    /// Floats per accumulator register of this level's kernels.
    public var lanes: Int {
        switch self {
        case .baseline: return MicroKernels.Lanes.scalarCount
        case .avx2: return KernelsAVX2.ISAKernels.lanes
        case .avx512: return KernelsAVX512.ISAKernels.lanes
        }
    }

    /// Whether this level's kernels use fused multiply-adds.
    public var fusedMultiplyAdd: Bool { self != .baseline }

    public static func < (a: KernelISA, b: KernelISA) -> Bool { a.order < b.order }

    private var order: Int {
        switch self {
        case .baseline: return 0
        case .avx2: return 1
        case .avx512: return 2
        }
    }
}
