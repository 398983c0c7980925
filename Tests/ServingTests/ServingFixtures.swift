import Foundation
import FacilityModels
import InferenceKernel
import SimMath
@testable import Serving

/// Shared set-ups of the serving tests.
enum ServingFixtures {
    /// The repository's root, from this file's path (Tests/ServingTests/ServingFixtures.swift).
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Path of the committed CPU kernel profile (`factory-twin calibrate --synthetic 110M
    /// --batches 1,2,4,8,16,32,64,128 --steps 16`, this repository's 2-core AVX-512 machine).
    static var cpuProfilePath: String { repositoryRoot.appendingPathComponent("Scenarios/profiles/cpu-110M.json").path }

    /// Efficiencies calibrated from the committed CPU profile; zero iteration overhead (Assumption:
    /// TensorRT-LLM's C++ runtime overlaps scheduling with GPU work).
    static func cpuProfileEfficiency() throws -> EfficiencyProfile {
        let profile = try KernelProfile.load(path: cpuProfilePath)
        return try EfficiencyProfile(kernelProfile: profile,
            overheadSeconds: SourcedFigure(0, .modelled, source: "Assumption: scheduling overlapped with GPU work"),
            source: "Scenarios/profiles/cpu-110M.json")
    }

    /// Result of an offline (saturating) run of one server.
    struct OfflineResult {
        /// Output tokens per second of the whole server (all replicas).
        var tokensPerSecond: Double
        /// Mean sequences per decode iteration.
        var meanDecodeBatch: Double
        /// Share of iterations where compute binds.
        var computeBoundShare: Double
    }

    /// MLPerf-style offline run: `requestsPerReplica` requests at t = 0 on one replica (replicas of a
    /// round-robin offline load are independent and identical, so the server's rate is `replicas ×`
    /// the replica's), output tokens over makespan.
    static func offline(model: TargetModel, accelerator: AcceleratorSpec, tensorParallel: Int, replicas: Int,
                        efficiency: EfficiencyProfile, requestsPerReplica: Int,
                        prompt: Distribution, output: Distribution, seed: UInt64) throws -> OfflineResult {
        let parallelism = try TensorParallelism.nvlink4(degree: tensorParallel)
        let timing = try IterationTimeModel(model: model, accelerator: accelerator, parallelism: parallelism,
                                            efficiency: efficiency)
        let config = try SchedulerConfiguration.forReplica(model: model, accelerator: accelerator, parallelism: parallelism)
        let gen = try RequestGenerator(arrivals: .poisson(ratePerSecond: 1), promptTokens: prompt, outputTokens: output,
                                       maxTokens: 1023)
        let requests = gen.offlineRequests(count: requestsPerReplica,
                                           lengthStream: RandomStream(seed: seed, replication: 0, name: "lengths"))
        var s = ContinuousBatchScheduler(configuration: config, timing: timing)
        var decodeBatches: [Double] = []
        var computeBound = 0, iterations = 0
        let done = try SchedulerTests.drive(&s, requests) { _, it in
            iterations += 1
            if it.phase == .decode { decodeBatches.append(Double(it.batch.sequenceCount)) }
            if timing.breakdown(of: it.batch).isComputeBound { computeBound += 1 }
        }
        let makespan = done.map(\.completionSeconds).max() ?? 0
        let tokens = Double(done.reduce(0) { $0 + $1.request.outputTokens })
        return OfflineResult(tokensPerSecond: Double(replicas) * tokens / makespan,
                             meanDecodeBatch: Statistics.mean(decodeBatches),
                             computeBoundShare: Double(computeBound) / Double(max(iterations, 1)))
    }
}
