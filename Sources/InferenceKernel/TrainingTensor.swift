/// The trainable tensors of a `TrainingModel`, by llama2.c name (public face of the checkpoint layout).
public enum TrainingTensor: String, CaseIterable, Sendable {
    /// `[vocab, dim]`, also the tied classifier.
    case tokenEmbedding = "token_embedding"
    /// `[L, dim]` RMSNorm weights before attention.
    case rmsAttention = "rms_att"
    /// `[L, dim, dim]`.
    case wq, wo
    /// `[L, kv_dim, dim]`.
    case wk, wv
    /// `[L, dim]` RMSNorm weights before the feed-forward layer.
    case rmsFFN = "rms_ffn"
    /// `[L, hidden, dim]` gate and up projections.
    case w1, w3
    /// `[L, dim, hidden]` down projection.
    case w2
    /// `[dim]` final RMSNorm weights.
    case rmsFinal = "rms_final"

    var layoutTensor: TensorLayout.Tensor {
        switch self {
        case .tokenEmbedding: return .tokenEmbedding
        case .rmsAttention: return .rmsAttention
        case .wq: return .wq
        case .wk: return .wk
        case .wv: return .wv
        case .wo: return .wo
        case .rmsFFN: return .rmsFFN
        case .w1: return .w1
        case .w2: return .w2
        case .w3: return .w3
        case .rmsFinal: return .rmsFinal
        }
    }
}
