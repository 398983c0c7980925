import FacilityModels
import Foundation
import SimMath

/// The temperature-dependent failure hazard of one GPU along an exact thermal trajectory.
///
/// λ(T) = AF(T_ref → T)/MTBF_ref with the Arrhenius factor of `GPUReliability`. Failures of a cohort's n GPUs
/// in service form a Poisson process of rate n·λ(T(t)); its next failure is where the cumulative hazard
/// Λ(t) = n·∫λ(T(s))ds reaches an Exp(1) draw (the time-change theorem), so a failure is an exact event
/// of the non-homogeneous process, not a per-step coin toss. ∫λ is evaluated by composite 4-point
/// Gauss–Legendre on geometric panels (fine at the start of a segment, where the transient is fast):
/// T(t) is a constant plus two decaying exponentials, so λ(T(t)) is smooth and the rule converges quickly.
struct GPUHazard {
    let model: GPUReliability
    /// λ at the reference temperature, per second.
    let referenceRatePerSecond: Double
    /// Eₐ/k, K.
    let activationKelvin: Double
    let referenceKelvin: Double

    init(_ model: GPUReliability) {
        self.model = model
        referenceRatePerSecond = 1 / (model.referenceMTBFHours * 3600)
        activationKelvin = model.activationEnergyElectronVolts / GPUReliability.boltzmannElectronVoltsPerKelvin
        referenceKelvin = model.referenceJunctionCelsius + GPUReliability.kelvinOffset
    }

    /// Hazard of one GPU at `celsius`, per second.
    @inline(__always)
    func rate(celsius: Double) -> Double {
        referenceRatePerSecond * exp(activationKelvin * (1 / referenceKelvin - 1 / (celsius + GPUReliability.kelvinOffset)))
    }

    private static let nodes: [Double] = [-0.8611363115940526, -0.3399810435848563, 0.3399810435848563, 0.8611363115940526]
    private static let weights: [Double] = [0.3478548451374538, 0.6521451548625461, 0.6521451548625461, 0.3478548451374538]

    /// ∫₀^τ λ(T₁(s)) ds along `trajectory` (one GPU), dimensionless.
    func integral(_ trajectory: ThermalChainTrajectory, until tau: Double) -> Double {
        guard tau > 0 else { return 0 }
        // Panels [0, τ/64], [τ/64, τ/16], [τ/16, τ/4], [τ/4, τ]: geometric, so a fast initial transient is resolved.
        var total = 0.0
        var a = 0.0
        for b in [tau / 64, tau / 16, tau / 4, tau] {
            let half = (b - a) / 2, mid = (a + b) / 2
            var panel = 0.0
            for k in 0..<4 {
                panel += GPUHazard.weights[k] * rate(celsius: trajectory.moduleCelsius(at: mid + half * GPUHazard.nodes[k]))
            }
            total += half * panel
            a = b
        }
        return total
    }

    /// Time τ ∈ (0, until] at which `gpus`·∫₀^τ λ reaches `budget`, or nil if it does not within `until`.
    func failureTime(_ trajectory: ThermalChainTrajectory, gpus: Int, budget: Double, until: Double) -> Double? {
        guard gpus > 0, until > 0 else { return nil }
        let n = Double(gpus)
        guard n * integral(trajectory, until: until) >= budget else { return nil }
        return (try? RootFinding.brent(lower: 0, upper: until, absoluteTolerance: 1e-6, relativeTolerance: 1e-10) {
            n * self.integral(trajectory, until: $0) - budget
        }) ?? until
    }
}
