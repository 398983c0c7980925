import InferenceKernel

/// Model shapes a `workload: training` block may name: the serving presets plus GPT-3 175B (MLPerf Training's
/// large-language-model benchmark).
public enum TrainingModelCatalogue {
    /// GPT-3 175B: 96 layers, d_model 12,288, 96 heads of 128, context 2,048 (Brown et al. 2020, "Language Models are
    /// Few-Shot Learners", table 2.1), GPT-2 vocabulary of 50,257. Its GELU MLP of width 4d = 49,152 has 2·4d² = 8d²
    /// weights per layer, written here as the SwiGLU width 8d/3 = 32,768 (3 matrices, the same 8d² weights and FLOPs).
    public static let gpt3_175B = ModelDimensions(dim: 12_288, hiddenDim: 32_768, layerCount: 96, headCount: 96,
                                                  kvHeadCount: 96, vocabSize: 50_257, maxSequenceLength: 2_048)

    /// Names accepted.
    public static var names: [String] { ["GPT-3-175B"] + TargetModel.presets.map(\.name) }

    /// The shape called `name` (case-insensitive).
    /// - Throws: `ServingError.invalidConfiguration` listing the known names.
    public static func dimensions(named name: String) throws -> ModelDimensions {
        if name.lowercased() == "gpt-3-175b" { return gpt3_175B }
        do { return try TargetModel.named(name).dimensions } catch {
            throw ServingError.invalidConfiguration(field: "model",
                reason: "unknown model '\(name)'; known: \(names.joined(separator: ", "))")
        }
    }
}
