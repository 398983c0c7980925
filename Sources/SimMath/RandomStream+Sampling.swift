import CGSL

extension RandomStream {
    /// A variate of `distribution`.
    ///
    /// Parameters are not re-checked on this hot path: call ``Distribution/validate()`` once when the
    /// distribution is built (invalid parameters yield NaN or meaningless values, never a trap).
    /// - Complexity: O(1), except `.empirical` which is O(number of values) (a linear scan of the weights)
    ///   and `.truncatedNormal`, O(1) expected.
    public func sample(_ distribution: Distribution) -> Double {
        switch distribution {
        case let .constant(value):
            return value
        case let .exponential(mean):
            return exponential(mean: mean)
        case let .weibull(shape, scale):
            // GSL: p(x) = b/a^b · x^(b−1) · exp(−(x/a)^b) with a = scale, b = shape.
            return gsl_ran_weibull(rng, scale, shape)
        case let .lognormal(mu, sigma):
            return exp(mu + sigma * gsl_ran_gaussian_ziggurat(rng, 1))
        case let .gamma(shape, scale):
            // GSL: Marsaglia & Tsang (2000), p(x) = x^(a−1) e^(−x/b) / (Γ(a) b^a), a = shape, b = scale.
            return gsl_ran_gamma(rng, shape, scale)
        case let .normal(mean, standardDeviation):
            return normal(mean: mean, standardDeviation: standardDeviation)
        case let .truncatedNormal(mean, standardDeviation, lower, upper):
            return truncatedNormal(mean: mean, standardDeviation: standardDeviation, lower: lower, upper: upper)
        case let .uniform(lower, upper):
            return uniform(lower: lower, upper: upper)
        case let .empirical(values, weights):
            return empirical(values: values, weights: weights)
        }
    }

    /// A normal(mean, sd) variate conditioned on [lower, upper].
    ///
    /// Up to 8 plain rejection draws (fast when the interval holds most of the mass, the usual case
    /// for "must stay positive" quantities), then the inverse CDF (`gsl_cdf_ugaussian_Pinv`/`Qinv`)
    /// on the interval's probability range. Both stages sample the exact truncated law, so their
    /// mixture does too.
    /// - Complexity: O(1) expected.
    public func truncatedNormal(mean: Double, standardDeviation: Double, lower: Double, upper: Double) -> Double {
        for _ in 0..<8 {
            let x = mean + gsl_ran_gaussian_ziggurat(rng, standardDeviation)
            if x >= lower && x <= upper { return x }
        }
        let alpha = (lower - mean) / standardDeviation
        let beta = (upper - mean) / standardDeviation
        let u = gsl_rng_uniform(rng)
        let z: Double
        if alpha > 0 {
            // Upper tail: work with Q = 1 − Φ, which keeps its precision there.
            let qAlpha = gsl_cdf_ugaussian_Q(alpha), qBeta = gsl_cdf_ugaussian_Q(beta)
            z = gsl_cdf_ugaussian_Qinv(qAlpha - u * (qAlpha - qBeta))
        } else {
            let pAlpha = gsl_cdf_ugaussian_P(alpha), pBeta = gsl_cdf_ugaussian_P(beta)
            z = gsl_cdf_ugaussian_Pinv(pAlpha + u * (pBeta - pAlpha))
        }
        // Rounding at the interval ends can land a hair outside; keep the contract.
        return Swift.min(Swift.max(mean + standardDeviation * z, lower), upper)
    }

    /// One of `values`, chosen with probability proportional to `weights`.
    /// - Complexity: O(values.count).
    public func empirical(values: [Double], weights: [Double]) -> Double {
        let count = Swift.min(values.count, weights.count)
        guard count > 0 else { return .nan }
        var total = 0.0
        for i in 0..<count { total += weights[i] }
        let target = gsl_rng_uniform(rng) * total
        var cumulative = 0.0
        for i in 0..<count {
            cumulative += weights[i]
            if target < cumulative { return values[i] }
        }
        // target == total can only arise by rounding; return the last value of positive weight.
        for i in stride(from: count - 1, through: 0, by: -1) where weights[i] > 0 { return values[i] }
        return values[count - 1]
    }
}
