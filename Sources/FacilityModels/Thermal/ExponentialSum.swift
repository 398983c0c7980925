import Foundation
import SimMath

/// A sum of exponentials h(t) = Σₖ aₖ·e^(μₖ·t), with its real roots isolated exactly.
///
/// The temperature of a node of a linear RC network under constant inputs is a constant plus such a
/// sum, and its time derivative is exactly such a sum (a constant being the term with μ = 0). Roots are
/// isolated without sampling: h has the same roots as h̃(t) = e^(−μ₁t)·h(t), and between consecutive
/// roots of h̃′ the function h̃ is monotone, hence has at most one root there. Since
/// e^(μ₁t)·h̃′(t) = Σₖ₌₂ aₖ(μₖ − μ₁)·e^(μₖt) is a sum of one term fewer (and never overflows: the
/// exponents are the original ones), recursion on the number of terms gives every monotone piece;
/// each sign change is then located by Brent's method (SimMath). By the same argument (Rolle's theorem
/// and induction on the number of terms) a sum of m terms has at most m − 1 real roots.
public struct ExponentialSum: Sendable, Equatable {
    /// One term a·e^(μt).
    public struct Term: Sendable, Equatable {
        /// Coefficient a (units of h).
        public var coefficient: Double
        /// Rate μ, 1/s (negative for decaying modes, 0 for a constant).
        public var rate: Double

        public init(coefficient: Double, rate: Double) {
            self.coefficient = coefficient
            self.rate = rate
        }
    }

    /// The terms, with equal rates merged and zero coefficients dropped.
    public private(set) var terms: [Term]

    /// A sum from its terms; terms whose rates agree to 1e-13 relative are merged.
    public init(_ terms: [Term]) {
        var merged: [Term] = []
        for term in terms.sorted(by: { $0.rate < $1.rate }) where term.coefficient != 0 {
            if let last = merged.last, abs(last.rate - term.rate) <= 1e-13 * max(abs(last.rate), abs(term.rate)) {
                merged[merged.count - 1].coefficient += term.coefficient
            } else {
                merged.append(term)
            }
        }
        self.terms = merged.filter { $0.coefficient != 0 }
    }

    /// h(t).
    @inline(__always)
    public func callAsFunction(_ t: Double) -> Double {
        var s = 0.0
        for term in terms { s += term.coefficient * exp(term.rate * t) }
        return s
    }

    /// The derivative h′(t) = Σ aₖμₖ·e^(μₖt).
    public var derivative: ExponentialSum {
        ExponentialSum(terms.map { Term(coefficient: $0.coefficient * $0.rate, rate: $0.rate) })
    }

    /// The points of [lower, upper] where h changes sign, ascending, each to `tolerance` s.
    ///
    /// Touching zeros (no sign change) are not reported; an exact zero at an end is reported if h is
    /// non-zero just inside. An identically zero sum has no sign changes.
    /// - Throws: `SimMathError` only if Brent's method fails, which a valid bracket rules out.
    /// - Complexity: O(m²) Brent solves for m terms (m ≤ n + 1 for an n-node network).
    public func signChanges(in lower: Double, _ upper: Double, tolerance: Double = 1e-9) throws -> [Double] {
        guard upper > lower, terms.count >= 2 else { return [] }
        // Pieces on which h is monotone up to a positive factor: split at the roots of (e^(−μ₁t)h)′.
        let first = terms[0]
        let reduced = ExponentialSum(terms.dropFirst().map {
            Term(coefficient: $0.coefficient * ($0.rate - first.rate), rate: $0.rate)
        })
        let knots = [lower] + (try reduced.signChanges(in: lower, upper, tolerance: tolerance)) + [upper]
        return try ExponentialSum.roots(of: { self($0) }, monotoneOn: knots, tolerance: tolerance)
    }

    /// Roots of `f` given knots between which f has at most one sign change (f is monotone there, up to a
    /// positive factor): each sign change between consecutive knots is located by Brent's method.
    /// - Throws: `SimMathError` if Brent's method fails.
    static func roots(of f: (Double) -> Double, monotoneOn knots: [Double], tolerance: Double) throws -> [Double] {
        var roots: [Double] = []
        var previous = f(knots[0])
        for i in 1..<knots.count {
            let lo = knots[i - 1], hi = knots[i]
            let value = f(hi)
            guard hi > lo else { previous = value; continue }
            if previous == 0 {
                if i == 1, value != 0 { roots.append(lo) }
            } else if value == 0 {
                roots.append(hi)
            } else if (previous < 0) != (value < 0) {
                roots.append(try RootFinding.brent(lower: lo, upper: hi, absoluteTolerance: tolerance, relativeTolerance: 0, f))
            }
            previous = value
        }
        var unique: [Double] = []
        for r in roots where unique.last.map({ r - $0 > tolerance }) ?? true { unique.append(r) }
        return unique
    }
}
