import Foundation
import SimMath

/// The law of a unit's time to repair (time to restore to service), parameterised by its mean (the MTTR).
///
/// The default is lognormal: MIL-HDBK-338B §5.6.2.1 calls it "the most commonly used distribution in
/// maintainability analysis", fitting repair actions made of several sub-tasks of unequal duration
/// (http://www.bmpcoe.org/library/books/mil-hdbk-338b/7621.html). IEEE 493-2007 publishes only the
/// mean repair time, not its spread, hence the stated coefficient of variation below is an assumption.
public enum RepairLaw: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Lognormal with mean MTTR and standard deviation `coefficientOfVariation` · MTTR.
    case lognormal(coefficientOfVariation: Double)
    /// Always exactly MTTR (deterministic repair).
    case fixed
    /// Exponential with mean MTTR (the Markov-model assumption).
    case exponential

    /// Assumption: coefficient of variation 1.0 of corrective repair times (σ of ln T = √ln 2 ≈ 0.83),
    /// a middle value for lognormal maintenance-time fits; IEEE 493 gives no dispersion. The k-out-of-n
    /// steady-state availability does not depend on it (see ``RedundancyGroup``); outage durations do.
    public static let defaultCoefficientOfVariation = 1.0

    /// The default repair law: lognormal with ``defaultCoefficientOfVariation``.
    public static let standard = RepairLaw.lognormal(coefficientOfVariation: defaultCoefficientOfVariation)

    /// The time-to-repair distribution with mean `meanSeconds` (s).
    ///
    /// Invalid parameters give a distribution that ``Distribution/validate()`` rejects; call
    /// ``validate()`` first.
    public func distribution(meanSeconds: Double) -> Distribution {
        switch self {
        case let .lognormal(cv):
            return Distribution.lognormal(mean: meanSeconds, standardDeviation: cv * meanSeconds)
        case .fixed:
            return .constant(meanSeconds)
        case .exponential:
            return .exponential(mean: meanSeconds)
        }
    }

    /// Checks the coefficient of variation.
    /// - Throws: ``ReliabilityError/invalidArgument(_:)`` for a non-positive or non-finite lognormal CV.
    public func validate() throws {
        if case let .lognormal(cv) = self {
            try ReliabilityError.requirePositive(cv, "coefficient of variation of the lognormal repair law")
        }
    }

    public var description: String {
        switch self {
        case let .lognormal(cv): return "lognormal(CV \(cv))"
        case .fixed: return "fixed"
        case .exponential: return "exponential"
        }
    }
}
