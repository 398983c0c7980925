/// Deterministic synthetic weights: any model shape, no file needed.
extension TransformerWeights {
    /// Default standard deviation of synthetic matrix weights (GPT-2/Llama initialisation, 0.02).
    public static let syntheticWeightStandardDeviation: Float = 0.02

    /// Floats generated per independent random stream; fixes the work split, not the thread count.
    static let syntheticChunkFloats = 1 << 16

    /// Generates weights of shape `dimensions` from `seed`, in memory.
    ///
    /// Matrices and the embedding are approximately normal (mean 0, standard deviation `std`, see
    /// `SplitMix64.nextApproximateNormalPair`); RMSNorm weights are 1, as at initialisation. Each chunk of
    /// 65536 floats of each tensor draws from its own stream `SplitMix64(seed:, stream: tensor, chunk)`,
    /// so the weights are bit-identical for any thread count. The classifier is shared with the
    /// embedding unless `sharedClassifier` is false.
    /// - Throws: `KernelError.invalidDimensions` for an impossible shape.
    /// - Complexity: O(parameters), in parallel; about 0.1–0.3 s for the 110M preset on two cores.
    public static func synthetic(dimensions: ModelDimensions, seed: UInt64, sharedClassifier: Bool = true,
                                 standardDeviation std: Float = syntheticWeightStandardDeviation,
                                 preset: String? = nil, threads: KernelThreads = .allCores) throws -> TransformerWeights {
        try dimensions.validate(source: "synthetic weights")
        let layout = TensorLayout(dimensions, sharedClassifier: sharedClassifier, includeRopeTables: false,
                                  alignment: 16)
        let buffer = AlignedFloatBuffer(count: layout.totalFloats)
        // Tasks: (tensor, chunk) pairs over the random tensors; norm weights are set to 1 directly.
        let normTensors: [TensorLayout.Tensor] = [.rmsAttention, .rmsFFN, .rmsFinal]
        var tasks: [(tensor: TensorLayout.Tensor, chunk: Int)] = []
        for tensor in TensorLayout.Tensor.allCases where !normTensors.contains(tensor) {
            let chunks = (layout.count(tensor) + syntheticChunkFloats - 1) / syntheticChunkFloats
            for chunk in 0..<chunks { tasks.append((tensor, chunk)) }
        }
        for tensor in normTensors {
            (buffer.base + layout.offset(tensor)).update(repeating: 1, count: layout.count(tensor))
        }
        let base = buffer.base
        let taskList = tasks
        threads.run(taskList.count) { index in
            let (tensor, chunk) = taskList[index]
            let start = chunk * syntheticChunkFloats
            let count = min(syntheticChunkFloats, layout.count(tensor) - start)
            var rng = SplitMix64(seed: seed, stream: UInt64(tensor.rawValue), UInt64(chunk))
            let out = base + layout.offset(tensor) + start
            var i = 0
            while i + 1 < count {
                let pair = rng.nextApproximateNormalPair() * std
                out[i] = pair.x
                out[i + 1] = pair.y
                i += 2
            }
            if i < count { out[i] = rng.nextApproximateNormalPair().x * std }
        }
        return TransformerWeights(dimensions: dimensions, sharedClassifier: sharedClassifier,
                                  origin: .synthetic(preset: preset, seed: seed), base: UnsafePointer(base),
                                  layout: layout, owner: buffer)
    }

    /// Synthetic weights of a named preset (`15M`, `42M`, `110M`).
    public static func synthetic(preset: SyntheticPreset, seed: UInt64,
                                 threads: KernelThreads = .allCores) throws -> TransformerWeights {
        try synthetic(dimensions: preset.dimensions, seed: seed, preset: preset.rawValue, threads: threads)
    }
}
