/// An owned, zero-initialised, 64-byte-aligned array of `Float`, freed on deinit.
///
/// Backs synthetic weights, activations and the KV cache: 64-byte alignment puts every row whose
/// length is a multiple of 16 on a cache-line boundary, so 16-lane SIMD loads never split lines.
final class AlignedFloatBuffer: @unchecked Sendable {
    /// Number of floats.
    let count: Int
    /// First element.
    let base: UnsafeMutablePointer<Float>

    /// Allocates `count` floats (at least one), set to zero unless `zeroed` is false.
    ///
    /// Without zeroing, the pages are only touched when first written: a KV cache sized for 1024
    /// positions costs no memory for the positions a run never reaches. Readers must then only read
    /// what was written (the KV cache tracks how many positions each sequence holds).
    init(count: Int, zeroed: Bool = true) {
        self.count = count
        let raw = UnsafeMutableRawPointer.allocate(byteCount: max(count, 1) * 4, alignment: 64)
        base = raw.bindMemory(to: Float.self, capacity: max(count, 1))
        if zeroed { base.initialize(repeating: 0, count: max(count, 1)) }
    }

    deinit { UnsafeMutableRawPointer(base).deallocate() }
}
