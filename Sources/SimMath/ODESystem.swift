/// A system of ordinary differential equations dy/dt = f(t, y) of dimension n, for ``ODEIntegrator``.
///
/// The closures receive raw pointers to GSL's buffers (no allocation per call):
/// - `derivative(t, y, dydt)`: write f(t, y) into `dydt[0..<n]`.
/// - `jacobian(t, y, dfdy, dfdt)`: write ∂fᵢ/∂yⱼ into `dfdy[i * n + j]` (row-major n × n) and ∂fᵢ/∂t
///   into `dfdt[i]`. Used by the stiff steppers (`msbdf`, `bsimp`); when absent, ``ODEIntegrator``
///   estimates it by central finite differences.
///
/// The closures must not throw and should write finite numbers; a non-finite derivative stops the
/// integration with a ``SimMathError`` (Int32(GSL_EBADFUNC)).
public struct ODESystem {
    /// Number of state variables n (≥ 1).
    public let dimension: Int
    /// f(t, y) → dydt.
    public let derivative: (Double, UnsafePointer<Double>, UnsafeMutablePointer<Double>) -> Void
    /// (t, y) → (∂f/∂y row-major, ∂f/∂t), or nil to let the integrator estimate it when needed.
    public let jacobian: ((Double, UnsafePointer<Double>, UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>) -> Void)?

    /// Creates a system of `dimension` equations with right-hand side `derivative` and optional `jacobian`.
    public init(dimension: Int,
                derivative: @escaping (Double, UnsafePointer<Double>, UnsafeMutablePointer<Double>) -> Void,
                jacobian: ((Double, UnsafePointer<Double>, UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>) -> Void)? = nil) {
        self.dimension = dimension
        self.derivative = derivative
        self.jacobian = jacobian
    }
}
