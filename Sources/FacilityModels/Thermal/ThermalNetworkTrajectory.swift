import Foundation

/// The exact trajectory of a `ThermalNetwork` under constant inputs, from time 0 of the interval.
///
/// In modal coordinates z = Qᵀ·C^(½)·T each mode obeys z′ = λz + η, so
/// zₖ(t) = zₖ(0)·e^(λₖt) + ηₖ·φ(λₖ, t) with φ(λ, t) = (e^(λt) − 1)/λ (= t when λ = 0), evaluated with
/// expm1 so that slow modes lose no digits; Tᵢ(t) = Σₖ wᵢₖ·zₖ(t) with wᵢₖ = Qᵢₖ/√Cᵢ. The derivative
/// Tᵢ′(t) = Σₖ wᵢₖ(λₖzₖ(0) + ηₖ)·e^(λₖt) is an `ExponentialSum`, whose sign changes split any horizon into
/// pieces on which Tᵢ is monotone: limit crossings and maxima follow exactly, with no sampling.
public struct ThermalNetworkTrajectory: Sendable {
    /// The network.
    public let network: ThermalNetwork
    /// The inputs held over the interval.
    public let inputs: ThermalNetwork.Inputs
    /// Temperatures at t = 0, °C.
    public let initial: [Double]
    let modalInitial: [Double]
    let modalForcing: [Double]
    let weights: SmallMatrix

    /// A time at which a node's temperature crosses a limit.
    public struct Crossing: Sendable, Equatable {
        /// Seconds after the start of the interval.
        public var timeSeconds: Double
        /// True when the temperature rises through the limit.
        public var rising: Bool
    }

    /// φ(λ, t) = ∫₀ᵗ e^(λs) ds.
    @inline(__always)
    static func phi(_ lambda: Double, _ t: Double) -> Double {
        lambda == 0 ? t : expm1(lambda * t) / lambda
    }

    /// ψ(λ, t) = ∫₀ᵗ φ(λ, s) ds = t²·(e^x − 1 − x)/x², x = λt (series for |x| < 1e-3).
    @inline(__always)
    static func psi(_ lambda: Double, _ t: Double) -> Double {
        let x = lambda * t
        if abs(x) < 1e-3 { return t * t * (0.5 + x / 6 + x * x / 24 + x * x * x / 120) }
        return (expm1(x) - x) / (lambda * lambda)
    }

    /// Modal coordinate k at time t.
    @inline(__always)
    func modal(_ k: Int, _ t: Double) -> Double {
        let lambda = network.eigenvalues[k]
        return modalInitial[k] * exp(lambda * t) + modalForcing[k] * Self.phi(lambda, t)
    }

    /// Temperature of node `node` at `t` s, °C.
    public func celsius(node: Int, at t: Double) -> Double {
        var s = 0.0
        for k in 0..<network.nodeCount { s += weights[node, k] * modal(k, t) }
        return s
    }

    /// All node temperatures at `t` s, °C.
    public func state(at t: Double) -> [Double] {
        let n = network.nodeCount
        var z = [Double](repeating: 0, count: n)
        for k in 0..<n { z[k] = modal(k, t) }
        return weights * z
    }

    /// dTᵢ/dt as an exponential sum in t, K/s.
    public func derivative(node: Int) -> ExponentialSum {
        let terms = (0..<network.nodeCount).map { k in
            ExponentialSum.Term(coefficient: weights[node, k] * (network.eigenvalues[k] * modalInitial[k] + modalForcing[k]),
                                rate: network.eigenvalues[k])
        }
        return ExponentialSum(terms)
    }

    /// ∫₀ᵗ Tᵢ dt, K·s (exact).
    public func integralCelsiusSeconds(node: Int, until t: Double) -> Double {
        var s = 0.0
        for k in 0..<network.nodeCount {
            let lambda = network.eigenvalues[k]
            s += weights[node, k] * (modalInitial[k] * Self.phi(lambda, t) + modalForcing[k] * Self.psi(lambda, t))
        }
        return s
    }

    /// Heat passed to all boundaries over [0, t], J: Σ G·∫(Tᵢ − T_b) dt (exact; the energy balance is
    /// Σ Pᵢ·t = this + Δ stored heat).
    public func heatToBoundariesJoules(until t: Double) -> Double {
        var q = 0.0
        for link in network.boundaryLinks {
            q += link.conductanceWattsPerKelvin
                * (integralCelsiusSeconds(node: link.node, until: t) - inputs.boundaryCelsius[link.boundary] * t)
        }
        return q
    }

    /// Every time in [0, horizon] at which node `node` crosses `limitCelsius`, ascending, each to 1e-9 s.
    ///
    /// The horizon is split at the sign changes of Tᵢ′ (exactly isolated, see `ExponentialSum`); on each
    /// piece Tᵢ is monotone, so a sign change of Tᵢ − limit at its ends brackets exactly one crossing,
    /// which Brent's method (SimMath) locates on the exact solution. Never time-stepped.
    /// - Throws: `SimMathError` only if Brent's method fails on a valid bracket.
    public func crossings(node: Int, celsius limitCelsius: Double, within horizonSeconds: Double) throws -> [Crossing] {
        guard horizonSeconds > 0 else { return [] }
        let knots = [0] + (try derivative(node: node).signChanges(in: 0, horizonSeconds)) + [horizonSeconds]
        let times = try ExponentialSum.roots(of: { self.celsius(node: node, at: $0) - limitCelsius }, monotoneOn: knots, tolerance: 1e-9)
        return times.map { t in
            let slope = derivative(node: node)(t)
            let rising = slope != 0 ? slope > 0 : celsius(node: node, at: min(t + 1e-6, horizonSeconds)) > limitCelsius
            return Crossing(timeSeconds: t, rising: rising)
        }
    }

    /// The first time in (0, horizon] at which node `node` rises through `limitCelsius`, or nil.
    /// - Throws: `SimMathError` only if Brent's method fails on a valid bracket.
    public func firstRisingCrossing(node: Int, celsius limitCelsius: Double, within horizonSeconds: Double) throws -> Double? {
        try crossings(node: node, celsius: limitCelsius, within: horizonSeconds).first(where: { $0.rising && $0.timeSeconds > 0 })?.timeSeconds
    }

    /// The highest temperature of node `node` over [0, t] and when it occurs: the ends and every
    /// interior zero of Tᵢ′ (exactly isolated).
    /// - Throws: `SimMathError` only if Brent's method fails on a valid bracket.
    public func maximum(node: Int, until t: Double) throws -> (celsius: Double, timeSeconds: Double) {
        var best = (celsius: celsius(node: node, at: 0), timeSeconds: 0.0)
        let candidates = (t > 0 ? try derivative(node: node).signChanges(in: 0, t) : []) + [t]
        for s in candidates {
            let value = celsius(node: node, at: s)
            if value > best.celsius { best = (value, s) }
        }
        return best
    }
}
