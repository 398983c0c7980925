import InferenceKernel

/// A model to serve, described by its dimensions and storage precision only (never loaded).
///
/// FLOPs and bytes per step come from `InferenceKernel.KernelAccounting`, the same counting rules the
/// CPU kernel is measured with, so a kernel profile and a projected GPU iteration count alike.
public struct TargetModel: Sendable, Equatable {
    /// Display name, e.g. `Llama-2-70B`.
    public var name: String
    /// Transformer shape (layers, hidden size, heads, KV heads, FFN size, vocabulary, context).
    public var dimensions: ModelDimensions
    /// Bytes per stored weight: 2 for BF16, 1 for FP8, 4 for the CPU kernel's Float32.
    public var bytesPerWeight: Double
    /// Bytes per KV-cache element: 2 for BF16, 1 for an FP8 KV cache.
    public var bytesPerKVElement: Double
    /// Bytes per activation element exchanged by tensor-parallel all-reduces (2 for BF16).
    public var bytesPerActivation: Double
    /// Whether the classifier shares the token-embedding table (stored once).
    public var sharedClassifier: Bool
    /// Where the dimensions come from.
    public var source: String

    /// Creates a target model after checking its dimensions and precisions.
    /// - Throws: `ServingError.invalidConfiguration` for invalid dimensions or non-positive byte widths.
    public init(name: String, dimensions: ModelDimensions, bytesPerWeight: Double, bytesPerKVElement: Double,
                bytesPerActivation: Double = 2, sharedClassifier: Bool = false, source: String) throws {
        do { try dimensions.validate(source: name) } catch {
            throw ServingError.invalidConfiguration(field: "model.dimensions", reason: "\(error)")
        }
        for (field, value) in [("bytes_per_weight", bytesPerWeight), ("bytes_per_kv_element", bytesPerKVElement),
                               ("bytes_per_activation", bytesPerActivation)]
        where !(value > 0 && value.isFinite) {
            throw ServingError.invalidConfiguration(field: "model.\(field)", reason: "\(value) must be positive")
        }
        self.name = name
        self.dimensions = dimensions
        self.bytesPerWeight = bytesPerWeight
        self.bytesPerKVElement = bytesPerKVElement
        self.bytesPerActivation = bytesPerActivation
        self.sharedClassifier = sharedClassifier
        self.source = source
    }

    /// The same model stored at other precisions (e.g. FP8 weights and FP8 KV cache).
    /// - Throws: `ServingError.invalidConfiguration` for non-positive byte widths.
    public func withPrecision(bytesPerWeight: Double, bytesPerKVElement: Double) throws -> TargetModel {
        try TargetModel(name: name, dimensions: dimensions, bytesPerWeight: bytesPerWeight,
                        bytesPerKVElement: bytesPerKVElement, bytesPerActivation: bytesPerActivation,
                        sharedClassifier: sharedClassifier, source: source)
    }

    /// Weight elements stored.
    public var parameterCount: Int { dimensions.parameterCount(sharedClassifier: sharedClassifier) }

    /// Bytes of weights held in accelerator memory, B.
    public var weightBytes: Double { Double(parameterCount) * bytesPerWeight }

    /// Bytes of KV cache per token of context (one key and one value vector per layer), B.
    public var kvBytesPerToken: Double {
        KernelAccounting.kvBytesPerPosition(dimensions, bytesPerActivation: bytesPerKVElement)
    }

    /// Llama 3.1 8B at BF16: hidden 4096, FFN 14336, 32 layers, 32 heads, 8 KV heads, vocabulary 128256,
    /// context 131072, untied classifier (meta-llama/Llama-3.1-8B `config.json`: hidden_size,
    /// intermediate_size, num_hidden_layers, num_attention_heads, num_key_value_heads, vocab_size,
    /// max_position_embeddings, tie_word_embeddings false).
    public static let llama31_8B = preset(
        "Llama-3.1-8B", dim: 4096, hidden: 14336, layers: 32, heads: 32, kvHeads: 8, vocab: 128_256, context: 131_072,
        source: "meta-llama/Llama-3.1-8B config.json (Hugging Face model card)")

    /// Llama 2 70B at BF16: hidden 8192, FFN 28672, 80 layers, 64 heads, 8 KV heads, vocabulary 32000,
    /// context 4096 (meta-llama/Llama-2-70b-hf `config.json`; Touvron et al. 2023, arXiv 2307.09288, table 1).
    public static let llama2_70B = preset(
        "Llama-2-70B", dim: 8192, hidden: 28672, layers: 80, heads: 64, kvHeads: 8, vocab: 32000, context: 4096,
        source: "meta-llama/Llama-2-70b-hf config.json; arXiv 2307.09288 table 1")

    /// Llama 3 70B at BF16: as Llama 2 70B but vocabulary 128256 and context 8192
    /// (meta-llama/Meta-Llama-3-70B `config.json`).
    public static let llama3_70B = preset(
        "Llama-3-70B", dim: 8192, hidden: 28672, layers: 80, heads: 64, kvHeads: 8, vocab: 128_256, context: 8192,
        source: "meta-llama/Meta-Llama-3-70B config.json (Hugging Face model card)")

    /// The CPU kernel's synthetic preset (15M, 42M, 110M) at the kernel's Float32 precision, shared classifier.
    public static func synthetic(_ preset: SyntheticPreset) -> TargetModel {
        // The presets are validated by the kernel's own tests; the force is on a constant table.
        // swiftlint:disable:next force_try
        try! TargetModel(name: "stories\(preset.rawValue)", dimensions: preset.dimensions, bytesPerWeight: 4,
                         bytesPerKVElement: 4, bytesPerActivation: 4, sharedClassifier: true,
                         source: "InferenceKernel.SyntheticPreset (karpathy/llama2.c README models table)")
    }

    /// Every preset: the three Llama models at BF16 and the three synthetic kernel sizes.
    public static var presets: [TargetModel] {
        [llama31_8B, llama2_70B, llama3_70B] + SyntheticPreset.allCases.map(synthetic)
    }

    /// The preset called `name` (case-insensitive; `15M`, `42M`, `110M` for the synthetic sizes).
    /// - Throws: `ServingError.invalidConfiguration` listing the known names.
    public static func named(_ name: String) throws -> TargetModel {
        if let p = presets.first(where: { $0.name.lowercased() == name.lowercased() }) { return p }
        if let s = try? SyntheticPreset.named(name) { return synthetic(s) }
        throw ServingError.invalidConfiguration(
            field: "model", reason: "unknown model '\(name)'; known: \(presets.map(\.name).joined(separator: ", "))")
    }

    private static func preset(_ name: String, dim: Int, hidden: Int, layers: Int, heads: Int, kvHeads: Int,
                               vocab: Int, context: Int, source: String) -> TargetModel {
        let d = ModelDimensions(dim: dim, hiddenDim: hidden, layerCount: layers, headCount: heads,
                                kvHeadCount: kvHeads, vocabSize: vocab, maxSequenceLength: context)
        // Constant, checked table (dimensions divide evenly; byte widths positive).
        // swiftlint:disable:next force_try
        return try! TargetModel(name: name, dimensions: d, bytesPerWeight: 2, bytesPerKVElement: 2, source: source)
    }
}
