/// A probability distribution as an analyst writes it in a scenario file, e.g.
/// `{"lognormal": {"mean": 72, "cv": 0.5}}`. A bare number means a deterministic value.
///
/// Parameterised the way analysts think: mean and coefficient of variation (cv = sd / mean) where
/// that is natural. Turn a spec into a sampler with `Distribution(_:)`.
public enum DistributionSpec: Sendable, Hashable {
    /// Always `value`.
    case deterministic(value: Double)
    /// Uniform on [min, max].
    case uniform(min: Double, max: Double)
    /// Exponential with the given mean.
    case exponential(mean: Double)
    /// Normal with mean and standard deviation, truncated at zero (negative draws are redrawn).
    case normal(mean: Double, sd: Double)
    /// Lognormal with the given mean and coefficient of variation.
    case lognormal(mean: Double, cv: Double)
    /// Gamma with the given mean and coefficient of variation.
    case gamma(mean: Double, cv: Double)
    /// Weibull with scale λ and shape k.
    case weibull(scale: Double, shape: Double)
    /// Triangular on [min, max] with the given mode.
    case triangular(min: Double, mode: Double, max: Double)
    /// Poisson counts with the given mean.
    case poisson(mean: Double)
    /// Negative binomial counts with the given mean and variance-to-mean ratio (> 1): lumpy demand.
    case negativeBinomial(mean: Double, varianceToMean: Double)
    /// The sum of a Poisson(mean) number of independent quantities.
    indirect case compoundPoisson(mean: Double, quantity: DistributionSpec)
    /// Discrete values with relative weights.
    case empirical(values: [Double], weights: [Double])

    /// The JSON names of the families, for messages and docs.
    public static let familyNames = [
        "deterministic", "uniform", "exponential", "normal", "lognormal", "gamma", "weibull",
        "triangular", "poisson", "negative_binomial", "compound_poisson", "empirical",
    ]

    /// Whether every draw is a whole number (counts and quantities).
    public var isDiscrete: Bool {
        switch self {
        case .deterministic(let value): value == value.rounded()
        case .poisson, .negativeBinomial, .compoundPoisson: true
        case .empirical(let values, _): values.allSatisfy { $0 == $0.rounded() }
        default: false
        }
    }

    /// Whether no draw can be negative.
    public var isNonNegative: Bool {
        switch self {
        case .deterministic(let value): value >= 0
        case .uniform(let low, _), .triangular(let low, _, _): low >= 0
        case .empirical(let values, _): values.allSatisfy { $0 >= 0 }
        default: true
        }
    }

    /// What is wrong with the parameters, as (parameter, message) pairs; empty when valid.
    public var problems: [(parameter: String, message: String)] {
        var found: [(String, String)] = []
        func positive(_ name: String, _ x: Double) {
            if !(x > 0 && x.isFinite) { found.append((name, "must be a finite number greater than 0, found \(x)")) }
        }
        func nonNegative(_ name: String, _ x: Double) {
            if !(x >= 0 && x.isFinite) { found.append((name, "must be a finite number of 0 or more, found \(x)")) }
        }
        switch self {
        case .deterministic(let value):
            if !value.isFinite { found.append(("value", "must be finite")) }
        case .uniform(let low, let high):
            if !(low.isFinite && high.isFinite && low <= high) { found.append(("max", "must be at least min (\(low)), found \(high)")) }
        case .exponential(let mean), .poisson(let mean):
            positive("mean", mean)
        case .normal(let mean, let sd):
            positive("mean", mean)
            nonNegative("sd", sd)
        case .lognormal(let mean, let cv), .gamma(let mean, let cv):
            positive("mean", mean)
            positive("cv", cv)
        case .weibull(let scale, let shape):
            positive("scale", scale)
            positive("shape", shape)
        case .triangular(let low, let mode, let high):
            if !(low.isFinite && high.isFinite && low < high) { found.append(("max", "must be greater than min (\(low)), found \(high)")) }
            if !(low <= mode && mode <= high) { found.append(("mode", "must lie between min and max, found \(mode)")) }
        case .negativeBinomial(let mean, let ratio):
            positive("mean", mean)
            if !(ratio > 1 && ratio.isFinite) {
                found.append(("variance_to_mean", "must be greater than 1 (use poisson for a ratio of 1), found \(ratio)"))
            }
        case .compoundPoisson(let mean, let quantity):
            positive("mean", mean)
            switch quantity {
            case .deterministic, .empirical:
                if !(quantity.isDiscrete && quantity.isNonNegative) {
                    found.append(("quantity", "must take whole numbers of 0 or more"))
                }
            default:
                found.append(("quantity", "must be deterministic or empirical (the quantity of each arrival)"))
            }
            found += quantity.problems.map { ("quantity.\($0.parameter)", $0.message) }
        case .empirical(let values, let weights):
            if values.isEmpty { found.append(("values", "must list at least one value")) }
            if values.count != weights.count {
                found.append(("weights", "must have one weight per value (\(values.count) values, \(weights.count) weights)"))
            }
            if weights.contains(where: { !($0 >= 0 && $0.isFinite) }) { found.append(("weights", "must all be 0 or more")) }
            if !weights.isEmpty, weights.reduce(0, +) <= 0 { found.append(("weights", "must not all be 0")) }
            if values.contains(where: { !$0.isFinite }) { found.append(("values", "must all be finite")) }
        }
        return found
    }
}
