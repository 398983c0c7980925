import CGSL

/// Bounded nonlinear least squares: minimises ½ Σ rᵢ(x)² over a box with GSL's trust-region driver
/// (`gsl_multifit_nlinear_trust`, Levenberg–Marquardt subproblem, central-difference Jacobian).
///
/// GSL's `multifit_nlinear` has no bounds, so each bounded parameter is fitted in an unbounded variable z
/// with x = lower + (upper − lower)/(1 + e^(−z)) (a logistic map onto the open interval); the fit is unbounded
/// in z and every x it tries stays inside (lower, upper). The covariance is taken in x itself, from the
/// Jacobian in x at the solution (the chain rule on GSL's Jacobian in z: ∂r/∂x = ∂r/∂z / (dx/dz)), scaled by
/// s² = 2·cost/(n − p): `gsl_multifit_nlinear_covar` on that Jacobian, which zeroes the rows and columns of
/// parameters the data cannot tell apart (a column of the QR-pivoted Jacobian with |R_kk| ≤ 1e-10·|R_11|).
public enum NonlinearLeastSquares {
    /// Holds the Swift residual function while GSL calls it back through `fdf.params`.
    private final class Box {
        let residuals: ([Double], inout [Double]) -> Void
        let lower: [Double], upper: [Double]
        var x: [Double]
        var r: [Double]
        var evaluations = 0
        init(_ residuals: @escaping ([Double], inout [Double]) -> Void, lower: [Double], upper: [Double], n: Int) {
            self.residuals = residuals
            self.lower = lower
            self.upper = upper
            self.x = lower
            self.r = Array(repeating: 0, count: n)
        }
    }

    /// x from z (logistic map onto (lower, upper)).
    static func x(fromZ z: Double, lower: Double, upper: Double) -> Double {
        lower + (upper - lower) / (1 + exp(-z))
    }

    /// z from x (inverse of the logistic map); x must lie strictly inside (lower, upper).
    static func z(fromX x: Double, lower: Double, upper: Double) -> Double {
        let s = (x - lower) / (upper - lower)
        return log(s / (1 - s))
    }

    /// Fits `initial` (p values) within [lower, upper] to minimise the sum of squares of the n residuals that
    /// `residuals(x, &r)` writes into r (r has n entries on entry; write every one).
    ///
    /// - Parameters:
    ///   - maxIterations: trust-region iterations before giving up (the result says whether it converged).
    ///   - xTolerance, gTolerance, fTolerance: GSL's tests (step, gradient, relative cost change).
    /// - Throws: ``SimMathError/invalidArgument(_:)`` for mismatched sizes, an initial value outside its
    ///   bounds, n ≤ p, or residuals that are not finite at the initial point; ``SimMathError/gsl(code:function:)``
    ///   when GSL fails.
    /// - Complexity: each iteration costs 2p + 1 residual evaluations (central differences) plus O(n·p²).
    public static func fit(initial: [Double], lower: [Double], upper: [Double], residualCount n: Int,
                           maxIterations: Int = 100, xTolerance: Double = 1e-8, gTolerance: Double = 1e-10,
                           fTolerance: Double = 1e-12,
                           residuals: @escaping ([Double], inout [Double]) -> Void) throws -> NonlinearFit {
        GSLRuntime.prepare()
        let p = initial.count
        guard p >= 1, lower.count == p, upper.count == p else {
            throw SimMathError.invalidArgument("fit: \(p) initial values but \(lower.count) lower and \(upper.count) upper bounds")
        }
        guard n > p else { throw SimMathError.invalidArgument("fit: \(n) residuals cannot determine \(p) parameters (need n > p)") }
        for k in 0..<p {
            guard lower[k].isFinite, upper[k].isFinite, lower[k] < upper[k], initial[k] > lower[k], initial[k] < upper[k] else {
                throw SimMathError.invalidArgument("fit: parameter \(k) starts at \(initial[k]) outside its bounds (\(lower[k]), \(upper[k]))")
            }
        }
        let box = Box(residuals, lower: lower, upper: upper, n: n)
        return try withExtendedLifetime(box) {
            var fdf = gsl_multifit_nlinear_fdf()
            fdf.f = { zVector, params, fVector in
                let box = Unmanaged<Box>.fromOpaque(params!).takeUnretainedValue()
                for k in 0..<box.x.count {
                    box.x[k] = NonlinearLeastSquares.x(fromZ: gsl_vector_get(zVector, k), lower: box.lower[k], upper: box.upper[k])
                }
                box.residuals(box.x, &box.r)
                box.evaluations += 1
                for i in 0..<box.r.count {
                    guard box.r[i].isFinite else { return Int32(GSL_EDOM) }
                    gsl_vector_set(fVector, i, box.r[i])
                }
                return Int32(GSL_SUCCESS)
            }
            fdf.df = nil
            fdf.fvv = nil
            fdf.n = n
            fdf.p = p
            fdf.params = Unmanaged.passUnretained(box).toOpaque()

            var parameters = gsl_multifit_nlinear_default_parameters()
            parameters.trs = cgsl_nlinear_trs_lm()
            parameters.fdtype = GSL_MULTIFIT_NLINEAR_CTRDIFF   // central differences: the covariance needs an accurate Jacobian
            guard let workspace = gsl_multifit_nlinear_alloc(cgsl_nlinear_trust(), &parameters, n, p) else {
                throw SimMathError.gsl(code: Int32(GSL_ENOMEM), function: "gsl_multifit_nlinear_alloc")
            }
            defer { gsl_multifit_nlinear_free(workspace) }
            let z0 = gsl_vector_alloc(p)!
            defer { gsl_vector_free(z0) }
            for k in 0..<p { gsl_vector_set(z0, k, z(fromX: initial[k], lower: lower[k], upper: upper[k])) }

            var start = initial
            var r0 = Array(repeating: 0.0, count: n)
            residuals(start, &r0)
            guard r0.allSatisfy(\.isFinite) else { throw SimMathError.invalidArgument("fit: residuals are not finite at the initial point") }
            let initialCost = 0.5 * r0.reduce(0) { $0 + $1 * $1 }
            start = initial

            try GSLRuntime.check(gsl_multifit_nlinear_init(z0, &fdf, workspace), "gsl_multifit_nlinear_init")
            var info: Int32 = 0
            let status = gsl_multifit_nlinear_driver(maxIterations, xTolerance, gTolerance, fTolerance, nil, nil, &info, workspace)
            let converged = status == Int32(GSL_SUCCESS)
            if !converged && status != Int32(GSL_EMAXITER) && status != Int32(GSL_ENOPROG) {
                throw SimMathError.gsl(code: status, function: "gsl_multifit_nlinear_driver")
            }
            let zHat = gsl_multifit_nlinear_position(workspace)!
            let estimate = (0..<p).map { x(fromZ: gsl_vector_get(zHat, $0), lower: lower[$0], upper: upper[$0]) }
            let fHat = gsl_multifit_nlinear_residual(workspace)!
            var cost = 0.0
            for i in 0..<n { let v = gsl_vector_get(fHat, i); cost += v * v }
            cost *= 0.5

            // Jacobian in x: ∂r/∂x_k = (∂r/∂z_k) / (dx_k/dz_k), dx/dz = (x − lower)(upper − x)/(upper − lower).
            let jz = gsl_multifit_nlinear_jac(workspace)!
            let jx = gsl_matrix_alloc(n, p)!
            defer { gsl_matrix_free(jx) }
            for k in 0..<p {
                let dxdz = (estimate[k] - lower[k]) * (upper[k] - estimate[k]) / (upper[k] - lower[k])
                for i in 0..<n { gsl_matrix_set(jx, i, k, gsl_matrix_get(jz, i, k) / max(dxdz, .leastNormalMagnitude)) }
            }
            let covar = gsl_matrix_alloc(p, p)!
            defer { gsl_matrix_free(covar) }
            try GSLRuntime.check(gsl_multifit_nlinear_covar(jx, 1e-10, covar), "gsl_multifit_nlinear_covar")
            let dof = n - p
            let s2 = 2 * cost / Double(dof)
            var covariance = Array(repeating: Array(repeating: 0.0, count: p), count: p)
            for a in 0..<p { for b in 0..<p { covariance[a][b] = s2 * gsl_matrix_get(covar, a, b) } }
            return NonlinearFit(estimate: estimate, covariance: covariance, lower: lower, upper: upper,
                                initialCost: initialCost, cost: cost, residualCount: n,
                                iterations: Int(gsl_multifit_nlinear_niter(workspace)),
                                evaluations: box.evaluations, converged: converged)
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
