import Foundation

/// The JSON conventions of study outputs: sorted keys, pretty-printed, no escaped slashes, non-finite numbers
/// as the strings `inf`, `-inf`, `nan`; keys are written as given (already snake_case). Byte-stable: the same
/// values give the same bytes.
enum ResultJSON {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return decoder
    }
}
