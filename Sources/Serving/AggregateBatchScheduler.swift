/// One server's continuous batching without chunked prefill, in O(1) per decode iteration: the same decisions,
/// durations and completion times as `ContinuousBatchScheduler` with `chunkedPrefill == false`, for long
/// request-fidelity runs.
///
/// A decode step's cost depends on its batch only through the batch size b and the total context S
/// (`IterationTimeModel.decodeSeconds`), and every running sequence advances one token per decode iteration, so the
/// scheduler keeps b, S (S grows by b per step) and, for each sequence, the decode-iteration count at which it finishes
/// (a min-heap). A decode iteration costs O(1) plus O(log b) per request it finishes; a prefill iteration O(prompts).
/// Admission is the same: FIFO while the batch limit and the KV reservation (prompt + output of every admitted request)
/// allow; a prefill iteration takes whole prompts FIFO up to the token budget (at least one); otherwise every running
/// sequence decodes. Completions of one iteration are returned in finishing order of the heap (by request id on ties),
/// not in admission order.
public struct AggregateBatchScheduler: Sendable {
    /// A planned iteration, summarised.
    public struct Iteration: Sendable, Equatable {
        public var startSeconds: Double
        public var durationSeconds: Double
        public var phase: IterationPhase
        /// Sequences in the batch.
        public var sequences: Int
        /// Prompt tokens processed (prefill) or sequences (decode).
        public var tokens: Int
        /// Positions the decode step's new tokens attend in all (Σ prior context + 1); 0 for prefill.
        public var totalContext: Int
        public var endSeconds: Double { startSeconds + durationSeconds }
    }

    private struct Running: Sendable {
        var request: Request
        var firstScheduledSeconds: Double
        var firstTokenSeconds: Double
    }

    /// Limits.
    public let configuration: SchedulerConfiguration
    /// The roofline at the replica's clock (read for every iteration, so a clock change applies to the next one).
    public var timing: IterationTimeModel { didSet { decode = timing.decodeTiming } }
    private var decode: DecodeTiming
    private var waiting: [Request] = []
    private var waitingHead = 0
    /// Admitted, awaiting prefill (FIFO).
    private var prefillQueue: [Request] = []
    private var prefillHead = 0
    private var prefillScheduled = 0
    /// Decoding sequences by slot; free slots are reused.
    private var slots: [Running] = []
    private var freeSlots: [Int] = []
    /// Min-heap of (decode iteration at which the sequence finishes, request id, slot).
    private var finishing: [(at: Int, id: Int, slot: Int)] = []
    private var decodeIterations = 0
    private var totalContext = 0
    private var reservedTokens = 0
    private var inFlight: Iteration?

    /// Creates an idle server.
    public init(configuration: SchedulerConfiguration, timing: IterationTimeModel) {
        self.configuration = configuration
        self.timing = timing
        decode = timing.decodeTiming
    }

    /// Requests queued, not yet admitted; admitted and not finished.
    public var waitingCount: Int { waiting.count - waitingHead }
    public var runningCount: Int { prefillQueue.count - prefillHead + finishing.count }
    /// KV-cache bytes reserved by admitted requests, B; never above capacity.
    public var reservedKVBytes: Double { Double(reservedTokens) * configuration.kvBytesPerToken }
    public var isBusy: Bool { inFlight != nil }

    /// Queues an arrived request.
    /// - Throws: as `ContinuousBatchScheduler.admit`.
    public mutating func admit(_ request: Request) throws {
        guard request.promptTokens >= 1, request.outputTokens >= 1 else {
            throw ServingError.invalidConfiguration(field: "request \(request.id)", reason: "prompt and output tokens must be at least 1")
        }
        guard request.maxContextTokens <= configuration.kvCapacityTokens else {
            throw ServingError.requestTooLarge(requestID: request.id, kvBytes: Double(request.maxContextTokens) * configuration.kvBytesPerToken,
                                               capacityBytes: configuration.kvCacheCapacityBytes)
        }
        waiting.append(request)
    }

    /// Plans the next iteration at `now`, or nil when there is no work.
    /// - Throws: `ServingError.schedulerMisuse` when an iteration is in flight.
    public mutating func nextIteration(atSeconds now: Double) throws -> Iteration? {
        guard inFlight == nil else { throw ServingError.schedulerMisuse("nextIteration while an iteration is in flight") }
        while waitingHead < waiting.count, runningCount < configuration.maxBatchSize {
            let r = waiting[waitingHead]
            guard reservedTokens + r.maxContextTokens <= configuration.kvCapacityTokens else { break }
            reservedTokens += r.maxContextTokens
            prefillQueue.append(r)
            waitingHead += 1
        }
        if waitingHead > 1024, waitingHead * 2 > waiting.count { waiting.removeFirst(waitingHead); waitingHead = 0 }
        let iteration: Iteration
        if prefillHead < prefillQueue.count {
            var budget = configuration.maxBatchedTokens, count = 0, tokens = 0
            var entries: [IterationBatch.Entry] = []
            for r in prefillQueue[prefillHead...] {
                if count > 0, r.promptTokens > budget { break }
                entries.append(.init(requestID: r.id, phase: .prefill, tokens: r.promptTokens, priorContext: 0, producesToken: true))
                budget -= r.promptTokens
                tokens += r.promptTokens
                count += 1
            }
            prefillScheduled = count
            iteration = Iteration(startSeconds: now, durationSeconds: timing.seconds(for: IterationBatch(entries: entries)),
                                  phase: .prefill, sequences: count, tokens: tokens, totalContext: 0)
        } else if !finishing.isEmpty {
            let b = finishing.count
            iteration = Iteration(startSeconds: now, durationSeconds: decode.seconds(sequences: b, totalContext: totalContext),
                                  phase: .decode, sequences: b, tokens: b, totalContext: totalContext)
        } else {
            return nil
        }
        inFlight = iteration
        return iteration
    }

    /// Applies the in-flight iteration at its end; calls `finished` for every request it completes.
    /// - Returns: the number of requests completed.
    /// - Throws: `ServingError.schedulerMisuse` when no iteration is in flight.
    @discardableResult
    public mutating func complete(_ finished: (CompletedRequest) -> Void) throws -> Int {
        guard let it = inFlight else { throw ServingError.schedulerMisuse("complete with no iteration in flight") }
        inFlight = nil
        let end = it.endSeconds
        var done = 0
        if it.phase == .prefill {
            for k in 0..<prefillScheduled {
                let r = prefillQueue[prefillHead + k]
                if r.outputTokens == 1 {
                    reservedTokens -= r.maxContextTokens
                    finished(CompletedRequest(request: r, firstScheduledSeconds: it.startSeconds, firstTokenSeconds: end, completionSeconds: end))
                    done += 1
                    continue
                }
                let seq = Running(request: r, firstScheduledSeconds: it.startSeconds, firstTokenSeconds: end)
                let slot: Int
                if let free = freeSlots.popLast() { slot = free; slots[slot] = seq } else { slot = slots.count; slots.append(seq) }
                totalContext += r.promptTokens + 1
                push((decodeIterations + r.outputTokens - 1, r.id, slot))
            }
            prefillHead += prefillScheduled
            prefillScheduled = 0
            if prefillHead > 1024, prefillHead * 2 > prefillQueue.count { prefillQueue.removeFirst(prefillHead); prefillHead = 0 }
        } else {
            decodeIterations += 1
            totalContext += finishing.count
            while let top = finishing.first, top.at <= decodeIterations {
                pop()
                let s = slots[top.slot]
                totalContext -= s.request.promptTokens + s.request.outputTokens
                reservedTokens -= s.request.maxContextTokens
                freeSlots.append(top.slot)
                finished(CompletedRequest(request: s.request, firstScheduledSeconds: s.firstScheduledSeconds,
                                          firstTokenSeconds: s.firstTokenSeconds, completionSeconds: end))
                done += 1
            }
        }
        return done
    }

    // MARK: heap (ordered by finishing decode iteration, then request id)

    private static func less(_ a: (at: Int, id: Int, slot: Int), _ b: (at: Int, id: Int, slot: Int)) -> Bool {
        a.at < b.at || (a.at == b.at && a.id < b.id)
    }

    private mutating func push(_ e: (at: Int, id: Int, slot: Int)) {
        finishing.append(e)
        var i = finishing.count - 1
        while i > 0 {
            let p = (i - 1) / 2
            guard Self.less(finishing[i], finishing[p]) else { break }
            finishing.swapAt(i, p)
            i = p
        }
    }

    private mutating func pop() {
        let last = finishing.removeLast()
        guard !finishing.isEmpty else { return }
        finishing[0] = last
        var i = 0
        let n = finishing.count
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < n, Self.less(finishing[l], finishing[m]) { m = l }
            if r < n, Self.less(finishing[r], finishing[m]) { m = r }
            if m == i { return }
            finishing.swapAt(i, m)
            i = m
        }
    }
}
