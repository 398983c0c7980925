/// What one iteration of a server processes: prompt chunks and/or one decode token per sequence.
public struct IterationBatch: Sendable, Equatable {
    /// The work one sequence contributes to an iteration.
    public struct Entry: Sendable, Equatable {
        /// The request the sequence serves.
        public var requestID: Int
        /// Whether the tokens are prompt tokens (prefill) or one generated token (decode).
        public var phase: IterationPhase
        /// Tokens processed: a prompt chunk for prefill, 1 for decode.
        public var tokens: Int
        /// Positions already in this sequence's KV cache before the iteration.
        public var priorContext: Int
        /// Whether the iteration ends with a sampled token for this sequence (the last prompt chunk and
        /// every decode step); only those rows pay for the classifier.
        public var producesToken: Bool

        /// Creates an entry.
        public init(requestID: Int, phase: IterationPhase, tokens: Int, priorContext: Int, producesToken: Bool) {
            self.requestID = requestID
            self.phase = phase
            self.tokens = tokens
            self.priorContext = priorContext
            self.producesToken = producesToken
        }
    }

    /// Entries, one per sequence scheduled.
    public var entries: [Entry]

    /// Creates a batch.
    public init(entries: [Entry]) { self.entries = entries }

    /// A decode-only batch of sequences whose new tokens follow `contexts[i]` cached positions.
    public static func decode(priorContexts contexts: [Int]) -> IterationBatch {
        IterationBatch(entries: contexts.enumerated().map {
            Entry(requestID: $0.offset, phase: .decode, tokens: 1, priorContext: $0.element, producesToken: true)
        })
    }

    /// All tokens processed.
    public var tokenCount: Int { entries.reduce(0) { $0 + $1.tokens } }
    /// Sequences scheduled.
    public var sequenceCount: Int { entries.count }

    /// `prefill` if every entry is a prompt chunk, `decode` if every entry is a decode step, else `mixed`.
    public var phase: IterationPhase {
        let hasPrefill = entries.contains { $0.phase == .prefill }
        let hasDecode = entries.contains { $0.phase == .decode }
        switch (hasPrefill, hasDecode) {
        case (true, true): return .mixed
        case (true, false): return .prefill
        default: return .decode
        }
    }
}

/// The kind of work of an iteration.
public enum IterationPhase: String, Sendable, Codable {
    /// Prompt tokens only.
    case prefill
    /// One generated token per sequence.
    case decode
    /// Decode steps and prompt chunks together (chunked prefill).
    case mixed
}
