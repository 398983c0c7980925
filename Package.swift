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
        .target(name: "InferenceKernel", dependencies: [.product(name: "Numerics", package: "swift-numerics")],
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
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "FacilitySim"]),
        .testTarget(name: "StudiesTests", dependencies: ["Studies", "Scenario", "FacilitySim", "Reporting"]),
        .testTarget(name: "TelemetryTests", dependencies: ["Telemetry"]),
        .testTarget(name: "ShadowTests", dependencies: ["Shadow", "Telemetry", "Scenario", "FacilitySim", "SimMath"]),
        .testTarget(name: "EndToEndTests", dependencies: ["Scenario", "FacilitySim", "Reporting", "Operations"]),
    ]
)
