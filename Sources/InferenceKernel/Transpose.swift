/// Out-of-place matrix transpose in 32 × 32 tiles: `out[c, r] = a[r, c]`.
///
/// Tasks are stripes of 32 source rows (fixed by the shape), each writing its own columns of `out`, so the
/// result does not depend on the thread count (a transpose has no arithmetic in any case).
enum Transpose {
    /// Tile edge, elements: 32 × 32 floats = 4 KB, two tiles fit in L1.
    static let tile = 32

    /// Transposes `a` (`[rows, columns]`, row-major) into `out` (`[columns, rows]`, row-major).
    /// - Complexity: `rows × columns` loads and stores.
    static func run(_ a: UnsafePointer<Float>, rows: Int, columns: Int, into out: UnsafeMutablePointer<Float>,
                    threads: KernelThreads) {
        let stripes = (rows + tile - 1) / tile
        let run = rows * columns >= 1 << 16 ? threads : .serial
        run.run(stripes) { s in
            let r0 = s * tile, r1 = min(rows, r0 + tile)
            var c0 = 0
            while c0 < columns {
                let c1 = min(columns, c0 + tile)
                for r in r0..<r1 {
                    let source = a + r * columns
                    for c in c0..<c1 { out[c * rows + r] = source[c] }
                }
                c0 = c1
            }
        }
    }
}
