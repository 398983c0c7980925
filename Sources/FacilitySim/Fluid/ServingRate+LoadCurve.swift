import FacilityModels
import Serving
import SimMath

extension ServingRate {
    /// Loads (fractions of the saturated request rate) at which the GPU activity is measured; 0 and 1 are known
    /// (idle: 0; saturated: `saturatedActivity`). Denser at low load, where the curve rises fastest (decode power
    /// grows with log₂ of the batch).
    public static let curveLoads: [Double] = [0, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 1]

    /// Completions measured per load level after a warm-up of 200 (Assumption: 1,000 keep the activity's sampling
    /// error near 1 %: activity is a time average over thousands of iterations; the rate's Poisson error is 1/√1000).
    static let curveCompletions = 1000

    /// GPU power-model utilisation at `load` (a fraction of the saturated request rate): linear between the
    /// measured levels `curveLoads`, clamped to [0, 1] load.
    public func activity(atLoad load: Double) -> Double {
        let u = min(max(load, 0), 1)
        let loads = ServingRate.curveLoads
        var i = 1
        while i < loads.count - 1, loads[i] < u { i += 1 }
        let (x0, x1, y0, y1) = (loads[i - 1], loads[i], activityAtLoad[i - 1], activityAtLoad[i])
        return y0 + (y1 - y0) * (u - x0) / (x1 - x0)
    }

    /// The measured activity curve: at each interior level of `curveLoads`, one replica under Poisson arrivals at
    /// load × `requestsPerGPUSecond` × its GPUs (streams `serving.curve.arrivals`, `serving.curve.lengths`), the
    /// time-weighted mean of `IterationPower.utilisation` including idle gaps, over `curveCompletions` completions
    /// after 200; made non-decreasing (a running maximum: more load never lowers the mean power).
    /// - Throws: `ServingError` from the scheduler.
    static func activityCurve(setup: ServingSetup, accelerator: AcceleratorSpec, requestsPerGPUSecond: Double,
                              saturatedActivity: Double, seed: UInt64, replication: Int) throws -> [Double] {
        let generator = try setup.generator(arrivals: .poisson(ratePerSecond: 1))
        var curve: [Double] = []
        for load in curveLoads {
            if load == 0 { curve.append(0); continue }
            if load == 1 { curve.append(max(saturatedActivity, curve.last ?? 0)); continue }
            let arrivals = RandomStream(seed: seed, replication: replication, name: "serving.curve.arrivals")
            let lengths = RandomStream(seed: seed, replication: replication, name: "serving.curve.lengths")
            let rate = load * requestsPerGPUSecond * Double(setup.tensorParallel)
            var replica = ReplicaDriver(setup: setup)
            var nextArrival = arrivals.exponential(mean: 1 / rate), nextID = 0
            var now = 0.0, start = 0.0, busy = 0.0, completed = 0
            let warmup = 200, target = warmup + curveCompletions
            while completed < target {
                while nextArrival <= now {
                    var r = generator.offlineRequests(count: 1, lengthStream: lengths)[0]
                    (r.id, r.arrivalSeconds) = (nextID, nextArrival)
                    nextID += 1
                    try replica.admit(r)
                    nextArrival += arrivals.exponential(mean: 1 / rate)
                }
                guard let it = try replica.next(atSeconds: now) else {
                    now = nextArrival   // idle until the next request: activity 0
                    continue
                }
                if completed >= warmup {
                    busy += it.durationSeconds
                        * IterationPower.utilisation(phase: it.phase, sequences: it.sequences, accelerator: accelerator)
                }
                completed += try replica.complete { _ in }
                now += it.durationSeconds
                if completed < warmup { start = now }
            }
            curve.append(max(now > start ? busy / (now - start) : 0, curve.last ?? 0))
        }
        return curve
    }
}
