// swift-tools-version:6.0
// FactoryTwin — a digital twin of an AI factory. See README.md and docs/architecture.md.
import PackageDescription
import Foundation

// Opt-in CPU tuning for calibration runs: `FT_TARGET_CPU=native make run` (or znver4, x86-64-v3 …).
// Default builds target generic x86-64 so binaries run anywhere; the kernel profile records which build
// produced each figure.
let targetCPU = ProcessInfo.processInfo.environment["FT_TARGET_CPU"].flatMap { $0.isEmpty ? nil : $0 }
let tuned: [SwiftSetting] = targetCPU.map { [.unsafeFlags(["-Xcc", "-march=\($0)", "-target-cpu", $0])] } ?? []
let kernelDefines: [SwiftSetting] = targetCPU == nil ? [] : [.define("FT_TUNED_BUILD")]

// Run-time ISA dispatch (issue 18): the Float32 and Int8 micro-kernels are compiled twice more, as
// KernelsAVX2 (x86-64-v3: AVX2 + FMA) and KernelsAVX512 (x86-64-v4: AVX-512 F/BW/CD/DQ/VL), from one
// source (KernelsAVX512's files are symlinks to KernelsAVX2's), and InferenceKernel picks one at start-up
// from cpuid (CPUFeatures). Swift has no per-function target attribute, so a level is a module.
// The levels are named by their first CPUs, haswell (v3) and skylake-avx512 (v4), because Swift forwards
// -target-cpu to its Clang importer, whose cc1 rejects the psABI names x86-64-v3/-v4; both add to their
// level only instructions that code generation never emits unasked (AES, RDRAND, CLWB, …).
// The flags are x86-only; elsewhere the modules compile as generic code and are never selected.
func isaSettings(cpu: String, define: String) -> [SwiftSetting] {
    #if arch(x86_64)
    return [.define(define), .unsafeFlags(["-Ounchecked", "-target-cpu", cpu, "-Xcc", "-march=\(cpu)"])]
    #else
    return [.unsafeFlags(["-Ounchecked"])]
    #endif
}

let package = Package(
    name: "FactoryTwin",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "factory-twin", targets: ["FactoryTwinCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // GNU GSL through pkg-config (Debian: libgsl-dev). Only SimMath imports it.
        .systemLibrary(name: "CGSL", pkgConfig: "gsl", providers: [.apt(["libgsl-dev"])]),
        .target(name: "SimMath", dependencies: ["CGSL"], swiftSettings: tuned),
        .target(name: "EventEngine", dependencies: [.product(name: "Collections", package: "swift-collections")],
                swiftSettings: tuned),
        // cpuid + xgetbv: which kernel ISA level this CPU and OS support.
        .target(name: "CPUFeatures", cSettings: [.unsafeFlags(["-O2"])]),
        .target(name: "KernelsAVX2", dependencies: ["CPUFeatures"], swiftSettings: isaSettings(cpu: "haswell", define: "FT_ISA_AVX2")),
        .target(name: "KernelsAVX512", dependencies: ["CPUFeatures"], swiftSettings: isaSettings(cpu: "skylake-avx512", define: "FT_ISA_AVX512")),
        .target(name: "InferenceKernel", dependencies: ["CPUFeatures", "KernelsAVX2", "KernelsAVX512",
                                                       .product(name: "Numerics", package: "swift-numerics")],
                swiftSettings: tuned + kernelDefines + [.unsafeFlags(["-Ounchecked"])]),
        .target(name: "FacilityModels", dependencies: ["SimMath"], swiftSettings: tuned),
        .target(name: "Serving", dependencies: ["FacilityModels", "SimMath", "InferenceKernel"], swiftSettings: tuned),
        .target(name: "Operations", dependencies: ["FacilityModels", "SimMath"], swiftSettings: tuned),
        .target(name: "FacilitySim", dependencies: ["EventEngine", "FacilityModels", "Serving", "Operations", "SimMath"],
                swiftSettings: tuned),
        .target(name: "Scenario", dependencies: ["FacilitySim", "FacilityModels", "Operations", "Yams"], swiftSettings: tuned),
        .target(name: "Reporting", dependencies: ["FacilitySim", "Operations"], swiftSettings: tuned),
        // Telemetry on the wire and in files, as read: the table every source yields and every consumer reads.
        .target(name: "Telemetry", swiftSettings: tuned),
        // Shadow mode: the twin driven by a real hall's telemetry, compared with it, calibrated against it, watching it drift.
        .target(name: "Shadow", dependencies: ["Telemetry", "FacilitySim", "FacilityModels", "Scenario", "Reporting", "SimMath", "Yams"],
                swiftSettings: tuned),
        // Many runs of one scenario: replications on all cores, sweeps, shards, merges, capacity plans.
        .target(name: "Studies", dependencies: ["FacilitySim", "Scenario", "Reporting", "SimMath"], swiftSettings: tuned),
        .executableTarget(name: "FactoryTwinCLI", dependencies: [
            "SimMath", "EventEngine", "InferenceKernel", "FacilityModels", "FacilitySim", "Scenario", "Reporting", "Studies",
            "Operations", "Serving", "Telemetry", "Shadow",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: tuned + kernelDefines),

        .testTarget(name: "SimMathTests", dependencies: ["SimMath"]),
        .testTarget(name: "EventEngineTests", dependencies: ["EventEngine", "SimMath"]),
        .testTarget(name: "InferenceKernelTests", dependencies: ["InferenceKernel"], resources: [.copy("Fixtures")]),
        .testTarget(name: "FacilityModelsTests", dependencies: ["FacilityModels", "SimMath"]),
        .testTarget(name: "ServingTests", dependencies: ["Serving", "FacilityModels", "SimMath", "InferenceKernel"]),
        .testTarget(name: "OperationsTests", dependencies: ["Operations", "FacilityModels"]),
        .testTarget(name: "FacilitySimTests", dependencies: ["FacilitySim", "FacilityModels", "Operations", "SimMath"]),
        .testTarget(name: "ScenarioTests", dependencies: ["Scenario", "FacilitySim"], resources: [.copy("Corpus")]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "FacilitySim", "Operations"]),
        .testTarget(name: "StudiesTests", dependencies: ["Studies", "Scenario", "FacilitySim", "Reporting"]),
        // Telemetry's HTTP server and client, the Prometheus client, and `serve` scraped by a real Prometheus.
        .testTarget(name: "TelemetryTests", dependencies: ["Telemetry", "Shadow", "Scenario"]),
        .testTarget(name: "ShadowTests", dependencies: ["Shadow", "Telemetry", "Scenario", "FacilitySim", "SimMath"]),
        .testTarget(name: "EndToEndTests", dependencies: ["Scenario", "FacilitySim", "Reporting", "Operations"]),
    ]
)
