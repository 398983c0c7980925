import CGSL

/// Errors from GSL and from bad arguments to SimMath.
///
/// GSL's default error handler aborts the process; SimMath switches it off once
/// (`gsl_set_error_handler_off`, see ``GSLRuntime``) and turns the returned status codes into these.
public enum SimMathError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A GSL routine returned a non-zero status `code` (`GSL_E…` from gsl_errno.h).
    case gsl(code: Int32, function: String)
    /// A parameter or input is out of its domain (non-finite, non-positive scale, unsorted table, …).
    case invalidArgument(String)
    /// Root finding was asked for a root on `[lower, upper]` but `f` has the same sign at both ends.
    case noBracket(lower: Double, upper: Double, fLower: Double, fUpper: Double)
    /// An iterative method used up its iteration budget before meeting its tolerance.
    case didNotConverge(String)

    /// A one-line human-readable message, including GSL's own text for its status codes.
    public var description: String {
        switch self {
        case let .gsl(code, function):
            let reason = gsl_strerror(code).map { String(cString: $0) } ?? "unknown error"
            return "GSL error \(code) in \(function): \(reason)"
        case let .invalidArgument(message):
            return "invalid argument: \(message)"
        case let .noBracket(lower, upper, fLower, fUpper):
            return "no sign change on [\(lower), \(upper)]: f(lower) = \(fLower), f(upper) = \(fUpper); "
                + "the root is not bracketed"
        case let .didNotConverge(message):
            return "did not converge: \(message)"
        }
    }
}
