import Foundation
import Serving
import SimMath

/// The requests of a request-fidelity run, drawn one at a time (no array of a day's requests is held).
///
/// Rate-driven arrivals are a non-homogeneous Poisson process sampled by Lewis–Shedler thinning (candidates at
/// the envelope rate, each kept with probability λ(t)/envelope; Lewis & Shedler 1979); a homogeneous Poisson
/// process is the special case λ = envelope (every candidate kept, no uniform drawn). Lengths come from a separate
/// stream (common random numbers: changing a length distribution leaves the arrival times unchanged).
struct RequestSource {
    private let rate: (Double) -> Double
    private let envelope: Double
    private let homogeneous: Bool
    private let trace: [Request]
    private var traceIndex = 0
    private let arrivalStream: RandomStream
    private let lengthStream: RandomStream
    private let prompt: Distribution, output: Distribution
    private let maxTokens: Double
    private var t = 0.0
    private var nextID = 0

    /// Requests arriving at rate λ(t) ≤ `envelope` requests/s.
    init(rate: @escaping (Double) -> Double, envelope: Double, homogeneous: Bool, setup: ServingSetup,
         seed: UInt64, replication: Int) {
        self.rate = rate
        self.envelope = envelope
        self.homogeneous = homogeneous
        trace = []
        arrivalStream = RandomStream(seed: seed, replication: replication, name: "serving.arrivals")
        lengthStream = RandomStream(seed: seed, replication: replication, name: "serving.lengths")
        prompt = setup.promptTokens
        output = setup.outputTokens
        maxTokens = Double(setup.maxTokens)
    }

    /// Requests replayed from a trace (already sorted by arrival).
    init(trace: [Request], setup: ServingSetup) {
        rate = { _ in 0 }
        envelope = 0
        homogeneous = true
        self.trace = trace
        arrivalStream = RandomStream(seed: 0, replication: 0, name: "unused")
        lengthStream = arrivalStream
        prompt = setup.promptTokens
        output = setup.outputTokens
        maxTokens = Double(setup.maxTokens)
    }

    /// The next request arriving before `horizon` s, or nil.
    mutating func next(before horizon: Double) -> Request? {
        if envelope <= 0 {
            guard traceIndex < trace.count, trace[traceIndex].arrivalSeconds < horizon else { return nil }
            defer { traceIndex += 1 }
            var r = trace[traceIndex]
            r.id = traceIndex
            return r
        }
        while true {
            t += arrivalStream.exponential(mean: 1 / envelope)
            if t >= horizon { return nil }
            if homogeneous || arrivalStream.uniform() * envelope < rate(t) { break }
        }
        defer { nextID += 1 }
        return Request(id: nextID, arrivalSeconds: t, promptTokens: tokens(prompt), outputTokens: tokens(output))
    }

    private func tokens(_ d: Distribution) -> Int {
        let x = lengthStream.sample(d).rounded()
        guard x.isFinite else { return 1 }
        return Int(min(max(x, 1), maxTokens))
    }
}
