import CGSL

/// Interpolation over a table y(x) (GSL `gsl_interp`, linear or natural cubic spline), clamped to the
/// end values outside [x₀, xₙ₋₁]. The unit of x and y is that of the table (e.g. °C → W).
///
/// Immutable after `init` and `Sendable`: evaluation is read-only on the GSL object (no shared
/// `gsl_interp_accel`), so one interpolator may be shared across threads.
public struct Interpolator: Sendable {
    /// The interpolation law between table points.
    public enum Method: Sendable, Hashable, Codable {
        /// Piecewise linear (`gsl_interp_linear`); needs ≥ 2 points.
        case linear
        /// Natural cubic spline, second derivative 0 at both ends (`gsl_interp_cspline`); exact on linear
        /// data. With exactly 2 points it is the straight line, evaluated by the linear law.
        case cubicSpline
    }

    private let storage: InterpolatorStorage

    /// The interpolation law.
    public let method: Method

    /// Builds the interpolator.
    /// - Throws: ``SimMathError/invalidArgument(_:)`` when `x` and `y` differ in length, hold fewer than
    ///   2 points, contain non-finite numbers, or `x` is not strictly increasing (unsorted or duplicate);
    ///   ``SimMathError/gsl(code:function:)`` if GSL rejects the table.
    /// - Complexity: O(n) (the spline solves one tridiagonal system).
    public init(x: [Double], y: [Double], method: Method = .linear) throws {
        guard x.count == y.count else {
            throw SimMathError.invalidArgument("interpolation table has \(x.count) x values but \(y.count) y values")
        }
        guard x.count >= 2 else {
            throw SimMathError.invalidArgument("interpolation table needs at least 2 points, got \(x.count)")
        }
        for i in x.indices {
            guard x[i].isFinite, y[i].isFinite else {
                throw SimMathError.invalidArgument("interpolation table point \(i) is not finite: (\(x[i]), \(y[i]))")
            }
            if i > 0 && !(x[i] > x[i - 1]) {
                throw SimMathError.invalidArgument(
                    "interpolation x values must be strictly increasing: x[\(i - 1)] = \(x[i - 1]), x[\(i)] = \(x[i])")
            }
        }
        GSLRuntime.prepare()
        let type = (method == .cubicSpline && x.count >= 3) ? cgsl_interp_cspline()! : cgsl_interp_linear()!
        storage = try InterpolatorStorage(x: x, y: y, type: type)
        self.method = method
    }

    /// The table's x values, ascending.
    public var xValues: [Double] { Array(storage.x) }
    /// The table's y values.
    public var yValues: [Double] { Array(storage.y) }
    /// The table's x range [x₀, xₙ₋₁].
    public var domain: ClosedRange<Double> { storage.x[0]...storage.x[storage.count - 1] }

    /// y(x), clamped: y₀ below x₀, yₙ₋₁ above xₙ₋₁; NaN for NaN x.
    /// - Complexity: O(log n) (binary search of the interval).
    @inline(__always)
    public func callAsFunction(_ x: Double) -> Double {
        let s = storage
        if x <= s.x[0] { return s.y[0] }
        if x >= s.x[s.count - 1] { return s.y[s.count - 1] }
        if x.isNaN { return .nan }
        return gsl_interp_eval(s.interp, s.x.baseAddress, s.y.baseAddress, x, nil)
    }

    /// dy/dx at x (`gsl_interp_eval_deriv`); 0 outside the table, consistent with clamping.
    /// - Complexity: O(log n).
    public func derivative(_ x: Double) -> Double {
        let s = storage
        if x.isNaN { return .nan }
        if x < s.x[0] || x > s.x[s.count - 1] { return 0 }
        return gsl_interp_eval_deriv(s.interp, s.x.baseAddress, s.y.baseAddress, x, nil)
    }
}
