import FacilityModels
import Serving
import SimMath

/// What one GPU delivers when its replica is saturated, from the same iteration-time model and scheduler that
/// request fidelity drives: the fluid fidelity's conversion of GPU work into tokens and of load into GPU power.
///
/// Measured by simulating one replica at full clock under a standing queue (the waiting list is topped up to
/// `max_batch_size` before every iteration, requests drawn from the scenario's length distributions), dropping a
/// warm-up of `max_batch_size` completions and measuring over the next `measuredCompletions`:
/// - tokens per GPU-second = output tokens produced / (time × GPUs per replica);
/// - GPU activity = time-weighted mean of `IterationPower.utilisation` over the iterations (the power model's u at
///   saturation; fluid fidelity draws P(u_load · activity) at load u_load);
/// - requests per GPU-second = completions / (time × GPUs per replica).
public struct ServingRate: Sendable, Equatable {
    /// Output tokens per GPU-second at full clock and saturating load.
    public var tokensPerGPUSecond: Double
    /// Mean power-model utilisation of a saturated GPU, in (0, 1].
    public var saturatedActivity: Double
    /// Requests completed per GPU-second at saturation.
    public var requestsPerGPUSecond: Double
    /// Mean output tokens of the measured requests.
    public var meanOutputTokens: Double

    /// Completions measured after the warm-up (Assumption: 4,000 gives a sampling error of the mean output
    /// length, sd/mean = 1 for the default lognormal, of 1/√4000 ≈ 1.6 %).
    public static let measuredCompletions = 4000

    /// Measures the saturated rate of `setup` on `accelerator`, drawing lengths from the stream
    /// `serving.saturation` of (seed, replication).
    /// - Throws: `ServingError` from the scheduler (a request larger than the KV cache).
    /// - Complexity: O((warm-up + measured completions) × mean output tokens / batch) iterations.
    public init(setup: ServingSetup, accelerator: AcceleratorSpec, seed: UInt64, replication: Int) throws {
        let stream = RandomStream(seed: seed, replication: replication, name: "serving.saturation")
        let generator = try setup.generator(arrivals: .poisson(ratePerSecond: 1))
        var general = ContinuousBatchScheduler(configuration: setup.scheduler, timing: setup.timing)
        var fast = AggregateBatchScheduler(configuration: setup.scheduler, timing: setup.timing)
        let aggregate = !setup.scheduler.chunkedPrefill   // same decisions, O(1) per decode iteration
        let batch = setup.scheduler.maxBatchSize
        let warmup = batch, target = batch + ServingRate.measuredCompletions
        var nextID = 0, completed = 0
        var now = 0.0, start = 0.0
        var tokens = 0.0, busyUtilisation = 0.0, outputSum = 0.0, measured = 0
        var done: [CompletedRequest] = []
        while completed < target {
            while (aggregate ? fast.waitingCount : general.waitingCount) < batch {
                var r = generator.offlineRequests(count: 1, lengthStream: stream)[0]
                r.id = nextID
                nextID += 1
                r.arrivalSeconds = now
                if aggregate { try fast.admit(r) } else { try general.admit(r) }
            }
            // Output tokens produced: one per prefilled prompt (its first token) and one per decoding sequence.
            let duration: Double, phase: IterationPhase, sequences: Int, produced: Int
            if aggregate {
                guard let it = try fast.nextIteration(atSeconds: now) else { break }
                (duration, phase, sequences, produced) = (it.durationSeconds, it.phase, it.sequences, it.sequences)
                done.removeAll(keepingCapacity: true)
                try fast.complete { done.append($0) }
            } else {
                guard let it = try general.nextIteration(atSeconds: now) else { break }
                (duration, phase, sequences) = (it.durationSeconds, it.phase, it.batch.sequenceCount)
                produced = it.batch.entries.reduce(0) { $0 + ($1.producesToken ? 1 : 0) }
                done = try general.complete()
            }
            if completed >= warmup {
                tokens += Double(produced)
                busyUtilisation += duration * IterationPower.utilisation(phase: phase, sequences: sequences, accelerator: accelerator)
                for c in done { outputSum += Double(c.request.outputTokens) }
                measured += done.count
            } else {
                start = now + duration
            }
            completed += done.count
            now += duration
        }
        let gpuSeconds = (now - start) * Double(setup.tensorParallel)
        tokensPerGPUSecond = gpuSeconds > 0 ? tokens / gpuSeconds : 0
        saturatedActivity = now > start ? busyUtilisation / (now - start) : 1
        requestsPerGPUSecond = gpuSeconds > 0 ? Double(measured) / gpuSeconds : 0
        meanOutputTokens = measured > 0 ? outputSum / Double(measured) : 0
    }
}
