import CGSL

/// Integrates an ``ODESystem`` with GSL's gsl_odeiv2 driver (adaptive step with error control).
public enum ODEIntegrator {
    /// Default step budget of ``integrate(_:state:from:to:stepper:absoluteTolerance:relativeTolerance:initialStep:)``.
    /// Assumption: 10⁷ accepted-or-rejected steps is far above any well-posed interval between two events.
    public static let defaultMaxSteps = 10_000_000

    /// Advances `state` from `t0` to `t1` (t1 < t0 integrates backwards).
    ///
    /// Local error per step is kept below absoluteTolerance + relativeTolerance · |yᵢ| for every
    /// component. On error `state` is left unchanged.
    /// - Parameters:
    ///   - initialStep: first trial step (same unit as t); default 10⁻⁶ · |t1 − t0|. Its sign is set
    ///     from the direction of integration.
    /// - Throws: ``SimMathError/invalidArgument(_:)`` for a state of the wrong length, non-finite times
    ///   or tolerances; ``SimMathError/gsl(code:function:)`` when GSL fails (e.g. `Int32(GSL_EBADFUNC)` after a
    ///   non-finite derivative, `GSL_EMAXITER` past the step budget, step-size underflow).
    /// - Complexity: O(steps · (cost of f)·stages); the stiff steppers add an O(n³) LU per Jacobian.
    public static func integrate(_ system: ODESystem, state: inout [Double], from t0: Double, to t1: Double,
                                 stepper: ODEStepper = .rk8pd, absoluteTolerance: Double = 1e-10,
                                 relativeTolerance: Double = 1e-10, initialStep: Double? = nil) throws {
        try integrate(system, state: &state, from: t0, to: t1, stepper: stepper,
                      absoluteTolerance: absoluteTolerance, relativeTolerance: relativeTolerance,
                      initialStep: initialStep, maxSteps: defaultMaxSteps)
    }

    /// As ``integrate(_:state:from:to:stepper:absoluteTolerance:relativeTolerance:initialStep:)`` with an
    /// explicit step budget `maxSteps` (≥ 1) for `gsl_odeiv2_driver_set_nmax`.
    public static func integrate(_ system: ODESystem, state: inout [Double], from t0: Double, to t1: Double,
                                 stepper: ODEStepper, absoluteTolerance: Double, relativeTolerance: Double,
                                 initialStep: Double?, maxSteps: Int) throws {
        GSLRuntime.prepare()
        try validate(system, state: state, t0: t0, t1: t1, absoluteTolerance, relativeTolerance, initialStep, maxSteps)
        if t0 == t1 { return }
        let span = t1 - t0
        let firstStep = (initialStep.map(abs) ?? abs(span) * 1e-6).magnitude * (span > 0 ? 1 : -1)

        let context = ODEContext(system: system)
        var y = state
        try withExtendedLifetime(context) {
            let params = Unmanaged.passUnretained(context).toOpaque()
            var gslSystem = gsl_odeiv2_system(
                function: { t, y, dydt, params in
                    Unmanaged<ODEContext>.fromOpaque(params!).takeUnretainedValue().derivative(t, y!, dydt!)
                },
                jacobian: { t, y, dfdy, dfdt, params in
                    Unmanaged<ODEContext>.fromOpaque(params!).takeUnretainedValue().jacobian(t, y!, dfdy!, dfdt!)
                },
                dimension: system.dimension,
                params: params)
            try withUnsafeMutablePointer(to: &gslSystem) { systemPointer in
                guard let driver = gsl_odeiv2_driver_alloc_y_new(systemPointer, stepper.gslType, firstStep,
                                                                 absoluteTolerance, relativeTolerance) else {
                    throw SimMathError.gsl(code: Int32(GSL_ENOMEM), function: "gsl_odeiv2_driver_alloc_y_new")
                }
                defer { gsl_odeiv2_driver_free(driver) }
                try GSLRuntime.check(gsl_odeiv2_driver_set_nmax(driver, UInt(maxSteps)), "gsl_odeiv2_driver_set_nmax")
                var t = t0
                let status = y.withUnsafeMutableBufferPointer { gsl_odeiv2_driver_apply(driver, &t, t1, $0.baseAddress) }
                try GSLRuntime.check(status, "gsl_odeiv2_driver_apply")
            }
        }
        state = y
    }

    private static func validate(_ system: ODESystem, state: [Double], t0: Double, t1: Double,
                                 _ absoluteTolerance: Double, _ relativeTolerance: Double,
                                 _ initialStep: Double?, _ maxSteps: Int) throws {
        guard system.dimension >= 1 else {
            throw SimMathError.invalidArgument("ODE dimension must be ≥ 1, got \(system.dimension)")
        }
        guard state.count == system.dimension else {
            throw SimMathError.invalidArgument("ODE state has \(state.count) values, system dimension is \(system.dimension)")
        }
        guard state.allSatisfy(\.isFinite) else {
            throw SimMathError.invalidArgument("ODE initial state must be finite, got \(state)")
        }
        guard t0.isFinite, t1.isFinite else {
            throw SimMathError.invalidArgument("ODE time interval must be finite, got [\(t0), \(t1)]")
        }
        guard absoluteTolerance >= 0, relativeTolerance >= 0, absoluteTolerance + relativeTolerance > 0,
              absoluteTolerance.isFinite, relativeTolerance.isFinite else {
            throw SimMathError.invalidArgument(
                "ODE tolerances must be finite, ≥ 0 and not both 0 (absolute \(absoluteTolerance), relative \(relativeTolerance))")
        }
        if let h = initialStep, !(h.isFinite && h != 0) {
            throw SimMathError.invalidArgument("ODE initial step must be finite and non-zero, got \(h)")
        }
        guard maxSteps >= 1 else {
            throw SimMathError.invalidArgument("ODE step budget must be ≥ 1, got \(maxSteps)")
        }
    }
}
