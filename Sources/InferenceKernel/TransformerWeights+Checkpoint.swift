/// Loading llama2.c legacy checkpoints (`run.c` `read_checkpoint`).
extension TransformerWeights {
    /// Bytes of the legacy header: seven little-endian `Int32`.
    public static let checkpointHeaderBytes = 28

    /// Reads the seven-`Int32` header of a llama2.c legacy checkpoint.
    ///
    /// - Returns: the dimensions (with `vocabSize` made positive) and whether the classifier is shared
    ///   (llama2.c: a negative `vocab_size` means a separate classifier tensor at the end of the file).
    /// - Throws: `KernelError.cannotRead` if the file is shorter than the header,
    ///   `.invalidDimensions` if the header describes an impossible model.
    public static func readHeader(of file: MappedFile) throws -> (ModelDimensions, sharedClassifier: Bool) {
        guard let header = file.bytes(at: 0, count: checkpointHeaderBytes) else {
            throw KernelError.cannotRead(path: file.path,
                reason: "file is \(file.byteCount) bytes, shorter than the 28-byte checkpoint header")
        }
        let fields = (0..<7).map { Int(Int32(littleEndian: header.loadUnaligned(fromByteOffset: 4 * $0, as: Int32.self))) }
        let dims = ModelDimensions(dim: fields[0], hiddenDim: fields[1], layerCount: fields[2], headCount: fields[3],
                                   kvHeadCount: fields[4], vocabSize: abs(fields[5]), maxSequenceLength: fields[6])
        if fields[5] == 0 {
            throw KernelError.invalidDimensions(source: file.path, reason: "vocab_size is 0, must be non-zero")
        }
        try dims.validate(source: file.path)
        return (dims, fields[5] > 0)
    }

    /// Expected size in bytes of a legacy checkpoint with these dimensions.
    public static func checkpointByteCount(_ d: ModelDimensions, sharedClassifier: Bool) -> Int {
        checkpointHeaderBytes
            + 4 * TensorLayout(d, sharedClassifier: sharedClassifier, includeRopeTables: true).totalFloats
    }

    /// Memory-maps a llama2.c legacy checkpoint and checks it against its header.
    ///
    /// The tensors are used in place (no copy); the map is released when the weights are deallocated.
    /// - Throws: `KernelError.fileNotFound`, `.cannotRead`, `.invalidDimensions` (zero/negative sizes,
    ///   heads not dividing dim, kv heads not dividing heads) or `.checkpointSizeMismatch` when the file
    ///   size differs from what the header implies.
    public convenience init(checkpointPath path: String) throws {
        let file = try MappedFile(path: path)
        let (dims, shared) = try Self.readHeader(of: file)
        let expected = Self.checkpointByteCount(dims, sharedClassifier: shared)
        guard expected == file.byteCount else {
            throw KernelError.checkpointSizeMismatch(path: path, expectedBytes: expected, actualBytes: file.byteCount,
                                                     header: dims.headerDescription)
        }
        let base = (file.baseAddress + Self.checkpointHeaderBytes).assumingMemoryBound(to: Float.self)
        self.init(dimensions: dims, sharedClassifier: shared, origin: .checkpoint(path: path), base: base,
                  layout: TensorLayout(dims, sharedClassifier: shared, includeRopeTables: true), owner: file)
    }
}
