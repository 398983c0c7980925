import FacilityModels

/// Limits of one server's continuous batching, as vLLM sets them.
public struct SchedulerConfiguration: Sendable, Equatable {
    /// Most sequences in one iteration (vLLM `max_num_seqs`, default 256).
    public var maxBatchSize: Int
    /// Most tokens in one iteration (vLLM `max_num_batched_tokens`); a single prompt longer than this is
    /// still prefilled whole when chunked prefill is off.
    public var maxBatchedTokens: Int
    /// Whether prompts are split into chunks that share iterations with decode steps (vLLM/Sarathi
    /// chunked prefill); otherwise prefill iterations run apart, before decode (vLLM's default).
    public var chunkedPrefill: Bool
    /// Memory available to the KV cache on the replica, B.
    public var kvCacheCapacityBytes: Double
    /// KV-cache bytes per token of context, B.
    public var kvBytesPerToken: Double

    /// Creates a configuration.
    /// - Throws: `ServingError.invalidConfiguration` for non-positive limits.
    public init(maxBatchSize: Int, maxBatchedTokens: Int, chunkedPrefill: Bool, kvCacheCapacityBytes: Double,
                kvBytesPerToken: Double) throws {
        guard maxBatchSize >= 1 else {
            throw ServingError.invalidConfiguration(field: "max_batch_size", reason: "\(maxBatchSize) must be at least 1")
        }
        guard maxBatchedTokens >= 1 else {
            throw ServingError.invalidConfiguration(field: "max_batched_tokens", reason: "\(maxBatchedTokens) must be at least 1")
        }
        guard kvCacheCapacityBytes > 0, kvCacheCapacityBytes.isFinite, kvBytesPerToken > 0, kvBytesPerToken.isFinite else {
            throw ServingError.invalidConfiguration(field: "kv_cache",
                reason: "capacity \(kvCacheCapacityBytes) B and bytes per token \(kvBytesPerToken) must be positive")
        }
        self.maxBatchSize = maxBatchSize
        self.maxBatchedTokens = maxBatchedTokens
        self.chunkedPrefill = chunkedPrefill
        self.kvCacheCapacityBytes = kvCacheCapacityBytes
        self.kvBytesPerToken = kvBytesPerToken
    }

    /// The configuration of a replica of `model` on `parallelism.degree` × `accelerator`: KV capacity is
    /// `memoryUtilisation × memory − weights` (vLLM's `gpu_memory_utilization`, default 0.9; activations
    /// and CUDA graphs are inside the 10 % left out — Assumption).
    /// - Throws: `ServingError.invalidConfiguration` when no memory is left for the KV cache.
    public static func forReplica(model: TargetModel, accelerator: AcceleratorSpec, parallelism: TensorParallelism,
                                  memoryUtilisation: Double = 0.9, maxBatchSize: Int = 256,
                                  maxBatchedTokens: Int = 8192, chunkedPrefill: Bool = false) throws -> SchedulerConfiguration {
        guard memoryUtilisation > 0, memoryUtilisation <= 1 else {
            throw ServingError.invalidConfiguration(field: "memory_utilisation", reason: "\(memoryUtilisation) must be in (0, 1]")
        }
        let capacity = memoryUtilisation * accelerator.memoryBytes * Double(parallelism.degree) - model.weightBytes
        guard capacity > 0 else {
            throw ServingError.invalidConfiguration(field: "kv_cache",
                reason: "no memory left for the KV cache of \(model.name) on \(parallelism.degree) × \(accelerator.name)")
        }
        return try SchedulerConfiguration(maxBatchSize: maxBatchSize, maxBatchedTokens: maxBatchedTokens,
                                          chunkedPrefill: chunkedPrefill, kvCacheCapacityBytes: capacity,
                                          kvBytesPerToken: model.kvBytesPerToken)
    }

    /// Whole tokens of context the KV cache holds.
    public var kvCapacityTokens: Int { Int((kvCacheCapacityBytes / kvBytesPerToken).rounded(.down)) }
}
