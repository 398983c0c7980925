import Foundation
import SimMath

/// The reliability of one repairable unit (a pump, a chiller, a UPS module…): mean time between
/// failures, mean time to repair, and the laws of both times.
///
/// MTBF and MTTR are kept in hours, the unit of the published tables (IEEE 493-2007); the distributions
/// the simulation draws from are in seconds, the unit of the simulation clock. Each unit alternates
/// up (time to failure, mean MTBF) and down (time to repair, mean MTTR), so its steady-state availability
/// is a = MTBF / (MTBF + MTTR) whatever the two laws are (renewal-reward theorem).
/// See ``catalogue`` for the sourced defaults.
public struct ComponentReliability: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Catalogue key, snake_case (e.g. `pump`, `centrifugal_chiller`).
    public var name: String
    /// Mean time between failures (mean up time), h.
    public var mtbfHours: Double
    /// Mean time to repair (mean time to restore to service), h.
    public var mttrHours: Double
    /// Law of the time to failure (exponential by default).
    public var failureLaw: FailureLaw
    /// Law of the time to repair (lognormal with CV ``RepairLaw/defaultCoefficientOfVariation`` by default).
    public var repairLaw: RepairLaw
    /// Where MTBF and MTTR come from (standard, table, repository path) or the assumption behind them.
    public var source: String

    /// Creates a component; call ``validate()`` (or build a ``RedundancyGroup``, which does) before use.
    /// - Parameters:
    ///   - mtbfHours: mean time between failures, h.
    ///   - mttrHours: mean time to repair, h.
    public init(name: String, mtbfHours: Double, mttrHours: Double, failureLaw: FailureLaw = .exponential,
                repairLaw: RepairLaw = .standard, source: String) {
        self.name = name
        self.mtbfHours = mtbfHours
        self.mttrHours = mttrHours
        self.failureLaw = failureLaw
        self.repairLaw = repairLaw
        self.source = source
    }

    /// Checks MTBF, MTTR and both laws.
    /// - Throws: ``ReliabilityError/invalidArgument(_:)`` naming the first bad parameter.
    public func validate() throws {
        try ReliabilityError.requirePositive(mtbfHours, "MTBF (h) of '\(name)'")
        try ReliabilityError.requirePositive(mttrHours, "MTTR (h) of '\(name)'")
        try failureLaw.validate()
        try repairLaw.validate()
        do {
            try timeToFailureSeconds.validate()
            try timeToRepairSeconds.validate()
        } catch let error as SimMathError {
            throw ReliabilityError.invalidArgument("distributions of '\(name)': \(error)")
        }
    }

    /// Failure rate λ = 1/MTBF, per hour.
    public var failureRatePerHour: Double { 1 / mtbfHours }

    /// Steady-state availability of one unit, a = MTBF / (MTBF + MTTR) (dimensionless, in (0, 1)).
    public var unitAvailability: Double { mtbfHours / (mtbfHours + mttrHours) }

    /// Steady-state unavailability of one unit, 1 − a = MTTR / (MTBF + MTTR), computed without cancellation.
    public var unitUnavailability: Double { mttrHours / (mtbfHours + mttrHours) }

    /// Distribution of the time to failure, s (mean MTBF · 3600).
    public var timeToFailureSeconds: Distribution {
        failureLaw.distribution(meanSeconds: mtbfHours * Self.secondsPerHour)
    }

    /// Distribution of the time to repair, s (mean MTTR · 3600).
    public var timeToRepairSeconds: Distribution {
        repairLaw.distribution(meanSeconds: mttrHours * Self.secondsPerHour)
    }

    /// A copy with another failure law (same MTBF).
    public func with(failureLaw: FailureLaw) -> ComponentReliability {
        var copy = self
        copy.failureLaw = failureLaw
        return copy
    }

    /// A copy with another repair law (same MTTR).
    public func with(repairLaw: RepairLaw) -> ComponentReliability {
        var copy = self
        copy.repairLaw = repairLaw
        return copy
    }

    /// A copy with MTBF and MTTR both multiplied by `factor` (> 0): same availability a, faster or slower
    /// cycles. Useful to resolve rare outages in a short simulated horizon.
    /// - Throws: ``ReliabilityError/invalidArgument(_:)`` if `factor` is not finite and > 0.
    public func timeScaled(by factor: Double) throws -> ComponentReliability {
        try ReliabilityError.requirePositive(factor, "time scale factor")
        var copy = self
        copy.mtbfHours *= factor
        copy.mttrHours *= factor
        return copy
    }

    /// The series combination of `parts`: the unit is down whenever any part is down.
    ///
    /// With independent parts and repair times short against MTBFs (the approximate series formulas of
    /// frequency-and-duration analysis, Billinton & Allan, *Reliability Evaluation of Engineering Systems*,
    /// 2nd ed.): λ = Σ λᵢ, so MTBF = 1 / Σ (1/MTBFᵢ), and MTTR = Σ λᵢ·MTTRᵢ / Σ λᵢ
    /// (failure-rate-weighted mean repair time). The result uses the exponential failure law and the
    /// standard repair law.
    /// - Throws: ``ReliabilityError/invalidArgument(_:)`` for an empty list or an invalid part.
    public static func series(name: String, source: String, _ parts: [ComponentReliability]) throws
        -> ComponentReliability {
        guard !parts.isEmpty else {
            throw ReliabilityError.invalidArgument("series combination '\(name)' needs at least one part")
        }
        for part in parts { try part.validate() }
        return seriesCombination(name: name, source: source, parts)
    }

    /// ``series(name:source:_:)`` without validation, for catalogue entries built from valid parts.
    static func seriesCombination(name: String, source: String, _ parts: [ComponentReliability])
        -> ComponentReliability {
        var rate = 0.0, weightedRepair = 0.0
        for part in parts {
            rate += part.failureRatePerHour
            weightedRepair += part.failureRatePerHour * part.mttrHours
        }
        return ComponentReliability(name: name, mtbfHours: 1 / rate, mttrHours: weightedRepair / rate,
                                    source: source)
    }

    /// Seconds per hour.
    public static let secondsPerHour = 3600.0

    public var description: String {
        "\(name): MTBF \(mtbfHours) h (\(failureLaw)), MTTR \(mttrHours) h (\(repairLaw))"
    }
}
