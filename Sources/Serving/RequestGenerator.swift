import SimMath

/// Synthetic requests: arrivals from an `ArrivalProcess`, prompt and output lengths from distributions.
public struct RequestGenerator: Sendable {
    /// When requests arrive.
    public var arrivals: ArrivalProcess
    /// Prompt length, tokens (sampled, rounded, clamped to [1, maxTokens]).
    public var promptTokens: Distribution
    /// Output length, tokens (sampled, rounded, clamped to [1, maxTokens]).
    public var outputTokens: Distribution
    /// Largest prompt or output length, tokens.
    public var maxTokens: Int

    /// Creates a generator.
    /// - Throws: `ServingError.invalidConfiguration` for invalid arrivals, distributions, or `maxTokens < 1`.
    public init(arrivals: ArrivalProcess, promptTokens: Distribution, outputTokens: Distribution,
                maxTokens: Int = 1 << 20) throws {
        try arrivals.validate()
        for (field, dist) in [("prompt_tokens", promptTokens), ("output_tokens", outputTokens)] {
            do { try dist.validate() } catch {
                throw ServingError.invalidConfiguration(field: field, reason: "\(error)")
            }
        }
        guard maxTokens >= 1 else {
            throw ServingError.invalidConfiguration(field: "max_tokens", reason: "\(maxTokens) must be at least 1")
        }
        self.arrivals = arrivals
        self.promptTokens = promptTokens
        self.outputTokens = outputTokens
        self.maxTokens = maxTokens
    }

    /// The requests arriving in [0, horizon), ids 0, 1, … in arrival order.
    ///
    /// Arrival times and lengths use separate streams, so changing a length distribution leaves the
    /// arrival times unchanged (common random numbers across sweeps).
    /// - Throws: `ServingError.invalidConfiguration` for a negative horizon.
    public func requests(untilSeconds horizon: Double, arrivalStream: RandomStream,
                         lengthStream: RandomStream) throws -> [Request] {
        let times = try arrivals.arrivalTimes(untilSeconds: horizon, stream: arrivalStream)
        return times.enumerated().map { i, t in
            Request(id: i, arrivalSeconds: t, promptTokens: tokens(promptTokens, lengthStream),
                    outputTokens: tokens(outputTokens, lengthStream))
        }
    }

    /// `count` requests all arriving at time 0 (an offline, saturating load).
    public func offlineRequests(count: Int, lengthStream: RandomStream) -> [Request] {
        (0..<max(count, 0)).map {
            Request(id: $0, arrivalSeconds: 0, promptTokens: tokens(promptTokens, lengthStream),
                    outputTokens: tokens(outputTokens, lengthStream))
        }
    }

    private func tokens(_ d: Distribution, _ s: RandomStream) -> Int {
        let x = s.sample(d).rounded()
        guard x.isFinite else { return 1 }
        return Int(min(max(x, 1), Double(maxTokens)))
    }
}
