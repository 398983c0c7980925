import Foundation

/// A dense square matrix of small order (thermal networks of 1–10 nodes), stored row-major.
///
/// Just what the exact thermal solutions need: products, the ∞-norm, an LU solve with partial
/// pivoting, and (in `SmallMatrix+Eigen.swift`) the symmetric eigendecomposition. Not a general
/// linear-algebra library: every routine is O(n³) with n ≤ ~10 in mind.
public struct SmallMatrix: Sendable, Equatable, CustomStringConvertible {
    /// Order n (the matrix is n × n).
    public let order: Int
    /// Entries, row-major: element (i, j) is `entries[i * order + j]`.
    public var entries: [Double]

    /// The n × n zero matrix.
    public init(zeros order: Int) {
        precondition(order >= 0, "matrix order must be ≥ 0")
        self.order = order
        self.entries = [Double](repeating: 0, count: order * order)
    }

    /// The n × n identity.
    public static func identity(_ order: Int) -> SmallMatrix {
        var m = SmallMatrix(zeros: order)
        for i in 0..<order { m[i, i] = 1 }
        return m
    }

    /// A matrix from its rows.
    /// - Throws: `FacilityModelError.invalidConfiguration` if the rows do not form a square matrix.
    public init(rows: [[Double]]) throws {
        let n = rows.count
        guard rows.allSatisfy({ $0.count == n }) else {
            throw FacilityModelError.invalidConfiguration(model: "SmallMatrix", message: "rows do not form a square matrix (\(rows.map(\.count)))")
        }
        self.order = n
        self.entries = rows.flatMap { $0 }
    }

    /// A diagonal matrix.
    public static func diagonal(_ values: [Double]) -> SmallMatrix {
        var m = SmallMatrix(zeros: values.count)
        for (i, v) in values.enumerated() { m[i, i] = v }
        return m
    }

    /// Element (i, j).
    @inline(__always)
    public subscript(i: Int, j: Int) -> Double {
        get { entries[i * order + j] }
        set { entries[i * order + j] = newValue }
    }

    /// Matrix product.
    /// - Complexity: O(n³).
    public static func * (a: SmallMatrix, b: SmallMatrix) -> SmallMatrix {
        precondition(a.order == b.order, "matrix orders differ")
        let n = a.order
        var c = SmallMatrix(zeros: n)
        for i in 0..<n {
            for k in 0..<n {
                let aik = a.entries[i * n + k]
                if aik == 0 { continue }
                for j in 0..<n { c.entries[i * n + j] += aik * b.entries[k * n + j] }
            }
        }
        return c
    }

    /// Matrix–vector product.
    public static func * (a: SmallMatrix, x: [Double]) -> [Double] {
        precondition(a.order == x.count, "matrix order and vector length differ")
        let n = a.order
        var y = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var s = 0.0
            for j in 0..<n { s += a.entries[i * n + j] * x[j] }
            y[i] = s
        }
        return y
    }

    /// Sum.
    public static func + (a: SmallMatrix, b: SmallMatrix) -> SmallMatrix {
        precondition(a.order == b.order, "matrix orders differ")
        var c = a
        for i in c.entries.indices { c.entries[i] += b.entries[i] }
        return c
    }

    /// Scalar multiple.
    public static func * (s: Double, a: SmallMatrix) -> SmallMatrix {
        var c = a
        for i in c.entries.indices { c.entries[i] *= s }
        return c
    }

    /// Transpose.
    public var transposed: SmallMatrix {
        var t = SmallMatrix(zeros: order)
        for i in 0..<order { for j in 0..<order { t[j, i] = self[i, j] } }
        return t
    }

    /// Maximum absolute row sum ‖A‖∞.
    public var infinityNorm: Double {
        var best = 0.0
        for i in 0..<order {
            var s = 0.0
            for j in 0..<order { s += abs(self[i, j]) }
            best = max(best, s)
        }
        return best
    }

    /// Solves A·X = B for X (B given column-wise as a matrix) by LU with partial pivoting.
    /// - Throws: `FacilityModelError.invalidConfiguration` when A is singular to working precision.
    /// - Complexity: O(n³).
    public func solve(_ b: SmallMatrix) throws -> SmallMatrix {
        precondition(order == b.order, "matrix orders differ")
        let n = order
        var a = entries, x = b.entries
        let scale = max(infinityNorm, .leastNormalMagnitude)
        for col in 0..<n {
            var pivot = col
            for r in (col + 1)..<max(col + 1, n) where abs(a[r * n + col]) > abs(a[pivot * n + col]) { pivot = r }
            guard abs(a[pivot * n + col]) > 1e-14 * scale else {
                throw FacilityModelError.invalidConfiguration(model: "SmallMatrix", message: "matrix is singular (no unique solution)")
            }
            if pivot != col {
                for j in 0..<n { a.swapAt(col * n + j, pivot * n + j); x.swapAt(col * n + j, pivot * n + j) }
            }
            let d = a[col * n + col]
            for r in (col + 1)..<max(col + 1, n) {
                let f = a[r * n + col] / d
                if f == 0 { continue }
                for j in col..<n { a[r * n + j] -= f * a[col * n + j] }
                for j in 0..<n { x[r * n + j] -= f * x[col * n + j] }
            }
        }
        for col in stride(from: n - 1, through: 0, by: -1) {
            let d = a[col * n + col]
            for j in 0..<n {
                var s = x[col * n + j]
                for k in (col + 1)..<max(col + 1, n) { s -= a[col * n + k] * x[k * n + j] }
                x[col * n + j] = s / d
            }
        }
        var result = SmallMatrix(zeros: n)
        result.entries = x
        return result
    }

    /// Solves A·x = b for one right-hand side.
    /// - Throws: `FacilityModelError.invalidConfiguration` when A is singular.
    public func solve(_ b: [Double]) throws -> [Double] {
        precondition(order == b.count, "matrix order and vector length differ")
        var rhs = SmallMatrix(zeros: order)
        for i in 0..<order { rhs[i, 0] = b[i] }
        let x = try solve(rhs)
        return (0..<order).map { x[$0, 0] }
    }

    public var description: String {
        (0..<order).map { i in (0..<order).map { String(self[i, $0]) }.joined(separator: " ") }.joined(separator: "\n")
    }
}
