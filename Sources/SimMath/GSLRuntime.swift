import CGSL

/// Process-wide GSL set-up, done exactly once before SimMath's first GSL call.
///
/// GSL's default error handler calls `abort()`. A simulator must turn bad input into a Swift error
/// instead, so the handler is switched off once, through a lazily initialised `static let` (Swift runs
/// it exactly once, thread-safely), and every GSL status code is checked by the caller.
enum GSLRuntime {
    /// Switches GSL's abort-on-error handler off; evaluated once on first access.
    private static let errorHandlerOff: Void = {
        _ = gsl_set_error_handler_off()
    }()

    /// Ensures GSL's error handler is off. Cheap after the first call (one `swift_once` check).
    @inline(__always)
    static func prepare() {
        _ = errorHandlerOff
    }

    /// Throws ``SimMathError/gsl(code:function:)`` when `status` is not `Int32(GSL_SUCCESS)`.
    @inline(__always)
    static func check(_ status: Int32, _ function: String) throws {
        if status != Int32(GSL_SUCCESS) {
            throw SimMathError.gsl(code: status, function: function)
        }
    }
}
