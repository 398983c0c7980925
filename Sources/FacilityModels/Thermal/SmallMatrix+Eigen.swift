import Foundation

extension SmallMatrix {
    /// Eigendecomposition of a symmetric matrix, S = Q·diag(λ)·Qᵀ with Q orthogonal.
    public struct SymmetricEigen: Sendable, Equatable {
        /// Eigenvalues, ascending.
        public var values: [Double]
        /// Orthonormal eigenvectors as the columns of Q (column k belongs to `values[k]`).
        public var vectors: SmallMatrix
    }

    /// The eigendecomposition of this symmetric matrix by the cyclic Jacobi method.
    ///
    /// Jacobi rotations annihilate off-diagonal entries until their Frobenius norm is below 1e-15 of
    /// the matrix's; for the symmetric matrices of RC networks (n ≤ ~10) this converges quadratically
    /// in a handful of sweeps and gives eigenvectors orthogonal to machine precision (Golub & Van Loan,
    /// *Matrix Computations*, 4th ed., §8.5). Only the upper triangle's symmetry is assumed, not checked
    /// beyond a relative 1e-12.
    /// - Throws: `FacilityModelError.invalidConfiguration` if the matrix is not symmetric or has
    ///   non-finite entries.
    /// - Complexity: O(n³) per sweep, ≤ 100 sweeps.
    public func symmetricEigen() throws -> SymmetricEigen {
        let n = order
        let scale = max(infinityNorm, .leastNormalMagnitude)
        for i in 0..<n {
            for j in 0..<n {
                guard self[i, j].isFinite else {
                    throw FacilityModelError.invalidConfiguration(model: "SmallMatrix", message: "non-finite entry at (\(i), \(j))")
                }
                if j > i, abs(self[i, j] - self[j, i]) > 1e-12 * scale {
                    throw FacilityModelError.invalidConfiguration(model: "SmallMatrix", message: "matrix is not symmetric at (\(i), \(j))")
                }
            }
        }
        var a = self
        var q = SmallMatrix.identity(n)
        let total = entries.reduce(0) { $0 + $1 * $1 }.squareRoot()
        for _ in 0..<100 {
            var off = 0.0
            for i in 0..<n { for j in (i + 1)..<max(i + 1, n) { off += 2 * a[i, j] * a[i, j] } }
            if off.squareRoot() <= 1e-15 * total || off == 0 { break }
            for p in 0..<n {
                for r in (p + 1)..<max(p + 1, n) where a[p, r] != 0 {
                    // Rotation angle that zeroes a[p, r] (Golub & Van Loan Algorithm 8.5.1, sym.schur2).
                    let theta = (a[r, r] - a[p, p]) / (2 * a[p, r])
                    let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (1 + theta * theta).squareRoot())
                    let c = 1 / (1 + t * t).squareRoot(), s = t * c
                    for k in 0..<n {
                        let akp = a[k, p], akr = a[k, r]
                        a[k, p] = c * akp - s * akr
                        a[k, r] = s * akp + c * akr
                    }
                    for k in 0..<n {
                        let apk = a[p, k], ark = a[r, k]
                        a[p, k] = c * apk - s * ark
                        a[r, k] = s * apk + c * ark
                    }
                    for k in 0..<n {
                        let qkp = q[k, p], qkr = q[k, r]
                        q[k, p] = c * qkp - s * qkr
                        q[k, r] = s * qkp + c * qkr
                    }
                }
            }
        }
        let order = (0..<n).sorted { a[$0, $0] < a[$1, $1] }
        var vectors = SmallMatrix(zeros: n)
        for (newColumn, oldColumn) in order.enumerated() {
            for k in 0..<n { vectors[k, newColumn] = q[k, oldColumn] }
        }
        return SymmetricEigen(values: order.map { a[$0, $0] }, vectors: vectors)
    }

    /// The matrix exponential e^A by scaling and squaring with a diagonal (6, 6) Padé approximant.
    ///
    /// A is scaled by 2^(−j) so that ‖A/2^j‖∞ ≤ 1/2, the Padé approximant N/D is formed, and the result
    /// squared j times (Golub & Van Loan, *Matrix Computations*, Algorithm 11.3.1; Moler & Van Loan,
    /// "Nineteen dubious ways to compute the exponential of a matrix, twenty-five years later", SIAM
    /// Review 45, 2003). With q = 6 the backward error bound is 2^(3−2q)·(q!)²/((2q)!(2q+1)!) ≈ 3.4e-16.
    /// Works for any real square matrix (complex eigenvalues included).
    /// - Throws: `FacilityModelError.invalidConfiguration` for non-finite entries.
    /// - Complexity: O(n³·(6 + j)), j = max(0, ⌈log₂(2‖A‖∞)⌉).
    public func exponential() throws -> SmallMatrix {
        guard entries.allSatisfy(\.isFinite) else {
            throw FacilityModelError.invalidConfiguration(model: "SmallMatrix", message: "cannot exponentiate a matrix with non-finite entries")
        }
        let n = order
        let norm = infinityNorm
        let j = norm > 0.5 ? Int((log2(norm / 0.5)).rounded(.up)) : 0
        let a = pow(2.0, -Double(j)) * self
        let q = 6
        var c = 1.0
        var x = SmallMatrix.identity(n)
        var numerator = SmallMatrix.identity(n), denominator = SmallMatrix.identity(n)
        for k in 1...q {
            c *= Double(q - k + 1) / Double((2 * q - k + 1) * k)
            x = a * x
            numerator = numerator + c * x
            denominator = denominator + ((k % 2 == 0) ? c : -c) * x
        }
        var e = try denominator.solve(numerator)
        for _ in 0..<j { e = e * e }
        return e
    }
}
