import CGSL

/// One-dimensional root finding, e.g. the exact time a temperature crosses a limit.
public enum RootFinding {
    /// Holds the Swift function while GSL calls it back through `gsl_function.params`.
    private final class FunctionBox {
        let f: (Double) -> Double
        init(_ f: @escaping (Double) -> Double) { self.f = f }
    }

    /// A root of `f` on [lower, upper] by Brent's method (`gsl_root_fsolver_brent`).
    ///
    /// `f` must change sign on the interval (the bounds may be given in either order). Returns an end
    /// point if `f` is exactly 0 there. Stops when the bracketing interval [a, b] satisfies
    /// `gsl_root_test_interval`: |a − b| < absoluteTolerance + relativeTolerance · min(|a|, |b|).
    /// - Throws: ``SimMathError/noBracket(lower:upper:fLower:fUpper:)`` when f(lower) and f(upper) have the
    ///   same sign; ``SimMathError/invalidArgument(_:)`` for non-finite bounds, f values or tolerances;
    ///   ``SimMathError/didNotConverge(_:)`` after `maxIterations`; ``SimMathError/gsl(code:function:)``
    ///   if GSL fails (e.g. f returns NaN inside the interval).
    /// - Complexity: O(maxIterations) evaluations of f; superlinear convergence for smooth f.
    public static func brent(lower: Double, upper: Double, absoluteTolerance: Double = 1e-9,
                             relativeTolerance: Double = 1e-12, maxIterations: Int = 200,
                             _ f: (Double) -> Double) throws -> Double {
        GSLRuntime.prepare()
        guard lower.isFinite, upper.isFinite else {
            throw SimMathError.invalidArgument("Brent bounds must be finite, got [\(lower), \(upper)]")
        }
        guard absoluteTolerance >= 0, relativeTolerance >= 0, absoluteTolerance + relativeTolerance > 0 else {
            throw SimMathError.invalidArgument(
                "Brent tolerances must be ≥ 0 and not both 0 (absolute \(absoluteTolerance), relative \(relativeTolerance))")
        }
        let a = Swift.min(lower, upper), b = Swift.max(lower, upper)
        let fa = f(a), fb = f(b)
        guard !fa.isNaN, !fb.isNaN else {
            throw SimMathError.invalidArgument("Brent: f is NaN at an end of [\(a), \(b)]")
        }
        if fa == 0 { return a }
        if fb == 0 { return b }
        if (fa > 0) == (fb > 0) {
            throw SimMathError.noBracket(lower: a, upper: b, fLower: fa, fUpper: fb)
        }
        if a == b { return a }

        return try withoutActuallyEscaping(f) { escapable in
            let box = FunctionBox(escapable)
            return try withExtendedLifetime(box) {
                var function = gsl_function(
                    function: { x, params in
                        Unmanaged<FunctionBox>.fromOpaque(params!).takeUnretainedValue().f(x)
                    },
                    params: Unmanaged.passUnretained(box).toOpaque())
                guard let solver = gsl_root_fsolver_alloc(cgsl_root_brent()) else {
                    throw SimMathError.gsl(code: Int32(GSL_ENOMEM), function: "gsl_root_fsolver_alloc")
                }
                defer { gsl_root_fsolver_free(solver) }
                return try withUnsafeMutablePointer(to: &function) { functionPointer in
                    try GSLRuntime.check(gsl_root_fsolver_set(solver, functionPointer, a, b), "gsl_root_fsolver_set")
                    for _ in 0..<Swift.max(maxIterations, 1) {
                        try GSLRuntime.check(gsl_root_fsolver_iterate(solver), "gsl_root_fsolver_iterate")
                        let low = gsl_root_fsolver_x_lower(solver), high = gsl_root_fsolver_x_upper(solver)
                        if gsl_root_test_interval(low, high, absoluteTolerance, relativeTolerance) == Int32(GSL_SUCCESS) {
                            return gsl_root_fsolver_root(solver)
                        }
                    }
                    throw SimMathError.didNotConverge(
                        "Brent on [\(a), \(b)] after \(maxIterations) iterations, last bracket ["
                            + "\(gsl_root_fsolver_x_lower(solver)), \(gsl_root_fsolver_x_upper(solver))]")
                }
            }
        }
    }
}
