import CGSL

/// The GSL interpolation object and its table, owned by an ``Interpolator`` and freed with it.
///
/// `@unchecked Sendable` is sound because nothing is mutated after `init`: `gsl_interp_eval` with a nil
/// accelerator only reads `interp`, `x` and `y`.
final class InterpolatorStorage: @unchecked Sendable {
    let count: Int
    let x: UnsafeMutableBufferPointer<Double>
    let y: UnsafeMutableBufferPointer<Double>
    let interp: UnsafeMutablePointer<gsl_interp>

    /// Copies the table and initialises a `gsl_interp` of `type` over it.
    init(x xs: [Double], y ys: [Double], type: UnsafePointer<gsl_interp_type>) throws {
        guard let interp = gsl_interp_alloc(type, xs.count) else {
            throw SimMathError.gsl(code: Int32(GSL_ENOMEM), function: "gsl_interp_alloc")
        }
        let x = UnsafeMutableBufferPointer<Double>.allocate(capacity: xs.count)
        let y = UnsafeMutableBufferPointer<Double>.allocate(capacity: ys.count)
        _ = x.initialize(from: xs)
        _ = y.initialize(from: ys)
        let status = gsl_interp_init(interp, x.baseAddress, y.baseAddress, xs.count)
        guard status == Int32(GSL_SUCCESS) else {
            gsl_interp_free(interp)
            x.deallocate()
            y.deallocate()
            throw SimMathError.gsl(code: status, function: "gsl_interp_init")
        }
        self.count = xs.count
        self.x = x
        self.y = y
        self.interp = interp
    }

    deinit {
        gsl_interp_free(interp)
        x.deallocate()
        y.deallocate()
    }
}
