import Dispatch

/// The machine's sustained memory bandwidth, measured STREAM-style on arrays far larger than the caches.
///
/// Triad `a[i] = b[i] + s · c[i]` (McCalpin, STREAM, https://www.cs.virginia.edu/stream/) counts
/// 3 × 4 bytes per element (two reads, one write; write-allocate traffic not counted, as STREAM).
/// A read-only sum `Σ b[i]` is measured too: weight streaming in decode is pure reads, so it is the
/// bound that batch-1 decode approaches. Each array is split into fixed blocks spread over the threads;
/// the best of `repetitions` passes is kept.
public enum BandwidthProbe {
    /// Result of one probe.
    public struct Result: Sendable, Equatable {
        /// Triad bandwidth, B/s.
        public var triadBytesPerSecond: Double
        /// Read-only bandwidth, B/s.
        public var readBytesPerSecond: Double
        /// Elements per array.
        public var elements: Int
        /// Threads used.
        public var threads: Int

        /// The memory roof of the roofline, B/s: the better of the two probes. Decode traffic is almost
        /// all weight reads, so on most machines this is the read figure.
        public var roofBytesPerSecond: Double { max(triadBytesPerSecond, readBytesPerSecond) }
    }

    /// Runs the probe.
    /// - Parameter elements: floats per array; the default 2²⁵ (128 MiB per array, 384 MiB in all) is
    ///   twelve times a 32 MiB L3.
    public static func measure(elements: Int = 1 << 25, repetitions: Int = 5,
                               threads: KernelThreads = .allCores) -> Result {
        let n = max(elements, 1 << 16)
        let a = AlignedFloatBuffer(count: n), b = AlignedFloatBuffer(count: n), c = AlignedFloatBuffer(count: n)
        for i in 0..<n {
            b.base[i] = Float(i & 1023)
            c.base[i] = 0.5
        }
        let blocks = 64
        let blockSize = (n / blocks + 15) & ~15
        let pa = a.base, pb = b.base, pc = c.base
        var bestTriad = Double.infinity
        var bestRead = Double.infinity
        let partial = AlignedFloatBuffer(count: blocks * 16)
        for _ in 0...max(1, repetitions) {   // first pass is a warm-up of page tables and caches
            var start = DispatchTime.now().uptimeNanoseconds
            threads.run(blocks) { block in
                let lo = block * blockSize, hi = min(n, lo + blockSize)
                let s = SIMD16<Float>(repeating: 3)
                var i = lo
                while i + 16 <= hi {
                    let v = MicroKernels.load(pb + i) + s * MicroKernels.load(pc + i)
                    UnsafeMutableRawPointer(pa + i).storeBytes(of: v, as: SIMD16<Float>.self)
                    i += 16
                }
                while i < hi { pa[i] = pb[i] + 3 * pc[i]; i += 1 }
            }
            bestTriad = min(bestTriad, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            start = DispatchTime.now().uptimeNanoseconds
            let sums = partial.base
            threads.run(blocks) { block in
                let lo = block * blockSize, hi = min(n, lo + blockSize)
                var s0 = SIMD16<Float>(), s1 = s0, s2 = s0, s3 = s0
                var i = lo
                while i + 64 <= hi {
                    s0 += MicroKernels.load(pa + i); s1 += MicroKernels.load(pa + i + 16)
                    s2 += MicroKernels.load(pa + i + 32); s3 += MicroKernels.load(pa + i + 48)
                    i += 64
                }
                while i < hi { s0[0] += pa[i]; i += 1 }
                UnsafeMutableRawPointer(sums + 16 * block).storeBytes(of: s0 + s1 + s2 + s3, as: SIMD16<Float>.self)
            }
            bestRead = min(bestRead, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return Result(triadBytesPerSecond: 12 * Double(n) / bestTriad, readBytesPerSecond: 4 * Double(n) / bestRead,
                      elements: n, threads: threads.count)
    }
}
