extension Distribution {
    /// Checks the parameters; throws ``SimMathError/invalidArgument(_:)`` naming the first bad one.
    ///
    /// Rejected: non-finite location/scale parameters, non-positive scales or shapes, empty or
    /// inverted intervals, truncation intervals holding (numerically) no probability, empirical tables
    /// with mismatched lengths, non-finite values, negative weights or a non-positive weight sum.
    public func validate() throws {
        switch self {
        case let .constant(value):
            try Self.finite(value, "constant value")
        case let .exponential(mean):
            try Self.positive(mean, "exponential mean")
        case let .weibull(shape, scale):
            try Self.positive(shape, "Weibull shape")
            try Self.positive(scale, "Weibull scale")
        case let .lognormal(mu, sigma):
            try Self.finite(mu, "lognormal mu")
            try Self.positive(sigma, "lognormal sigma")
        case let .gamma(shape, scale):
            try Self.positive(shape, "gamma shape")
            try Self.positive(scale, "gamma scale")
        case let .normal(mean, standardDeviation):
            try Self.finite(mean, "normal mean")
            try Self.positive(standardDeviation, "normal standard deviation")
        case let .truncatedNormal(mean, standardDeviation, lower, upper):
            try Self.finite(mean, "truncated normal mean")
            try Self.positive(standardDeviation, "truncated normal standard deviation")
            if lower.isNaN || upper.isNaN || !(lower < upper) {
                throw SimMathError.invalidArgument("truncated normal needs lower < upper, got [\(lower), \(upper)]")
            }
            let moments = TruncatedNormalMoments(mean: mean, standardDeviation: standardDeviation,
                                                 lower: lower, upper: upper)
            if !(moments.probability > 1e-300) || !moments.mean.isFinite || !moments.variance.isFinite {
                throw SimMathError.invalidArgument(
                    "truncated normal interval [\(lower), \(upper)] holds no probability of normal(\(mean), \(standardDeviation))")
            }
        case let .uniform(lower, upper):
            try Self.finite(lower, "uniform lower bound")
            try Self.finite(upper, "uniform upper bound")
            if !(lower < upper) {
                throw SimMathError.invalidArgument("uniform needs lower < upper, got [\(lower), \(upper)]")
            }
        case let .empirical(values, weights):
            if values.isEmpty {
                throw SimMathError.invalidArgument("empirical distribution has no values")
            }
            if values.count != weights.count {
                throw SimMathError.invalidArgument(
                    "empirical distribution has \(values.count) values but \(weights.count) weights")
            }
            var total = 0.0
            for (value, weight) in zip(values, weights) {
                try Self.finite(value, "empirical value")
                if !weight.isFinite || weight < 0 {
                    throw SimMathError.invalidArgument("empirical weight must be finite and ≥ 0, got \(weight)")
                }
                total += weight
            }
            if !(total > 0) || !total.isFinite {
                throw SimMathError.invalidArgument("empirical weights must sum to a finite value > 0, got \(total)")
            }
        }
    }

    private static func finite(_ x: Double, _ what: String) throws {
        if !x.isFinite { throw SimMathError.invalidArgument("\(what) must be finite, got \(x)") }
    }

    private static func positive(_ x: Double, _ what: String) throws {
        if !(x.isFinite && x > 0) { throw SimMathError.invalidArgument("\(what) must be finite and > 0, got \(x)") }
    }
}
