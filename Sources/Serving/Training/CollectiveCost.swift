import Foundation

/// α-β (latency-bandwidth, Hockney) costs of the collectives a training step runs.
///
/// A message of n bytes over one hop costs `α + n/β`. Per rank, over p ranks (Thakur, Rabenseifner & Gropp,
/// "Optimization of Collective Communication Operations in MPICH", IJHPCA 2005, §3; the bus-bandwidth factors are
/// those of NVIDIA nccl-tests `doc/PERFORMANCE.md`: all-reduce 2(p−1)/p, all-gather and reduce-scatter (p−1)/p):
/// - ring all-reduce: `2(p−1)·α + 2(p−1)/p · n/β`
/// - tree all-reduce (NCCL's double binary tree, Sanders et al. 2009; NCCL 2.4): `2·⌈log₂p⌉·α + 2·n/β`
///   (latency logarithmic in p, each byte crossing the busiest link twice);
/// - ring all-gather and reduce-scatter of an n-byte result: `(p−1)·α + (p−1)/p · n/β`;
/// - point-to-point: `α + n/β`.
public enum CollectiveCost {
    /// All-reduce algorithm.
    public enum Algorithm: String, Sendable, Codable, CaseIterable {
        case ring, tree
    }

    /// One link as a collective sees it.
    public struct Link: Sendable, Equatable {
        /// Latency per step, s.
        public var latencySeconds: Double
        /// Bandwidth per rank and direction, B/s.
        public var bytesPerSecond: Double

        public init(latencySeconds: Double, bytesPerSecond: Double) {
            self.latencySeconds = latencySeconds
            self.bytesPerSecond = bytesPerSecond
        }
    }

    /// All-reduce of `bytes` per rank over `ranks` ranks, s (0 for one rank).
    public static func allReduce(bytes: Double, ranks p: Int, link: Link, algorithm: Algorithm = .ring) -> Double {
        guard p > 1 else { return 0 }
        switch algorithm {
        case .ring:
            return 2 * Double(p - 1) * link.latencySeconds + 2 * Double(p - 1) / Double(p) * bytes / link.bytesPerSecond
        case .tree:
            let depth = ceil(log2(Double(p)))
            return 2 * depth * link.latencySeconds + 2 * bytes / link.bytesPerSecond
        }
    }

    /// Ring all-gather producing `bytes` on every rank (each contributes bytes/p), s.
    public static func allGather(bytes: Double, ranks p: Int, link: Link) -> Double {
        guard p > 1 else { return 0 }
        return Double(p - 1) * link.latencySeconds + Double(p - 1) / Double(p) * bytes / link.bytesPerSecond
    }

    /// Ring reduce-scatter of `bytes` per rank (each keeps bytes/p), s.
    public static func reduceScatter(bytes: Double, ranks p: Int, link: Link) -> Double {
        allGather(bytes: bytes, ranks: p, link: link)
    }

    /// One point-to-point message, s.
    public static func pointToPoint(bytes: Double, link: Link) -> Double {
        link.latencySeconds + bytes / link.bytesPerSecond
    }
}
