/// One inference request: when it arrives and how many tokens it brings and asks for.
public struct Request: Sendable, Equatable, Codable {
    /// Identifier, unique within a run (arrival order).
    public var id: Int
    /// Arrival time from the start of the run, s.
    public var arrivalSeconds: Double
    /// Prompt tokens (prefill work), ≥ 1.
    public var promptTokens: Int
    /// Output tokens to generate, ≥ 1 (the first comes from the prefill iteration).
    public var outputTokens: Int

    /// Creates a request.
    public init(id: Int, arrivalSeconds: Double, promptTokens: Int, outputTokens: Int) {
        self.id = id
        self.arrivalSeconds = arrivalSeconds
        self.promptTokens = promptTokens
        self.outputTokens = outputTokens
    }

    /// Context positions the request occupies when finished: prompt plus output tokens.
    public var maxContextTokens: Int { promptTokens + outputTokens }
}

/// What the scheduler reports when a request finishes.
public struct CompletedRequest: Sendable, Equatable {
    /// The request.
    public var request: Request
    /// Start of the first iteration that processed it, s.
    public var firstScheduledSeconds: Double
    /// End of the iteration that produced its first output token, s.
    public var firstTokenSeconds: Double
    /// End of the iteration that produced its last output token, s.
    public var completionSeconds: Double

    /// Creates a record.
    public init(request: Request, firstScheduledSeconds: Double, firstTokenSeconds: Double, completionSeconds: Double) {
        self.request = request
        self.firstScheduledSeconds = firstScheduledSeconds
        self.firstTokenSeconds = firstTokenSeconds
        self.completionSeconds = completionSeconds
    }

    /// Time queued before any work, s.
    public var waitSeconds: Double { firstScheduledSeconds - request.arrivalSeconds }
    /// Time to first token, s.
    public var timeToFirstTokenSeconds: Double { firstTokenSeconds - request.arrivalSeconds }
    /// Arrival to last token, s.
    public var latencySeconds: Double { completionSeconds - request.arrivalSeconds }
    /// Mean time per output token after the first, s (0 for one-token outputs).
    public var timePerOutputTokenSeconds: Double {
        request.outputTokens > 1 ? (completionSeconds - firstTokenSeconds) / Double(request.outputTokens - 1) : 0
    }
}
