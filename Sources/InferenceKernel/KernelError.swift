import Foundation

/// Every way the inference kernel rejects its input: bad files, bad dimensions, bad requests.
///
/// Each case names the file (or the argument) and says what is wrong, so a command-line user can fix
/// the input without reading the source. Public APIs of this target throw these instead of trapping.
public enum KernelError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// The file does not exist (or is not a regular file).
    case fileNotFound(path: String)
    /// The file exists but could not be opened, sized or mapped; `reason` is the system's message.
    case cannotRead(path: String, reason: String)
    /// A checkpoint whose byte count does not match what its header implies.
    case checkpointSizeMismatch(path: String, expectedBytes: Int, actualBytes: Int, header: String)
    /// Model dimensions that no transformer can have (zero, negative, not dividing evenly, too large).
    case invalidDimensions(source: String, reason: String)
    /// A tokenizer file that ends before all `vocabularySize` entries are read, or holds an impossible entry.
    case malformedTokenizer(path: String, reason: String)
    /// A prompt whose token count (BOS included) does not fit in the context window.
    case promptTooLong(tokens: Int, limit: Int)
    /// A request argument out of its valid range (batch < 1, position beyond the cache, token out of vocabulary…).
    case invalidArgument(String)
    /// An unknown synthetic preset name.
    case unknownPreset(name: String, known: [String])
    /// A result file could not be written.
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .fileNotFound(let path):
            return "\(path): no such file"
        case .cannotRead(let path, let reason):
            return "\(path): cannot read: \(reason)"
        case .checkpointSizeMismatch(let path, let expected, let actual, let header):
            return "\(path): checkpoint is \(actual) bytes but its header (\(header)) implies \(expected) bytes; "
                + "the file is truncated, has trailing data, or is not a llama2.c legacy checkpoint"
        case .invalidDimensions(let source, let reason):
            return "\(source): invalid model dimensions: \(reason)"
        case .malformedTokenizer(let path, let reason):
            return "\(path): malformed tokenizer: \(reason)"
        case .promptTooLong(let tokens, let limit):
            return "prompt is \(tokens) tokens (BOS included) but the context holds only \(limit) positions"
        case .invalidArgument(let message):
            return message
        case .unknownPreset(let name, let known):
            return "unknown synthetic preset '\(name)'; known presets: \(known.joined(separator: ", "))"
        case .cannotWrite(let path, let reason):
            return "\(path): cannot write: \(reason)"
        }
    }

    public var errorDescription: String? { description }
}
