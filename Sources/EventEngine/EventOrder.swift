/// Packing of (priority, insertion sequence) into one 64-bit key that orders same-time events.
///
/// The top 16 bits hold the priority with its sign bit flipped (so that unsigned comparison orders
/// −32768 < … < 0 < … < 32767), the low 48 bits the insertion sequence. Comparing two keys as
/// `UInt64` therefore compares priority first, then insertion order — one integer comparison on the
/// heap's hot path instead of two.
@usableFromInline
enum EventOrder {
    /// Number of bits reserved for the insertion sequence.
    @usableFromInline static let sequenceBits: UInt64 = 48
    /// Largest insertion sequence number that fits (2⁴⁸ − 1).
    @usableFromInline static let maximumSequence: UInt64 = (1 << 48) - 1

    /// The key of an event with `priority` inserted as number `sequence` (≤ ``maximumSequence``).
    @inlinable
    static func key(priority: Int16, sequence: UInt64) -> UInt64 {
        (UInt64(UInt16(bitPattern: priority) ^ 0x8000) << sequenceBits) | sequence
    }

    /// The priority stored in `key`.
    @inlinable
    static func priority(of key: UInt64) -> Int16 {
        Int16(bitPattern: UInt16(truncatingIfNeeded: key >> sequenceBits) ^ 0x8000)
    }

    /// The insertion sequence stored in `key`.
    @inlinable
    static func sequence(of key: UInt64) -> UInt64 {
        key & maximumSequence
    }
}
