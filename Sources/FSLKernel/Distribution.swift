import Foundation

import CGSL

/// A validated, ready-to-sample probability distribution.
///
/// Sampling is a switch over a small enum with precomputed parameters: no existential dispatch
/// and no allocation per draw. Families and the GSL function each uses:
/// - deterministic(v): mean v, variance 0.
/// - uniform(a, b): `gsl_ran_flat`; mean (a+b)/2, variance (b−a)²/12.
/// - exponential(m): `gsl_ran_exponential`; mean m, variance m².
/// - normal(μ, σ) truncated at 0: `gsl_ran_gaussian`, redrawn while negative.
/// - lognormal(m, cv): `gsl_ran_lognormal` with σ² = ln(1+cv²), ζ = ln m − σ²/2; mean m, variance (m·cv)².
/// - gamma(m, cv): `gsl_ran_gamma` with shape 1/cv², scale m·cv²; mean m, variance (m·cv)².
/// - weibull(λ, k): `gsl_ran_weibull`; mean λΓ(1+1/k).
/// - triangular(a, c, b): inverse CDF of `gsl_rng_uniform`.
/// - poisson(m): `gsl_ran_poisson`; mean and variance m.
/// - negative binomial(m, r): `gsl_ran_negative_binomial` with p = 1/r, n = m/(r−1); mean m, variance m·r.
/// - compound Poisson(m, Q): a `gsl_ran_poisson` count of draws of Q, summed.
/// - empirical(values, weights): `gsl_ran_discrete` (Walker's alias method).
public struct Distribution {
    @usableFromInline enum Sampler {
        case constant(Double)
        case flat(Double, Double)
        case exponential(Double)
        case truncatedNormal(Double, Double)
        case lognormal(zeta: Double, sigma: Double)
        case gamma(shape: Double, scale: Double)
        case weibull(scale: Double, shape: Double)
        case triangular(Double, Double, Double)
        case poisson(Double)
        case negativeBinomial(p: Double, n: Double)
        case compoundPoisson(Double, DiscreteTable)
        case table(DiscreteTable)
    }

    @usableFromInline let sampler: Sampler
    /// The description this distribution was built from.
    public let spec: DistributionSpec

    /// Validates `spec` and prepares it for sampling.
    /// - Throws: `DistributionError` naming the first bad parameter.
    public init(_ spec: DistributionSpec) throws(DistributionError) {
        if let problem = spec.problems.first {
            throw DistributionError(parameter: problem.parameter, message: problem.message)
        }
        self.spec = spec
        GSLRuntime.prepare()
        switch spec {
        case .deterministic(let value): sampler = .constant(value)
        case .uniform(let low, let high): sampler = .flat(low, high)
        case .exponential(let mean): sampler = .exponential(mean)
        case .normal(let mean, let sd): sampler = sd == 0 ? .constant(mean) : .truncatedNormal(mean, sd)
        case .lognormal(let mean, let cv):
            let sigmaSquared = log1p(cv * cv)
            sampler = .lognormal(zeta: log(mean) - sigmaSquared / 2, sigma: sigmaSquared.squareRoot())
        case .gamma(let mean, let cv): sampler = .gamma(shape: 1 / (cv * cv), scale: mean * cv * cv)
        case .weibull(let scale, let shape): sampler = .weibull(scale: scale, shape: shape)
        case .triangular(let low, let mode, let high): sampler = .triangular(low, mode, high)
        case .poisson(let mean): sampler = .poisson(mean)
        case .negativeBinomial(let mean, let ratio): sampler = .negativeBinomial(p: 1 / ratio, n: mean / (ratio - 1))
        case .compoundPoisson(let mean, let quantity):
            sampler = .compoundPoisson(mean, try DiscreteTable(quantity))
        case .empirical(let values, let weights): sampler = .table(DiscreteTable(values: values, weights: weights))
        }
    }

    /// Draws one value from `stream`.
    @inlinable
    public func sample(_ stream: RandomStream) -> Double { sample(using: stream.generator) }

    /// Draws one value from the generator of a `RandomStream` (`stream.generator`), which the
    /// caller keeps alive. For hot loops: no class reference is retained per draw.
    @inlinable
    public func sample(using rng: UnsafeMutablePointer<gsl_rng>) -> Double {
        switch sampler {
        case .constant(let value): return value
        case .flat(let low, let high): return gsl_ran_flat(rng, low, high)
        case .exponential(let mean): return gsl_ran_exponential(rng, mean)
        case .truncatedNormal(let mean, let sd):
            while true {
                let x = mean + gsl_ran_gaussian(rng, sd)
                if x >= 0 { return x }
            }
        case .lognormal(let zeta, let sigma): return gsl_ran_lognormal(rng, zeta, sigma)
        case .gamma(let shape, let scale): return gsl_ran_gamma(rng, shape, scale)
        case .weibull(let scale, let shape): return gsl_ran_weibull(rng, scale, shape)
        case .triangular(let low, let mode, let high):
            let u = gsl_rng_uniform(rng)
            let split = (mode - low) / (high - low)
            return u < split
                ? low + ((high - low) * (mode - low) * u).squareRoot()
                : high - ((high - low) * (high - mode) * (1 - u)).squareRoot()
        case .poisson(let mean): return Double(gsl_ran_poisson(rng, mean))
        case .negativeBinomial(let p, let n): return Double(gsl_ran_negative_binomial(rng, p, n))
        case .compoundPoisson(let mean, let quantity):
            var total = 0.0
            for _ in 0..<gsl_ran_poisson(rng, mean) { total += quantity.sample(using: rng) }
            return total
        case .table(let table): return table.sample(using: rng)
        }
    }

    /// The theoretical mean.
    public var mean: Double { spec.mean }
    /// The theoretical variance.
    public var variance: Double { spec.variance }
}

/// Why a distribution's parameters were rejected.
public struct DistributionError: Error, Sendable, CustomStringConvertible {
    /// The parameter at fault, e.g. `cv`.
    public let parameter: String
    /// What is wrong with it.
    public let message: String
    /// `parameter message`.
    public var description: String { "\(parameter) \(message)" }
}

/// A discrete distribution over arbitrary values, sampled with GSL's alias tables
/// (`gsl_ran_discrete_preproc` / `gsl_ran_discrete`). A class because it owns the C table.
public final class DiscreteTable {
    @usableFromInline let table: UnsafeMutablePointer<gsl_ran_discrete_t>
    @usableFromInline let values: [Double]

    /// Builds the table; weights need not sum to one.
    /// - Precondition: same counts, non-negative weights with a positive sum.
    public init(values: [Double], weights: [Double]) {
        precondition(values.count == weights.count && !values.isEmpty, "one weight per value is required")
        GSLRuntime.prepare()
        guard let table = weights.withUnsafeBufferPointer({ gsl_ran_discrete_preproc($0.count, $0.baseAddress) }) else {
            preconditionFailure("GSL rejected the weights of a discrete table")
        }
        self.table = table
        self.values = values
    }

    /// Builds a table from a discrete spec (deterministic or empirical; other families are
    /// sampled through their own GSL functions by `Distribution` instead).
    convenience init(_ spec: DistributionSpec) throws(DistributionError) {
        switch spec {
        case .deterministic(let value): self.init(values: [value], weights: [1])
        case .empirical(let values, let weights): self.init(values: values, weights: weights)
        default:
            throw DistributionError(parameter: "quantity", message: "must be deterministic or empirical inside compound_poisson")
        }
    }

    deinit { gsl_ran_discrete_free(table) }

    /// Draws one value.
    @inlinable public func sample(_ stream: RandomStream) -> Double { sample(using: stream.generator) }

    /// Draws one value from a stream's generator (`stream.generator`, kept alive by the caller).
    @inlinable public func sample(using rng: UnsafeMutablePointer<gsl_rng>) -> Double {
        values[gsl_ran_discrete(rng, table)]
    }

    /// The GSL alias table, valid while this object lives: hot loops keep it in a trivial array
    /// next to the owning `DiscreteTable`, so a draw retains nothing.
    public var unsafeTable: UnsafeMutablePointer<gsl_ran_discrete_t> { table }

    /// Draws one index into the values.
    @inlinable public func sampleIndex(_ stream: RandomStream) -> Int {
        gsl_ran_discrete(stream.generator, table)
    }
}
