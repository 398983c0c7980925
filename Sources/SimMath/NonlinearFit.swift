import CGSL

/// The result of ``NonlinearLeastSquares/fit(initial:lower:upper:residualCount:maxIterations:xTolerance:gTolerance:fTolerance:residuals:)``:
/// estimates, their covariance, 95 % intervals, correlations and identifiability.
public struct NonlinearFit: Sendable, Equatable {
    /// Estimated parameters, in the caller's units.
    public var estimate: [Double]
    /// Covariance of the estimates, s²·(JᵀJ)⁻¹ with s² = 2·cost/(n − p); a parameter the data cannot
    /// identify has a zero row and column (see `rankDeficient`).
    public var covariance: [[Double]]
    /// The bounds the fit ran within.
    public var lower: [Double], upper: [Double]
    /// ½ Σ r² at the start and at the solution.
    public var initialCost: Double, cost: Double
    /// Number of residuals n.
    public var residualCount: Int
    /// Trust-region iterations and residual evaluations used.
    public var iterations: Int, evaluations: Int
    /// Whether GSL's tolerance tests were met (false: the iteration budget ran out or no progress was possible).
    public var converged: Bool

    /// Degrees of freedom n − p.
    public var degreesOfFreedom: Int { residualCount - estimate.count }

    /// Standard error of each estimate (√ of the covariance diagonal).
    public var standardErrors: [Double] { (0..<estimate.count).map { covariance[$0][$0].squareRoot() } }

    /// Student-t quantile t(0.975, n − p) that turns a standard error into a 95 % half-width.
    public var t975: Double { gsl_cdf_tdist_Pinv(0.975, Double(max(degreesOfFreedom, 1))) }

    /// 95 % confidence interval of each estimate: estimate ± t(0.975, n − p)·standard error (linearised at the solution).
    public var intervals95: [ClosedRange<Double>] {
        let t = t975
        return zip(estimate, standardErrors).map { x, se in (x - t * se)...(x + t * se) }
    }

    /// Correlation matrix of the estimates (NaN in the row and column of a parameter with zero variance).
    public var correlation: [[Double]] {
        let se = standardErrors
        return (0..<estimate.count).map { a in
            (0..<estimate.count).map { b in
                a == b ? (se[a] > 0 ? 1 : .nan) : covariance[a][b] / (se[a] * se[b])
            }
        }
    }

    /// Parameters whose Jacobian column is (numerically) a combination of the others: GSL zeroed their variance.
    public var rankDeficient: [Bool] { (0..<estimate.count).map { !(covariance[$0][$0] > 0) } }

    /// Parameters the data cannot identify: rank deficient, a 95 % half-width wider than `relativeHalfWidth`
    /// times the estimate, or an estimate within 0.1 % of the bound span of a bound (the bound, not the data,
    /// holds it).
    public func unidentifiable(relativeHalfWidth: Double = 0.5) -> [Bool] {
        let t = t975, se = standardErrors, deficient = rankDeficient
        return (0..<estimate.count).map { k in
            let span = upper[k] - lower[k]
            let atBound = estimate[k] - lower[k] < 1e-3 * span || upper[k] - estimate[k] < 1e-3 * span
            return deficient[k] || atBound || t * se[k] > relativeHalfWidth * abs(estimate[k])
        }
    }
}
