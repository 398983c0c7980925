import ArgumentParser
import Foundation
import InferenceKernel

/// `factory-twin generate`: run the CPU inference kernel on a checkpoint or on synthetic weights.
struct Generate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate text with the CPU inference kernel (llama2.c checkpoint or synthetic weights).",
        discussion: """
        The prompt is encoded with BOS first (an empty prompt is just BOS at position 0) and prefilled as \
        one batch; then --steps tokens are generated per sequence, each fed back at the next position. \
        With --print-ids the generated ids are printed, one line per sequence, and generation does not \
        stop at BOS; otherwise text is printed and a sequence stops when it generates BOS. \
        Throughput goes to stderr. Example reproducing the kernel's reference vectors: \
        generate --checkpoint tiny-gqa.bin --tokenizer tokenizer-512.bin --steps 64 --temperature 0 --print-ids
        """)

    @Option(help: "llama2.c legacy checkpoint file.")
    var checkpoint: String?

    @Option(help: "llama2.c tokenizer file (required with --checkpoint).")
    var tokenizer: String?

    @Option(help: "Synthetic weights of a preset instead of a checkpoint: 15M, 42M or 110M.")
    var synthetic: String?

    @Option(help: "Prompt text.")
    var prompt: String = ""

    @Option(help: "Tokens to generate per sequence (clamped to the context).")
    var steps: Int = 256

    @Option(help: "Sampling temperature; 0 is greedy argmax.")
    var temperature: Float = 1.0

    @Option(name: .customLong("top-p"), help: "Nucleus sampling mass in (0, 1); ≥ 1 samples the full distribution.")
    var topP: Float = 0.9

    @Option(help: "Independent sequences decoded together (each weight read once per step for all).")
    var batch: Int = 1

    @Option(help: "Seed of the samplers (and of synthetic weights).")
    var seed: UInt64 = 42

    @Flag(name: .customLong("print-ids"), help: "Print token ids instead of text; do not stop at BOS.")
    var printIDs = false

    @Option(help: "Weight precision: float32, or int8 (8-bit weights with group scales, as llama2.c runq.c).")
    var precision: String = "float32"

    @Option(help: "Threads (default: all active processors).")
    var threads: Int?

    func validate() throws {
        guard (checkpoint == nil) != (synthetic == nil) else {
            throw ValidationError("give exactly one of --checkpoint FILE (with --tokenizer FILE) or --synthetic PRESET")
        }
        if checkpoint != nil, tokenizer == nil {
            throw ValidationError("--checkpoint needs --tokenizer FILE (the llama2.c tokenizer of that model)")
        }
        guard batch >= 1 else { throw ValidationError("--batch must be at least 1, got \(batch)") }
        guard steps >= 0 else { throw ValidationError("--steps must be ≥ 0, got \(steps)") }
        guard temperature.isFinite, temperature >= 0 else {
            throw ValidationError("--temperature must be ≥ 0, got \(temperature)")
        }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
    }

    func run() async throws {
        try KernelCommandSupport.announceKernelISA()
        let pool = threads.map { KernelThreads(count: $0) } ?? .allCores
        let model = try checkpoint.map { try LoadedModel.checkpoint(path: $0, tokenizerPath: tokenizer) }
            ?? LoadedModel.synthetic(preset: synthetic ?? "", seed: seed, threads: pool)
        let vocabulary = try requireTokenizer(model)
        let promptTokens = vocabulary.encode(prompt, bos: true)
        let d = model.weights.dimensions
        guard promptTokens.count <= d.maxSequenceLength else {
            throw KernelError.promptTooLong(tokens: promptTokens.count, limit: d.maxSequenceLength)
        }
        let capacity = min(d.maxSequenceLength, promptTokens.count + max(steps, 1) - 1)
        let transformer = try Transformer(weights: model.weights, sequenceSlots: batch, contextCapacity: capacity,
                                          maxRowsPerStep: max(batch, 64),
                                          precision: try WeightPrecision.named(precision), threads: pool)
        let samplers = try (0..<batch).map {
            try Sampler(temperature: temperature, topP: topP, seed: seed, stream: UInt64($0))
        }
        KernelCommandSupport.progress("model: \(model.weights.origin), \(d.headerDescription), "
            + "\(transformer.precision) weights" + (transformer.quantizationGroupSize.map { " (group \($0))" } ?? ""))
        let output = FileHandle.standardOutput
        let streamText = !printIDs && batch == 1
        let result = try Generator(transformer: transformer).generate(
            prompts: Array(repeating: promptTokens, count: batch), steps: steps, samplers: samplers,
            stopAtBOS: !printIDs
        ) { _, previous, token in
            if streamText {
                let bytes = vocabulary.decode(previous: previous, token: token)
                if Tokenizer.isPrintable(bytes) { output.write(Data(bytes)) }
            }
        }
        if result.steps < steps {
            KernelCommandSupport.progress("note: --steps \(steps) clamped to \(result.steps) by the context of \(capacity)")
        }
        for (index, tokens) in result.generatedTokens.enumerated() {
            if printIDs {
                print(tokens.map(String.init).joined(separator: " "))
            } else if streamText {
                print("")
            } else {
                print("--- sequence \(index) ---")
                print(vocabulary.decode(tokens, after: promptTokens.last!, printableOnly: true))
            }
        }
        let generated = result.generatedTokens.reduce(0) { $0 + $1.count }
        let total = result.prefillSeconds + result.decodeSeconds
        KernelCommandSupport.progress(String(
            format: "achieved tok/s: %.1f (%d tokens in %.3f s; prefill %d tokens at %.1f tok/s, decode batch %d at %.1f tok/s)",
            total > 0 ? Double(generated) / total : 0, generated, total, promptTokens.count * batch,
            result.prefillTokensPerSecond, batch, result.decodeTokensPerSecond) + " [\(BuildInfo.current.label)]")
        if case .synthetic = model.weights.origin {
            KernelCommandSupport.progress("(synthetic weights: the text is meaningless by construction)")
        }
    }

    /// The model's tokenizer (always present: --checkpoint requires --tokenizer, synthetic has its own).
    private func requireTokenizer(_ model: LoadedModel) throws -> Tokenizer {
        guard let tokenizer = model.tokenizer else {
            throw ValidationError("--checkpoint needs --tokenizer FILE")
        }
        return tokenizer
    }
}
