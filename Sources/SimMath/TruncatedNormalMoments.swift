import CGSL

/// Moments of a normal(μ, σ) truncated to [a, b] (Johnson, Kotz & Balakrishnan, *Continuous Univariate
/// Distributions* vol. 1, 2nd ed., §10.1):
/// with α = (a − μ)/σ, β = (b − μ)/σ, Z = Φ(β) − Φ(α),
/// mean = μ + σ (φ(α) − φ(β)) / Z and
/// variance = σ² [1 + (α φ(α) − β φ(β)) / Z − ((φ(α) − φ(β)) / Z)²].
/// Infinite bounds contribute φ = 0 and α φ(α) = 0.
struct TruncatedNormalMoments {
    /// Z, the probability of [a, b] under the untruncated normal.
    let probability: Double
    /// E[X] of the truncated law (unit of μ).
    let mean: Double
    /// Var[X] of the truncated law (unit of μ²).
    let variance: Double

    init(mean mu: Double, standardDeviation sigma: Double, lower: Double, upper: Double) {
        let alpha = (lower - mu) / sigma
        let beta = (upper - mu) / sigma
        // Z computed on the side of the distribution where it keeps its relative precision.
        let z = alpha > 0
            ? gsl_cdf_ugaussian_Q(alpha) - gsl_cdf_ugaussian_Q(beta)
            : gsl_cdf_ugaussian_P(beta) - gsl_cdf_ugaussian_P(alpha)
        let phiAlpha = alpha.isFinite ? gsl_ran_ugaussian_pdf(alpha) : 0
        let phiBeta = beta.isFinite ? gsl_ran_ugaussian_pdf(beta) : 0
        let alphaPhi = alpha.isFinite ? alpha * phiAlpha : 0
        let betaPhi = beta.isFinite ? beta * phiBeta : 0
        let shift = (phiAlpha - phiBeta) / z
        probability = z
        mean = mu + sigma * shift
        variance = sigma * sigma * (1 + (alphaPhi - betaPhi) / z - shift * shift)
    }
}
