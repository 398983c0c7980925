/// How far 8-bit weights move the logits from Float32 (teacher-forced, position by position).
public enum QuantizationAccuracy {
    /// Logit differences between an Int8 and a Float32 run of the same token stream.
    public struct Result: Sendable, Codable, Equatable {
        /// Preset or checkpoint name.
        public var model: String
        /// Inputs per scale actually used.
        public var groupSize: Int
        /// Positions compared.
        public var positions: Int
        /// Largest |logit₈ − logit₃₂| over all positions and tokens.
        public var maxAbsLogitError: Double
        /// Root-mean-square of logit₈ − logit₃₂.
        public var rmsLogitError: Double
        /// Root-mean-square of the Float32 logits (the scale the errors compare to).
        public var rmsLogit: Double
        /// Fraction of positions where both runs have the same argmax token.
        public var top1Agreement: Double

        private enum CodingKeys: String, CodingKey {
            case model, groupSize = "group_size", positions, maxAbsLogitError = "max_abs_logit_error"
            case rmsLogitError = "rms_logit_error", rmsLogit = "rms_logit", top1Agreement = "top1_agreement"
        }
    }

    /// Runs the Float32 model greedily from BOS for `positions` positions, feeds the same tokens to the
    /// Int8 model, and compares the logits at every position.
    /// - Throws: `KernelError.invalidArgument` when `positions` is outside 1…seq_len.
    public static func measure(weights: TransformerWeights, model: String, positions: Int, groupSize: Int = 64,
                               threads: KernelThreads = .allCores) throws -> Result {
        guard positions >= 1, positions <= weights.dimensions.maxSequenceLength else {
            throw KernelError.invalidArgument("positions must be 1…\(weights.dimensions.maxSequenceLength), got \(positions)")
        }
        let reference = try Transformer(weights: weights, contextCapacity: positions, threads: threads)
        let quantized = try Transformer(weights: weights, contextCapacity: positions,
                                        precision: .int8(groupSize: groupSize), threads: threads)
        var token = Tokenizer.bos
        var maxError = 0.0, sumSquaredError = 0.0, sumSquaredLogit = 0.0
        var agree = 0
        for position in 0..<positions {
            let row = [TokenRow(slot: 0, position: position, token: token)]
            try reference.forward(row)
            try quantized.forward(row)
            let a = reference.logits(0), b = quantized.logits(0)
            for i in 0..<a.count {
                let e = Double(b[i]) - Double(a[i])
                maxError = max(maxError, abs(e))
                sumSquaredError += e * e
                sumSquaredLogit += Double(a[i]) * Double(a[i])
            }
            let next = Sampler.argmax(a)
            if next == Sampler.argmax(b) { agree += 1 }
            token = next
        }
        let count = Double(positions * weights.dimensions.vocabSize)
        return Result(model: model, groupSize: quantized.quantizationGroupSize ?? groupSize, positions: positions,
                      maxAbsLogitError: maxError, rmsLogitError: (sumSquaredError / count).squareRoot(),
                      rmsLogit: (sumSquaredLogit / count).squareRoot(), top1Agreement: Double(agree) / Double(positions))
    }
}
