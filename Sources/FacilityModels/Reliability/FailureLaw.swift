import Foundation
import SimMath

/// The law of a unit's time to failure, parameterised by its mean (the MTBF) so that catalogue
/// MTBFs keep their meaning whatever law is chosen.
///
/// Exponential (constant hazard) is the default: IEEE 493-2007 reports failure *rates* (per hour),
/// i.e. it assumes the useful-life part of the bathtub curve. Weibull lets a study model wear-out
/// (shape > 1) or infant mortality (shape < 1) with the same mean.
public enum FailureLaw: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Exponential with mean MTBF: hazard 1/MTBF, memoryless.
    case exponential
    /// Weibull with shape k (> 0) and the scale that gives mean MTBF: λ = MTBF / Γ(1 + 1/k).
    case weibull(shape: Double)

    /// The time-to-failure distribution with mean `meanSeconds` (s).
    ///
    /// Invalid parameters give a distribution that ``Distribution/validate()`` rejects; call
    /// ``validate()`` first.
    public func distribution(meanSeconds: Double) -> Distribution {
        switch self {
        case .exponential:
            return .exponential(mean: meanSeconds)
        case let .weibull(shape):
            return .weibull(shape: shape, scale: meanSeconds / tgamma(1 + 1 / shape))
        }
    }

    /// Checks the shape parameter.
    /// - Throws: ``ReliabilityError/invalidArgument(_:)`` for a non-positive or non-finite Weibull shape.
    public func validate() throws {
        if case let .weibull(shape) = self {
            try ReliabilityError.requirePositive(shape, "Weibull shape of the failure law")
        }
    }

    public var description: String {
        switch self {
        case .exponential: return "exponential"
        case let .weibull(shape): return "Weibull(shape \(shape))"
        }
    }
}
