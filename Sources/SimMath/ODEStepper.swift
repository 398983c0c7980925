import CGSL

/// A gsl_odeiv2 stepping method.
public enum ODEStepper: Sendable, Hashable, CaseIterable, Codable {
    /// Explicit embedded Runge–Kutta Prince–Dormand (8, 9): accurate for smooth, non-stiff problems.
    case rk8pd
    /// Explicit embedded Runge–Kutta–Fehlberg (4, 5): cheap general-purpose stepper.
    case rkf45
    /// Implicit multistep backward differentiation (variable order 1–5, Nordsieck form) for stiff
    /// problems; uses the Jacobian.
    case msbdf
    /// Implicit Bulirsch–Stoer (Bader & Deuflhard) for stiff problems; uses the Jacobian.
    case bsimp

    /// Whether the stepper calls the Jacobian.
    public var needsJacobian: Bool {
        switch self {
        case .rk8pd, .rkf45: return false
        case .msbdf, .bsimp: return true
        }
    }

    /// The GSL step type.
    var gslType: UnsafePointer<gsl_odeiv2_step_type> {
        switch self {
        case .rk8pd: return cgsl_step_rk8pd()!
        case .rkf45: return cgsl_step_rkf45()!
        case .msbdf: return cgsl_step_msbdf()!
        case .bsimp: return cgsl_step_bsimp()!
        }
    }
}
