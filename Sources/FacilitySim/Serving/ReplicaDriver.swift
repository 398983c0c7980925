import Serving

/// One replica's batching for the off-line measurements of `ServingRate`: the O(1)-per-decode
/// `AggregateBatchScheduler` without chunked prefill, the general `ContinuousBatchScheduler` with it (same decisions).
struct ReplicaDriver {
    /// A planned iteration: duration, phase, sequences and output tokens it produces.
    struct Planned {
        var durationSeconds: Double
        var phase: IterationPhase
        var sequences: Int
        var producedTokens: Int
    }

    private var fast: AggregateBatchScheduler?
    private var general: ContinuousBatchScheduler?

    /// A replica of `setup`, with iteration times from `timing` (default: the set-up's, at full clock).
    init(setup: ServingSetup, timing: IterationTimeModel? = nil) {
        let timing = timing ?? setup.timing
        if setup.scheduler.chunkedPrefill {
            general = ContinuousBatchScheduler(configuration: setup.scheduler, timing: timing)
        } else {
            fast = AggregateBatchScheduler(configuration: setup.scheduler, timing: timing)
        }
    }

    var waitingCount: Int { fast?.waitingCount ?? general?.waitingCount ?? 0 }

    /// - Throws: `ServingError` for a request larger than the KV cache.
    mutating func admit(_ r: Request) throws {
        if fast != nil { try fast?.admit(r) } else { try general?.admit(r) }
    }

    /// Plans the next iteration at `now` (nil when idle).
    mutating func next(atSeconds now: Double) throws -> Planned? {
        if fast != nil {
            // Every prefill entry is a whole prompt producing its first token; a decode entry produces one token.
            return try fast?.nextIteration(atSeconds: now).map {
                Planned(durationSeconds: $0.durationSeconds, phase: $0.phase, sequences: $0.sequences, producedTokens: $0.sequences)
            }
        }
        return try general?.nextIteration(atSeconds: now).map {
            Planned(durationSeconds: $0.durationSeconds, phase: $0.phase, sequences: $0.batch.sequenceCount,
                    producedTokens: $0.batch.entries.reduce(0) { $0 + ($1.producesToken ? 1 : 0) })
        }
    }

    /// Ends the planned iteration; `finished` sees each completed request. Returns how many completed.
    mutating func complete(_ finished: (CompletedRequest) -> Void) throws -> Int {
        if fast != nil { return try fast?.complete(finished) ?? 0 }
        guard let done = try general?.complete() else { return 0 }
        done.forEach(finished)
        return done.count
    }
}
