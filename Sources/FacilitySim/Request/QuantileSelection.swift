/// Quantiles by selection instead of sorting: O(n) on average per quantile (Hoare's quickselect with a
/// median-of-three pivot), with GSL's definition (`gsl_stats_quantile_from_sorted_data`: position (n − 1)·p,
/// linear interpolation between the two order statistics around it), so the values equal those of
/// `Statistics.quantileOfSorted` on the sorted data.
enum QuantileSelection {
    /// The p-quantiles of `xs` for `ps` in ascending order; `xs` is permuted. NaN for an empty array.
    /// - Complexity: O(n · ps.count) on average.
    static func quantiles(_ xs: inout [Double], ascending ps: [Double]) -> [Double] {
        let n = xs.count
        guard n > 0 else { return ps.map { _ in .nan } }
        return xs.withUnsafeMutableBufferPointer { a in
            var lo = 0
            return ps.map { p in
                let index = Double(n - 1) * min(max(p, 0), 1)
                let lhs = Int(index)
                let delta = index - Double(lhs)
                select(a, lhs, from: lo)
                lo = lhs
                guard lhs < n - 1 else { return a[lhs] }
                var next = a[lhs + 1]
                var i = lhs + 2
                while i < n { if a[i] < next { next = a[i] }; i += 1 }
                return (1 - delta) * a[lhs] + delta * next
            }
        }
    }

    /// Rearranges `a[lo...]` so that `a[k]` is its (k − lo)-th smallest element, everything before k (from lo) is
    /// ≤ it and everything after ≥ it. Requires every element of `a[lo...]` to be ≥ every element before `lo`.
    private static func select(_ a: UnsafeMutableBufferPointer<Double>, _ k: Int, from lo: Int) {
        var left = lo, right = a.count - 1
        while right > left {
            let mid = left + (right - left) / 2
            let x = a[left], y = a[mid], z = a[right]
            let pivot = max(min(x, y), min(max(x, y), z))
            var i = left, j = right
            while i <= j {
                while a[i] < pivot { i += 1 }
                while a[j] > pivot { j -= 1 }
                if i <= j { a.swapAt(i, j); i += 1; j -= 1 }
            }
            if k <= j { right = j } else if k >= i { left = i } else { return }
        }
    }
}
