import Dispatch

/// Text generation over a batch of sequences: batched prefill of the prompts, then batched decode.
///
/// Protocol (the one of `tiny-gqa.expected.json` and of llama2.c's `generate`): the prompt is encoded
/// with BOS first, so an empty prompt is just `[BOS]` at position 0. The prompt's `n` tokens take
/// positions 0…n−1 in one prefill; the logits of the last one give the first generated token, which is
/// fed back at position n, and so on: `steps` generated tokens use positions 0…n+steps−2. With
/// `stopAtBOS`, a sequence ends when it generates BOS (llama2.c's stop rule); otherwise it runs all
/// `steps` — the fixture's 47th greedy token is BOS and generation continues past it.
public struct Generator {
    /// What one run produced.
    public struct Result: Sendable {
        /// Prompt tokens of each sequence (BOS included).
        public var promptTokens: [[Int]]
        /// Generated tokens of each sequence (the stopping BOS excluded).
        public var generatedTokens: [[Int]]
        /// Wall time of the prefill, s.
        public var prefillSeconds: Double
        /// Wall time of all decode steps, s.
        public var decodeSeconds: Double
        /// Tokens processed by decode forward passes (generated tokens that were fed back).
        public var decodedTokens: Int
        /// Steps actually requested after clamping to the context.
        public var steps: Int

        /// Prompt tokens processed per second of prefill.
        public var prefillTokensPerSecond: Double {
            prefillSeconds > 0 ? Double(promptTokens.reduce(0) { $0 + $1.count }) / prefillSeconds : 0
        }
        /// Tokens processed per second of decode, all sequences together.
        public var decodeTokensPerSecond: Double { decodeSeconds > 0 ? Double(decodedTokens) / decodeSeconds : 0 }
    }

    /// The model runner (its slots are the batch).
    public let transformer: Transformer

    /// Wraps a transformer.
    public init(transformer: Transformer) { self.transformer = transformer }

    /// Longest `steps` that fits after a prompt of `promptLength` tokens: `capacity − promptLength + 1`.
    public func maxSteps(promptLength: Int) -> Int { transformer.contextCapacity - promptLength + 1 }

    /// Generates `steps` tokens after each prompt (one prompt per slot, at most `sequenceSlots`).
    ///
    /// - Parameters:
    ///   - prompts: token ids per sequence, BOS included (from `Tokenizer.encode`).
    ///   - steps: tokens to generate per sequence; clamped to the context (see `Result.steps`).
    ///   - samplers: one per sequence.
    ///   - stopAtBOS: end a sequence when it generates BOS.
    ///   - onToken: called with (sequence, previous token, new token) as each token is chosen.
    /// - Throws: `KernelError.promptTooLong` when a prompt does not fit the context,
    ///   `.invalidArgument` for an empty prompt, too many sequences or `steps < 0`.
    public func generate(prompts: [[Int]], steps: Int, samplers: [Sampler], stopAtBOS: Bool,
                         onToken: (Int, Int, Int) -> Void = { _, _, _ in }) throws -> Result {
        let t = transformer
        guard !prompts.isEmpty, prompts.count <= t.sequenceSlots, samplers.count == prompts.count else {
            throw KernelError.invalidArgument(
                "need 1…\(t.sequenceSlots) prompts and one sampler each, got \(prompts.count) and \(samplers.count)")
        }
        guard steps >= 0 else { throw KernelError.invalidArgument("steps must be ≥ 0, got \(steps)") }
        for prompt in prompts {
            guard !prompt.isEmpty else { throw KernelError.invalidArgument("empty prompt (BOS is required)") }
            guard prompt.count <= t.contextCapacity else {
                throw KernelError.promptTooLong(tokens: prompt.count, limit: t.contextCapacity)
            }
        }
        let longest = prompts.map(\.count).max() ?? 0
        let clampedSteps = min(steps, maxSteps(promptLength: longest))
        var samplers = samplers
        var generated = Array(repeating: [Int](), count: prompts.count)
        var result = Result(promptTokens: prompts, generatedTokens: [], prefillSeconds: 0, decodeSeconds: 0,
                            decodedTokens: 0, steps: clampedSteps)
        t.resetCache()
        guard clampedSteps > 0 else {
            result.generatedTokens = generated
            return result
        }

        // Prefill: all prompts' tokens, chunked into calls of at most maxRowsPerStep rows.
        var rows: [TokenRow] = []
        for (slot, prompt) in prompts.enumerated() {
            for (position, token) in prompt.enumerated() {
                rows.append(TokenRow(slot: slot, position: position, token: token,
                                     wantsLogits: position == prompt.count - 1))
            }
        }
        var next = Array(repeating: 0, count: prompts.count)
        let prefillStart = DispatchTime.now().uptimeNanoseconds
        var start = 0
        while start < rows.count {
            let chunk = Array(rows[start..<min(rows.count, start + t.maxRowsPerStep)])
            try t.forward(chunk)
            for (index, row) in chunk.filter(\.wantsLogits).enumerated() {
                next[row.slot] = samplers[row.slot].sample(t.logits(index))
            }
            start += chunk.count
        }
        result.prefillSeconds = Double(DispatchTime.now().uptimeNanoseconds - prefillStart) / 1e9

        // Decode: every live sequence advances one token per step, all in one batched call.
        var live = Array(prompts.indices)
        var position = prompts.map(\.count)
        var previous = prompts.map { $0.last! }
        let decodeStart = DispatchTime.now().uptimeNanoseconds
        for step in 0..<clampedSteps {
            var stillLive: [Int] = []
            for slot in live {
                if stopAtBOS && next[slot] == Tokenizer.bos { continue }
                generated[slot].append(next[slot])
                onToken(slot, previous[slot], next[slot])
                previous[slot] = next[slot]
                stillLive.append(slot)
            }
            live = stillLive
            if live.isEmpty || step == clampedSteps - 1 { break }
            let decodeRows = live.map { TokenRow(slot: $0, position: position[$0], token: next[$0]) }
            try t.forward(decodeRows)
            result.decodedTokens += decodeRows.count
            for (index, slot) in live.enumerated() {
                next[slot] = samplers[slot].sample(t.logits(index))
                position[slot] += 1
            }
        }
        result.decodeSeconds = Double(DispatchTime.now().uptimeNanoseconds - decodeStart) / 1e9
        result.generatedTokens = generated
        return result
    }
}
