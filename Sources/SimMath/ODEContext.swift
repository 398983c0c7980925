import CGSL

/// The Swift side of a gsl_odeiv2_system: GSL calls back into it through the `params` pointer.
///
/// Evaluates the user's derivative (rejecting non-finite results with `Int32(GSL_EBADFUNC)`, which makes
/// gsl_odeiv2 stop at once) and the Jacobian, or a central finite-difference estimate of it when the
/// system provides none.
final class ODEContext {
    let system: ODESystem
    /// Scratch for the finite-difference Jacobian: perturbed state and two derivative evaluations.
    private var perturbed: [Double]
    private var forward: [Double]
    private var backward: [Double]

    init(system: ODESystem) {
        self.system = system
        perturbed = [Double](repeating: 0, count: system.dimension)
        forward = perturbed
        backward = perturbed
    }

    /// dydt = f(t, y); Int32(GSL_EBADFUNC) if any component is not finite.
    func derivative(_ t: Double, _ y: UnsafePointer<Double>, _ dydt: UnsafeMutablePointer<Double>) -> Int32 {
        system.derivative(t, y, dydt)
        for i in 0..<system.dimension where !dydt[i].isFinite { return Int32(GSL_EBADFUNC) }
        return Int32(GSL_SUCCESS)
    }

    /// The Jacobian ∂f/∂y (row-major) and ∂f/∂t, supplied or estimated.
    func jacobian(_ t: Double, _ y: UnsafePointer<Double>, _ dfdy: UnsafeMutablePointer<Double>,
                  _ dfdt: UnsafeMutablePointer<Double>) -> Int32 {
        let n = system.dimension
        if let supplied = system.jacobian {
            supplied(t, y, dfdy, dfdt)
        } else {
            estimateJacobian(t, y, dfdy, dfdt)
        }
        for i in 0..<(n * n) where !dfdy[i].isFinite { return Int32(GSL_EBADFUNC) }
        for i in 0..<n where !dfdt[i].isFinite { return Int32(GSL_EBADFUNC) }
        return Int32(GSL_SUCCESS)
    }

    /// Central differences with step h = ε^(1/3) · max(|x|, 1) (ε = 2.2e-16, so h ≈ 6e-6 · scale),
    /// which balances truncation O(h²) against rounding O(ε/h). Costs 2n + 2 derivative evaluations.
    private func estimateJacobian(_ t: Double, _ y: UnsafePointer<Double>, _ dfdy: UnsafeMutablePointer<Double>,
                                  _ dfdt: UnsafeMutablePointer<Double>) {
        let n = system.dimension
        let relativeStep = 6.055454e-6 // cbrt(2.220446e-16)
        for i in 0..<n { perturbed[i] = y[i] }
        perturbed.withUnsafeMutableBufferPointer { p in
            forward.withUnsafeMutableBufferPointer { fp in
                backward.withUnsafeMutableBufferPointer { bp in
                    let yp = p.baseAddress!, fw = fp.baseAddress!, bw = bp.baseAddress!
                    for j in 0..<n {
                        let h = relativeStep * Swift.max(abs(y[j]), 1)
                        yp[j] = y[j] + h
                        system.derivative(t, UnsafePointer(yp), fw)
                        yp[j] = y[j] - h
                        system.derivative(t, UnsafePointer(yp), bw)
                        yp[j] = y[j]
                        for i in 0..<n { dfdy[i * n + j] = (fw[i] - bw[i]) / (2 * h) }
                    }
                    let ht = relativeStep * Swift.max(abs(t), 1)
                    system.derivative(t + ht, y, fw)
                    system.derivative(t - ht, y, bw)
                    for i in 0..<n { dfdt[i] = (fw[i] - bw[i]) / (2 * ht) }
                }
            }
        }
    }
}
