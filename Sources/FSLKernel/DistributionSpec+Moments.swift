import CGSL

extension DistributionSpec {
    /// The theoretical mean of a draw.
    public var mean: Double {
        switch self {
        case .deterministic(let value): value
        case .uniform(let low, let high): (low + high) / 2
        case .exponential(let mean), .lognormal(let mean, _), .gamma(let mean, _), .poisson(let mean),
             .negativeBinomial(let mean, _):
            mean
        case .normal(let mean, let sd): TruncatedNormal.moments(mean: mean, sd: sd).mean
        case .weibull(let scale, let shape): scale * gsl_sf_gamma(1 + 1 / shape)
        case .triangular(let low, let mode, let high): (low + mode + high) / 3
        case .compoundPoisson(let mean, let quantity): mean * quantity.mean
        case .empirical(let values, let weights):
            zip(values, weights).map(*).reduce(0, +) / weights.reduce(0, +)
        }
    }

    /// The theoretical variance of a draw.
    public var variance: Double {
        switch self {
        case .deterministic: 0
        case .uniform(let low, let high): (high - low) * (high - low) / 12
        case .exponential(let mean): mean * mean
        case .normal(let mean, let sd): TruncatedNormal.moments(mean: mean, sd: sd).variance
        case .lognormal(let mean, let cv), .gamma(let mean, let cv): (mean * cv) * (mean * cv)
        case .weibull(let scale, let shape):
            scale * scale * (gsl_sf_gamma(1 + 2 / shape) - pow2(gsl_sf_gamma(1 + 1 / shape)))
        case .triangular(let a, let c, let b): (a * a + b * b + c * c - a * b - a * c - b * c) / 18
        case .poisson(let mean): mean
        case .negativeBinomial(let mean, let ratio): mean * ratio
        case .compoundPoisson(let mean, let quantity):
            mean * (quantity.variance + quantity.mean * quantity.mean)
        case .empirical(let values, let weights):
            zip(values, weights).map { $1 * $0 * $0 }.reduce(0, +) / weights.reduce(0, +) - pow2(self.mean)
        }
    }
}

@inline(__always) private func pow2(_ x: Double) -> Double { x * x }

/// Moments of a normal distribution truncated below at zero.
enum TruncatedNormal {
    static func moments(mean: Double, sd: Double) -> (mean: Double, variance: Double) {
        guard sd > 0 else { return (mean, 0) }
        let alpha = -mean / sd
        let tail = gsl_cdf_ugaussian_Q(alpha)  // P(Z > alpha)
        let lambda = gsl_ran_ugaussian_pdf(alpha) / tail
        let truncatedMean = mean + sd * lambda
        let variance = sd * sd * (1 + alpha * lambda - lambda * lambda)
        return (truncatedMean, variance)
    }
}
