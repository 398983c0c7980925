/// Weights plus tokenizer, from a checkpoint pair or from a synthetic preset: what the commands run.
public struct LoadedModel: Sendable {
    /// The weights.
    public let weights: TransformerWeights
    /// The tokenizer: the file's, or a synthetic byte-level one for synthetic weights.
    public let tokenizer: Tokenizer?
    /// Preset name (`110M`) or checkpoint file name.
    public let name: String

    /// Loads a llama2.c checkpoint and, if given, its tokenizer (read for the checkpoint's vocab_size).
    /// - Throws: the `KernelError`s of `TransformerWeights(checkpointPath:)` and `Tokenizer(path:vocabularySize:)`.
    public static func checkpoint(path: String, tokenizerPath: String?) throws -> LoadedModel {
        let weights = try TransformerWeights(checkpointPath: path)
        let tokenizer = try tokenizerPath.map {
            try Tokenizer(path: $0, vocabularySize: weights.dimensions.vocabSize)
        }
        return LoadedModel(weights: weights, tokenizer: tokenizer, name: weights.origin.description)
    }

    /// Generates synthetic weights of a preset and the matching synthetic tokenizer.
    /// - Throws: `KernelError.unknownPreset`.
    public static func synthetic(preset name: String, seed: UInt64,
                                 threads: KernelThreads = .allCores) throws -> LoadedModel {
        let preset = try SyntheticPreset.named(name)
        let weights = try TransformerWeights.synthetic(preset: preset, seed: seed, threads: threads)
        return LoadedModel(weights: weights, tokenizer: .synthetic(vocabularySize: weights.dimensions.vocabSize),
                           name: preset.rawValue)
    }
}
