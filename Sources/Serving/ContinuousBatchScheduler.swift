/// One server's continuous batching as a state machine, for a simulator to drive.
///
/// The caller owns time: `admit` hands over arrived requests, `nextIteration(atSeconds:)` plans the
/// next iteration (admitting waiting requests FIFO while the batch and KV-cache limits allow) and
/// returns its duration, phase and batch; `complete()` applies it at its end and returns the
/// requests it finished. Admission reserves each request's whole KV cache (prompt + output tokens),
/// so a running sequence never has to be pre-empted and KV memory is never exceeded — the
/// conservative end of vLLM's paged allocation (vLLM reserves block by block and pre-empts when full).
/// - Complexity: O(running + waiting admitted) per iteration.
public struct ContinuousBatchScheduler: Sendable {
    /// A planned iteration.
    public struct Iteration: Sendable, Equatable {
        /// Start time, s.
        public var startSeconds: Double
        /// Duration from the timing model, s.
        public var durationSeconds: Double
        /// Prefill, decode or mixed.
        public var phase: IterationPhase
        /// The work.
        public var batch: IterationBatch
        /// End time, s.
        public var endSeconds: Double { startSeconds + durationSeconds }
    }

    private struct Sequence: Sendable {
        var request: Request
        var prefilled = 0
        var generated = 0
        var firstScheduledSeconds: Double?
        var firstTokenSeconds: Double?
    }

    /// Limits.
    public let configuration: SchedulerConfiguration
    /// Iteration durations.
    public let timing: any IterationTiming
    private var waiting: [Request] = []
    private var waitingHead = 0
    private var running: [Sequence] = []
    private var reservedTokens = 0
    private var inFlight: Iteration?

    /// Creates an idle server.
    public init(configuration: SchedulerConfiguration, timing: any IterationTiming) {
        self.configuration = configuration
        self.timing = timing
    }

    /// Requests queued, not yet admitted.
    public var waitingCount: Int { waiting.count - waitingHead }
    /// Requests admitted and not finished.
    public var runningCount: Int { running.count }
    /// KV-cache bytes reserved by admitted requests (their final context), B; never above capacity.
    public var reservedKVBytes: Double { Double(reservedTokens) * configuration.kvBytesPerToken }
    /// KV-cache bytes holding context now (prefilled prompt and generated tokens), B.
    public var usedKVBytes: Double {
        Double(running.reduce(0) { $0 + $1.prefilled + $1.generated }) * configuration.kvBytesPerToken
    }
    /// Whether an iteration is in flight.
    public var isBusy: Bool { inFlight != nil }
    /// Whether there is nothing to do.
    public var isIdle: Bool { inFlight == nil && running.isEmpty && waitingCount == 0 }
    /// Tokens still to process: un-prefilled prompt and un-generated output of every request held.
    public var outstandingTokens: Int {
        var total = 0
        for r in waiting[waitingHead...] { total += r.promptTokens + r.outputTokens }
        for s in running { total += s.request.promptTokens - s.prefilled + s.request.outputTokens - s.generated }
        return total
    }

    /// Queues an arrived request.
    /// - Throws: `ServingError.requestTooLarge` when its whole context could never fit the KV cache,
    ///   `ServingError.invalidConfiguration` for non-positive token counts.
    public mutating func admit(_ request: Request) throws {
        guard request.promptTokens >= 1, request.outputTokens >= 1 else {
            throw ServingError.invalidConfiguration(field: "request \(request.id)",
                                                    reason: "prompt and output tokens must be at least 1")
        }
        let kv = Double(request.maxContextTokens) * configuration.kvBytesPerToken
        guard request.maxContextTokens <= configuration.kvCapacityTokens else {
            throw ServingError.requestTooLarge(requestID: request.id, kvBytes: kv,
                                               capacityBytes: configuration.kvCacheCapacityBytes)
        }
        waiting.append(request)
    }

    /// Plans the next iteration starting at `now`, or `nil` when there is no work.
    /// - Throws: `ServingError.schedulerMisuse` when an iteration is already in flight.
    public mutating func nextIteration(atSeconds now: Double) throws -> Iteration? {
        guard inFlight == nil else { throw ServingError.schedulerMisuse("nextIteration while an iteration is in flight") }
        admitWaiting()
        let entries = configuration.chunkedPrefill ? chunkedEntries() : separateEntries()
        guard !entries.isEmpty else { return nil }
        let ids = Set(entries.map(\.requestID))
        for i in running.indices where running[i].firstScheduledSeconds == nil && ids.contains(running[i].request.id) {
            running[i].firstScheduledSeconds = now
        }
        let batch = IterationBatch(entries: entries)
        let iteration = Iteration(startSeconds: now, durationSeconds: timing.seconds(for: batch), phase: batch.phase,
                                  batch: batch)
        inFlight = iteration
        return iteration
    }

    /// Applies the in-flight iteration at its end and returns the requests it finished.
    /// - Throws: `ServingError.schedulerMisuse` when no iteration is in flight.
    public mutating func complete() throws -> [CompletedRequest] {
        guard let it = inFlight else { throw ServingError.schedulerMisuse("complete with no iteration in flight") }
        inFlight = nil
        let end = it.endSeconds
        var byID: [Int: IterationBatch.Entry] = [:]
        for e in it.batch.entries { byID[e.requestID] = e }
        var finished: [CompletedRequest] = []
        var kept: [Sequence] = []
        kept.reserveCapacity(running.count)
        for var s in running {
            if let e = byID[s.request.id] {
                if e.phase == .decode { s.generated += 1 } else { s.prefilled += e.tokens }
                if e.phase != .decode, s.prefilled == s.request.promptTokens {
                    s.generated += 1
                    s.firstTokenSeconds = end
                }
            }
            if s.generated >= s.request.outputTokens {
                reservedTokens -= s.request.maxContextTokens
                finished.append(CompletedRequest(request: s.request, firstScheduledSeconds: s.firstScheduledSeconds ?? end,
                                                 firstTokenSeconds: s.firstTokenSeconds ?? end, completionSeconds: end))
            } else {
                kept.append(s)
            }
        }
        running = kept
        return finished
    }

    /// Moves waiting requests into the batch, FIFO, while batch size and KV reservation allow.
    private mutating func admitWaiting() {
        while waitingHead < waiting.count, running.count < configuration.maxBatchSize {
            let r = waiting[waitingHead]
            guard reservedTokens + r.maxContextTokens <= configuration.kvCapacityTokens else { break }
            reservedTokens += r.maxContextTokens
            running.append(Sequence(request: r))
            waitingHead += 1
        }
        if waitingHead > 1024, waitingHead * 2 > waiting.count {
            waiting.removeFirst(waitingHead)
            waitingHead = 0
        }
    }

    /// vLLM default: an iteration of whole prompts (FIFO, up to the token budget, at least one) if any
    /// sequence awaits prefill, else one decode step for every running sequence.
    private func separateEntries() -> [IterationBatch.Entry] {
        var entries: [IterationBatch.Entry] = []
        var budget = configuration.maxBatchedTokens
        for s in running where s.prefilled < s.request.promptTokens {
            let n = s.request.promptTokens - s.prefilled
            if !entries.isEmpty, n > budget { break }
            entries.append(.init(requestID: s.request.id, phase: .prefill, tokens: n, priorContext: s.prefilled,
                                 producesToken: true))
            budget -= n
        }
        if !entries.isEmpty { return entries }
        return running.map {
            .init(requestID: $0.request.id, phase: .decode, tokens: 1, priorContext: $0.prefilled + $0.generated - 1,
                  producesToken: true)
        }
    }

    /// Chunked prefill: a decode step for every sequence past prefill, then prompt chunks (FIFO) filling
    /// the rest of the token budget.
    private func chunkedEntries() -> [IterationBatch.Entry] {
        var entries: [IterationBatch.Entry] = []
        for s in running where s.prefilled == s.request.promptTokens {
            entries.append(.init(requestID: s.request.id, phase: .decode, tokens: 1,
                                 priorContext: s.prefilled + s.generated - 1, producesToken: true))
        }
        var budget = configuration.maxBatchedTokens - entries.count
        for s in running where s.prefilled < s.request.promptTokens && budget > 0 {
            let n = min(s.request.promptTokens - s.prefilled, budget)
            entries.append(.init(requestID: s.request.id, phase: .prefill, tokens: n, priorContext: s.prefilled,
                                 producesToken: s.prefilled + n == s.request.promptTokens))
            budget -= n
        }
        return entries
    }
}
