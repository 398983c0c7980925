import Foundation

/// Named model shapes for synthetic weights, after llama2.c's TinyStories models.
///
/// Dimensions from karpathy/llama2.c README ("Models" table: stories15M dim 288, 6 layers, 6 heads;
/// stories42M dim 512, 8 layers, 8 heads; stories110M dim 768, 12 layers, 12 heads) and the hidden
/// sizes its `model.py` derives (`multiple_of` 32: 768, 1376, 2048). Those models use the 32000-token
/// Llama-2 vocabulary and multi-head attention (n_kv_heads = n_heads).
/// Assumption: seq_len 1024 for all three (llama2.c ships stories15M with 256 and the larger ones with
/// 1024); one context length for every preset keeps KV-cache and attention figures comparable.
public enum SyntheticPreset: String, CaseIterable, Sendable {
    case stories15M = "15M"
    case stories42M = "42M"
    case stories110M = "110M"

    /// The preset's dimensions.
    public var dimensions: ModelDimensions {
        switch self {
        case .stories15M:
            return ModelDimensions(dim: 288, hiddenDim: 768, layerCount: 6, headCount: 6, kvHeadCount: 6,
                                   vocabSize: 32000, maxSequenceLength: 1024)
        case .stories42M:
            return ModelDimensions(dim: 512, hiddenDim: 1376, layerCount: 8, headCount: 8, kvHeadCount: 8,
                                   vocabSize: 32000, maxSequenceLength: 1024)
        case .stories110M:
            return ModelDimensions(dim: 768, hiddenDim: 2048, layerCount: 12, headCount: 12, kvHeadCount: 12,
                                   vocabSize: 32000, maxSequenceLength: 1024)
        }
    }

    /// Looks a preset up by name (`15M`, `42M`, `110M`; case-insensitive, `stories` prefix allowed).
    /// - Throws: `KernelError.unknownPreset` listing the known names.
    public static func named(_ name: String) throws -> SyntheticPreset {
        var key = name.trimmingCharacters(in: .whitespaces).uppercased()
        if key.hasPrefix("STORIES") { key.removeFirst("STORIES".count) }
        guard let preset = allCases.first(where: { $0.rawValue.uppercased() == key }) else {
            throw KernelError.unknownPreset(name: name, known: allCases.map(\.rawValue))
        }
        return preset
    }
}
