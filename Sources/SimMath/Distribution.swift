import CGSL

/// A probability distribution as a value, with analytic mean and variance.
///
/// Parameters are in the unit of the sampled quantity (e.g. seconds for a repair time) unless stated.
/// Build one, call ``validate()`` once, then draw with ``RandomStream/sample(_:)``.
public enum Distribution: Sendable, Hashable, Codable {
    /// Always `value`.
    case constant(Double)
    /// Exponential with mean `mean` (> 0); variance mean².
    case exponential(mean: Double)
    /// Weibull with shape k (> 0) and scale λ (> 0): F(x) = 1 − exp(−(x/λ)^k).
    case weibull(shape: Double, scale: Double)
    /// Lognormal: ln X ~ normal(mu, sigma²); `mu`, `sigma` (> 0) are of the underlying normal.
    case lognormal(mu: Double, sigma: Double)
    /// Gamma with shape k (> 0) and scale θ (> 0): mean kθ, variance kθ².
    case gamma(shape: Double, scale: Double)
    /// Normal with mean μ and standard deviation σ (> 0).
    case normal(mean: Double, standardDeviation: Double)
    /// Normal(μ, σ) conditioned on [lower, upper] (either bound may be infinite), e.g. lower 0 for
    /// quantities that must stay positive.
    case truncatedNormal(mean: Double, standardDeviation: Double, lower: Double, upper: Double)
    /// Continuous uniform on [lower, upper).
    case uniform(lower: Double, upper: Double)
    /// Discrete over `values` with probabilities proportional to `weights` (≥ 0, positive sum).
    case empirical(values: [Double], weights: [Double])

    /// The lognormal with the given mean and standard deviation of X itself (not of ln X):
    /// σ² = ln(1 + sd²/mean²), μ = ln(mean) − σ²/2. Invalid inputs give a distribution that
    /// ``validate()`` rejects.
    public static func lognormal(mean: Double, standardDeviation: Double) -> Distribution {
        let sigmaSquared = log1p((standardDeviation * standardDeviation) / (mean * mean))
        return .lognormal(mu: log(mean) - sigmaSquared / 2, sigma: sigmaSquared.squareRoot())
    }

    /// The analytic mean E[X].
    public var mean: Double {
        switch self {
        case let .constant(value):
            return value
        case let .exponential(mean):
            return mean
        case let .weibull(shape, scale):
            return scale * tgamma(1 + 1 / shape)
        case let .lognormal(mu, sigma):
            return exp(mu + sigma * sigma / 2)
        case let .gamma(shape, scale):
            return shape * scale
        case let .normal(mean, _):
            return mean
        case let .truncatedNormal(mean, standardDeviation, lower, upper):
            let m = TruncatedNormalMoments(mean: mean, standardDeviation: standardDeviation, lower: lower, upper: upper)
            return m.mean
        case let .uniform(lower, upper):
            return (lower + upper) / 2
        case let .empirical(values, weights):
            return Self.weightedMoments(values, weights).mean
        }
    }

    /// The analytic variance Var[X].
    public var variance: Double {
        switch self {
        case .constant:
            return 0
        case let .exponential(mean):
            return mean * mean
        case let .weibull(shape, scale):
            let g1 = tgamma(1 + 1 / shape), g2 = tgamma(1 + 2 / shape)
            return scale * scale * (g2 - g1 * g1)
        case let .lognormal(mu, sigma):
            let s2 = sigma * sigma
            return expm1(s2) * exp(2 * mu + s2)
        case let .gamma(shape, scale):
            return shape * scale * scale
        case let .normal(_, standardDeviation):
            return standardDeviation * standardDeviation
        case let .truncatedNormal(mean, standardDeviation, lower, upper):
            let m = TruncatedNormalMoments(mean: mean, standardDeviation: standardDeviation, lower: lower, upper: upper)
            return m.variance
        case let .uniform(lower, upper):
            return (upper - lower) * (upper - lower) / 12
        case let .empirical(values, weights):
            return Self.weightedMoments(values, weights).variance
        }
    }

    /// The standard deviation √Var[X].
    public var standardDeviation: Double { variance.squareRoot() }

    /// Weighted mean and (population) variance of a discrete distribution.
    private static func weightedMoments(_ values: [Double], _ weights: [Double]) -> (mean: Double, variance: Double) {
        let count = min(values.count, weights.count)
        var total = 0.0, sum = 0.0
        for i in 0..<count { total += weights[i]; sum += weights[i] * values[i] }
        let mean = sum / total
        var squares = 0.0
        for i in 0..<count { squares += weights[i] * (values[i] - mean) * (values[i] - mean) }
        return (mean, squares / total)
    }
}
