/// The key/value cache of a batch of independent sequences ("slots"), Float32.
///
/// Shapes: keys and values are each `[L, slots, capacity, kv_dim]` row-major, so one sequence's
/// entries of one layer are contiguous (`capacity × kv_dim`) and attention streams them in order.
/// `length[slot]` counts the positions written; attention only ever reads positions below it.
final class KVCache {
    /// Model dimensions the cache is shaped for.
    let dimensions: ModelDimensions
    /// Number of independent sequences.
    let slots: Int
    /// Positions held per sequence.
    let capacity: Int
    /// Keys `[L, slots, capacity, kv_dim]`.
    private let keys: AlignedFloatBuffer
    /// Values `[L, slots, capacity, kv_dim]`.
    private let values: AlignedFloatBuffer
    /// Positions written per slot (0 = empty).
    var length: [Int]

    /// Allocates an empty cache (pages are touched only when written).
    init(dimensions: ModelDimensions, slots: Int, capacity: Int) {
        self.dimensions = dimensions
        self.slots = slots
        self.capacity = capacity
        let count = dimensions.layerCount * slots * capacity * dimensions.kvDim
        keys = AlignedFloatBuffer(count: count, zeroed: false)
        values = AlignedFloatBuffer(count: count, zeroed: false)
        length = Array(repeating: 0, count: slots)
    }

    /// Bytes held by keys and values together (allocated, not necessarily touched).
    var byteCount: Int { 2 * 4 * keys.count }

    /// Offset of `(layer, slot, position 0)` in floats.
    @inline(__always)
    private func base(layer: Int, slot: Int) -> Int {
        (layer * slots + slot) * capacity * dimensions.kvDim
    }

    /// Keys of `slot` in `layer`, `[capacity, kv_dim]`.
    @inline(__always)
    func keys(layer: Int, slot: Int) -> UnsafeMutablePointer<Float> { keys.base + base(layer: layer, slot: slot) }

    /// Values of `slot` in `layer`, `[capacity, kv_dim]`.
    @inline(__always)
    func values(layer: Int, slot: Int) -> UnsafeMutablePointer<Float> { values.base + base(layer: layer, slot: slot) }

    /// Forgets every sequence (no memory is cleared; lengths are reset).
    func reset() { length = Array(repeating: 0, count: slots) }
}
