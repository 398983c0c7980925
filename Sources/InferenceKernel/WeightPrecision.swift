/// How a `Transformer` stores the matrices it multiplies by.
public enum WeightPrecision: Sendable, Hashable, CustomStringConvertible {
    /// Float32, as in the checkpoint (4 bytes per weight).
    case float32
    /// 8-bit integers with one Float32 scale per group of inputs (llama2.c `runq.c` Q8_0), activations
    /// in Float32. The group is the largest power of two ≤ `groupSize` dividing dim and hidden_dim.
    case int8(groupSize: Int)

    /// `runq.c`'s default group of 64 inputs.
    public static let int8Default = WeightPrecision.int8(groupSize: 64)

    /// `float32` or `int8`.
    public var description: String {
        switch self {
        case .float32: return "float32"
        case .int8: return "int8"
        }
    }

    /// Parses `float32` (`f32`) or `int8` (`q8`, group 64).
    /// - Throws: `KernelError.invalidArgument` for anything else.
    public static func named(_ name: String) throws -> WeightPrecision {
        switch name.lowercased() {
        case "float32", "f32", "fp32": return .float32
        case "int8", "q8", "q8_0": return .int8Default
        default: throw KernelError.invalidArgument("unknown weight precision '\(name)'; use float32 or int8")
        }
    }
}
