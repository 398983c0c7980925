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
///   saturation), and the same under Poisson arrivals at fractions of the saturated rate (`activityAtLoad`): fluid
///   fidelity draws P(activity(load));
/// - requests per GPU-second = completions / (time × GPUs per replica).
///
/// Caveat: with constant output lengths a standing queue admits a whole batch at once and its sequences finish
/// together, cycle after cycle; with chunked prefill that synchronised regime delivers ≈ 5 % fewer tokens than the
/// staggered regime requests arriving one by one settle into (measured: Llama-3.1-8B, 64 sequences, 64-token outputs).
/// Length distributions with spread do not lock.
public struct ServingRate: Sendable, Equatable {
    /// Output tokens per GPU-second at full clock and saturating load.
    public var tokensPerGPUSecond: Double
    /// Mean power-model utilisation of a saturated GPU, in (0, 1].
    public var saturatedActivity: Double
    /// Requests completed per GPU-second at saturation.
    public var requestsPerGPUSecond: Double
    /// Mean output tokens of the measured requests.
    public var meanOutputTokens: Double
    /// GPU activity at each load of `curveLoads` (0 at load 0, `saturatedActivity` at load 1): fluid fidelity draws
    /// P(activity(load)) — a GPU batching continuously at half the saturated rate still streams its weights at every
    /// iteration, so its power is far above half the saturated power (see `activityCurve`).
    public var activityAtLoad: [Double]

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
        var replica = ReplicaDriver(setup: setup)
        let batch = setup.scheduler.maxBatchSize
        let warmup = batch, target = batch + ServingRate.measuredCompletions
        var nextID = 0, completed = 0
        var now = 0.0, start = 0.0
        var tokens = 0.0, busyUtilisation = 0.0, outputSum = 0.0, measured = 0
        while completed < target {
            while replica.waitingCount < batch {
                var r = generator.offlineRequests(count: 1, lengthStream: stream)[0]
                r.id = nextID
                nextID += 1
                r.arrivalSeconds = now
                try replica.admit(r)
            }
            guard let it = try replica.next(atSeconds: now) else { break }
            let counting = completed >= warmup
            let done = try replica.complete { if counting { outputSum += Double($0.request.outputTokens) } }
            if counting {
                tokens += Double(it.producedTokens)
                busyUtilisation += it.durationSeconds
                    * IterationPower.utilisation(phase: it.phase, sequences: it.sequences, accelerator: accelerator)
                measured += done
            } else {
                start = now + it.durationSeconds
            }
            completed += done
            now += it.durationSeconds
        }
        let gpuSeconds = (now - start) * Double(setup.tensorParallel)
        tokensPerGPUSecond = gpuSeconds > 0 ? tokens / gpuSeconds : 0
        saturatedActivity = now > start ? busyUtilisation / (now - start) : 1
        requestsPerGPUSecond = gpuSeconds > 0 ? Double(measured) / gpuSeconds : 0
        meanOutputTokens = measured > 0 ? outputSum / Double(measured) : 0
        activityAtLoad = try ServingRate.activityCurve(setup: setup, accelerator: accelerator, requestsPerGPUSecond: requestsPerGPUSecond,
                                                       saturatedActivity: saturatedActivity, seed: seed, replication: replication)
    }
}
