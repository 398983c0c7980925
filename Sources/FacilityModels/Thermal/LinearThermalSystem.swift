import Foundation
import SimMath

/// A general linear system dT/dt = A·T + b with constant A and b between events, advanced by the
/// matrix exponential.
///
/// For networks that are not plain RC (e.g. a coolant node with an advective, non-symmetric coupling, a
/// controller folded into A) the symmetric modal form of `ThermalNetwork` does not apply. Over a step
/// of h seconds the exact solution is T(h) = e^(Ah)·T(0) + (∫₀ʰ e^(As) ds)·b; both factors come out of
/// one exponential of the augmented (n+1)×(n+1) matrix [[A, b], [0, 0]]·h (Van Loan, "Computing
/// integrals involving the matrix exponential", IEEE TAC 23, 1978), computed by scaling-and-squaring
/// Padé (`SmallMatrix.exponential`). A step's propagator can be cached and reused for equal steps.
public struct LinearThermalSystem: Sendable {
    /// System matrix A, 1/s.
    public let matrix: SmallMatrix
    /// Forcing b, K/s.
    public let forcing: [Double]

    /// - Throws: `FacilityModelError.invalidConfiguration` if sizes disagree or an entry is not finite.
    public init(matrix: SmallMatrix, forcing: [Double]) throws {
        guard matrix.order == forcing.count, matrix.order > 0 else {
            throw FacilityModelError.invalidConfiguration(model: "LinearThermalSystem", message: "A is \(matrix.order)×\(matrix.order) but b has \(forcing.count) entries")
        }
        guard matrix.entries.allSatisfy(\.isFinite), forcing.allSatisfy(\.isFinite) else {
            throw FacilityModelError.invalidConfiguration(model: "LinearThermalSystem", message: "A and b must be finite")
        }
        self.matrix = matrix
        self.forcing = forcing
    }

    /// The system of a `ThermalNetwork` under given inputs (A = −C⁻¹K, b = C⁻¹g).
    public init(network: ThermalNetwork, inputs: ThermalNetwork.Inputs) throws {
        try self.init(matrix: network.systemMatrix, forcing: network.forcing(inputs))
    }

    /// The exact one-step map T ↦ Φ·T + γ over `seconds`.
    public struct Propagator: Sendable {
        /// Φ = e^(A·h).
        public let transition: SmallMatrix
        /// γ = (∫₀ʰ e^(As) ds)·b, K.
        public let offset: [Double]

        /// The state after one step.
        public func apply(_ state: [Double]) -> [Double] {
            zip(transition * state, offset).map { $0 + $1 }
        }
    }

    /// The propagator over a step of `seconds`.
    /// - Throws: `FacilityModelError` for a negative or non-finite step.
    /// - Complexity: O((n+1)³·(6 + log₂‖A‖h)).
    public func propagator(over seconds: Double) throws -> Propagator {
        try FacilityModelError.requireNonNegative(seconds, "LinearThermalSystem", "step seconds")
        let n = matrix.order
        var augmented = SmallMatrix(zeros: n + 1)
        for i in 0..<n {
            for j in 0..<n { augmented[i, j] = matrix[i, j] * seconds }
            augmented[i, n] = forcing[i] * seconds
        }
        let e = try augmented.exponential()
        var phi = SmallMatrix(zeros: n)
        for i in 0..<n { for j in 0..<n { phi[i, j] = e[i, j] } }
        return Propagator(transition: phi, offset: (0..<n).map { e[$0, n] })
    }

    /// The state `seconds` after `state`, °C.
    /// - Throws: as `propagator(over:)`.
    public func advance(_ state: [Double], by seconds: Double) throws -> [Double] {
        try propagator(over: seconds).apply(state)
    }

    /// Steady state T∞ = −A⁻¹b, °C.
    /// - Throws: `FacilityModelError.invalidConfiguration` when A is singular.
    public func steadyState() throws -> [Double] {
        try matrix.solve(forcing).map { -$0 }
    }

    /// The first time in (0, horizon] at which component `node` reaches `limitCelsius` from `state`, or nil.
    ///
    /// The exact solution is sampled at `samples` equal sub-steps of the horizon (one cached propagator)
    /// to find the first sign change of T − limit, and Brent's method (SimMath) then solves
    /// T(t) = limit on that sub-interval to 1e-9 s using exact matrix-exponential evaluations. An
    /// excursion above the limit shorter than a sub-step can be missed; for RC networks prefer
    /// `ThermalNetworkTrajectory.crossings`, which isolates every crossing exactly.
    /// - Throws: `FacilityModelError` for a bad horizon or sample count; `SimMathError` from Brent.
    public func firstCrossing(node: Int, celsius limitCelsius: Double, from state: [Double], within horizonSeconds: Double,
                              samples: Int = 64) throws -> Double? {
        try FacilityModelError.requirePositive(horizonSeconds, "LinearThermalSystem", "horizon seconds")
        guard samples >= 1 else {
            throw FacilityModelError.invalidParameter(model: "LinearThermalSystem", parameter: "samples", value: Double(samples), requirement: "≥ 1")
        }
        let h = horizonSeconds / Double(samples)
        let step = try propagator(over: h)
        var t0 = 0.0, s0 = state
        var f0 = s0[node] - limitCelsius
        if f0 == 0 { return 0 }
        for i in 1...samples {
            let s1 = step.apply(s0), t1 = i == samples ? horizonSeconds : Double(i) * h
            let f1 = s1[node] - limitCelsius
            if f1 == 0 { return t1 }
            if (f1 > 0) != (f0 > 0) {
                let start = s0, origin = t0
                var failure: Error?
                let root = try RootFinding.brent(lower: t0, upper: t1, absoluteTolerance: 1e-9, relativeTolerance: 0) { t in
                    do { return try self.advance(start, by: t - origin)[node] - limitCelsius } catch { failure = error; return .nan }
                }
                if let failure { throw failure }
                return root
            }
            t0 = t1
            s0 = s1
            f0 = f1
        }
        return nil
    }
}
