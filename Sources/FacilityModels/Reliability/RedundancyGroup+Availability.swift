import Foundation

/// Closed-form steady-state measures of a k-out-of-n group of independent repairable units.
///
/// With unit availability a = MTBF/(MTBF + MTTR) and the number of up units X ~ Binomial(n, a):
/// - availability A = P(X ≥ k) = Σ_{i=k..n} C(n,i)·aⁱ·(1−a)^(n−i);
/// - failure frequency f = k·λ·C(n,k)·aᵏ·(1−a)^(n−k) (a transition from exactly k up units to k−1), λ = 1/MTBF;
/// - system MTBF = A/f, mean outage duration (system MTTR) = (1−A)/f
///   (Kullstam, "Availability, MTBF and MTTR for repairable M out of N system", IEEE Trans. Reliability
///   R-30(4), 1981, doi 10.1109/TR.1981.5221134; reference doc §5).
///
/// These hold for *any* failure and repair laws with the given means: each unit is an alternating
/// renewal process whose long-run up fraction is a (renewal-reward theorem), units are independent,
/// so the long-run fraction of time in each joint state is the product of the marginals (insensitivity
/// for independent alternating renewal processes; the frequency formula follows in the same way from the
/// rate 1/(MTBF + MTTR) of failures of each unit). They assume hot spares, one repair crew per unit and
/// **no switchover delay**: with a delay d every failure of a running unit costs about d of reduced
/// capacity even when a spare is ready, which only the Monte Carlo (`RedundancyGroupSimulation`) captures.
/// They are long-run figures; a finite horizon starting with every unit new differs by O(MTTR/horizon).
extension RedundancyGroup {
    /// Steady-state unit availability a = MTBF/(MTBF + MTTR).
    public var unitAvailability: Double { component.unitAvailability }

    /// Closed-form steady-state availability P(at least k of n units up), dimensionless.
    /// - Complexity: O(n).
    public var steadyStateAvailability: Double {
        Self.binomialTail(total: totalUnits, unitAvailability: unitAvailability,
                          unitUnavailability: component.unitUnavailability, range: neededUnits...totalUnits)
    }

    /// Closed-form steady-state unavailability P(fewer than k units up), summed directly (no 1 − A
    /// cancellation), dimensionless.
    /// - Complexity: O(n).
    public var steadyStateUnavailability: Double {
        Self.binomialTail(total: totalUnits, unitAvailability: unitAvailability,
                          unitUnavailability: component.unitUnavailability, range: 0...(neededUnits - 1))
    }

    /// Closed-form long-run mean of the running capacity fraction E[min(X, k)/k], dimensionless.
    /// For k = n this is a (each unit carries 1/n of the load); it is ≥ ``steadyStateAvailability``.
    /// - Complexity: O(n).
    public var expectedCapacityFraction: Double {
        let n = totalUnits, k = neededUnits
        var sum = 0.0
        for i in 0...n {
            sum += Self.binomialProbability(n, i, unitAvailability, component.unitUnavailability)
                * Double(Swift.min(i, k)) / Double(k)
        }
        return sum
    }

    /// Closed-form frequency of group outages (transitions from k to k−1 up units), per hour.
    public var outageFrequencyPerHour: Double {
        Double(neededUnits) * component.failureRatePerHour
            * Self.binomialProbability(totalUnits, neededUnits, unitAvailability, component.unitUnavailability)
    }

    /// Closed-form mean time between group outages, A/f, h.
    public var meanTimeBetweenOutagesHours: Double { steadyStateAvailability / outageFrequencyPerHour }

    /// Closed-form mean outage duration, (1 − A)/f, h.
    public var meanOutageDurationHours: Double { steadyStateUnavailability / outageFrequencyPerHour }

    /// Closed-form expected downtime, (1 − A) · 8,760 h, hours per (365-day) year.
    public var expectedDowntimeHoursPerYear: Double { steadyStateUnavailability * Self.hoursPerYear }

    /// Hours in a 365-day year.
    public static let hoursPerYear = 8_760.0

    /// Availability of a k-out-of-n group of independent units each available with probability
    /// `unitAvailability`: Σ_{i=k..n} C(n,i)·aⁱ·(1−a)^(n−i).
    /// - Throws: ``ReliabilityError/invalidArgument(_:)`` unless 1 ≤ k ≤ n ≤ ``maximumUnits`` and a ∈ [0, 1].
    /// - Complexity: O(n).
    public static func kOutOfNAvailability(needed k: Int, total n: Int, unitAvailability a: Double) throws -> Double {
        guard k >= 1, k <= n, n <= maximumUnits else {
            throw ReliabilityError.invalidArgument("k-out-of-n needs 1 ≤ k ≤ n ≤ \(maximumUnits), got k = \(k), n = \(n)")
        }
        guard a >= 0, a <= 1 else {
            throw ReliabilityError.invalidArgument("unit availability must lie in [0, 1], got \(a)")
        }
        return binomialTail(total: n, unitAvailability: a, unitUnavailability: 1 - a, range: k...n)
    }

    /// Σ over `range` of the Binomial(n, a) probabilities.
    static func binomialTail(total n: Int, unitAvailability a: Double, unitUnavailability u: Double,
                             range: ClosedRange<Int>) -> Double {
        var sum = 0.0
        for i in range { sum += binomialProbability(n, i, a, u) }
        return sum
    }

    /// C(n,i)·aⁱ·u^(n−i). Small groups (n ≤ 50) use the exact binomial coefficient and `pow`; larger
    /// ones work in log space (lgamma) so that they neither overflow nor underflow early. Exact 0/1
    /// probabilities are handled without logarithms of zero.
    static func binomialProbability(_ n: Int, _ i: Int, _ a: Double, _ u: Double) -> Double {
        if i < 0 || i > n { return 0 }
        if a == 0 { return i == 0 ? 1 : 0 }
        if u == 0 { return i == n ? 1 : 0 }
        if n <= 50 {
            // C(n, i) by the multiplicative formula; every intermediate C(n−m+j−1, j−1)·(n−m+j) is an
            // integer below 2^53 for n ≤ 50, so the result is exact.
            var choose = 1.0
            let m = Swift.min(i, n - i)
            if m > 0 {
                for j in 1...m { choose = choose * Double(n - m + j) / Double(j) }
            }
            return choose * pow(a, Double(i)) * pow(u, Double(n - i))
        }
        let logChoose = lgamma(Double(n + 1)) - lgamma(Double(i + 1)) - lgamma(Double(n - i + 1))
        return exp(logChoose + Double(i) * log(a) + Double(n - i) * log(u))
    }
}
