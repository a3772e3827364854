/// Count, mean, sum of squared deviations, minimum and maximum of a stream of observations,
/// accumulated with Welford's (1962) update.
///
/// The naive `Σx² − n·x̄²` cancels catastrophically when the values sit on a large offset
/// (1e9 + small noise loses every significant digit of the variance); Welford's update keeps the
/// deviations small. Two accumulators merge exactly with Chan, Golub and LeVeque's formula, so
/// parallel workers can reduce their moments in replication order.
///
/// A NaN observation makes the mean, variance, minimum and maximum NaN: a missing value must
/// not silently shrink the sample.
public struct RunningMoments: Sendable, Equatable {
    /// How many observations were added.
    public private(set) var count: Int = 0
    /// The running mean; 0 before any observation.
    public private(set) var mean: Double = 0
    /// The sum of squared deviations from the mean, Σ(xᵢ − x̄)².
    public private(set) var sumOfSquaredDeviations: Double = 0
    /// The smallest observation; +∞ before any observation.
    public private(set) var minimum: Double = .infinity
    /// The largest observation; −∞ before any observation.
    public private(set) var maximum: Double = -.infinity

    /// An empty accumulator.
    public init() {}

    /// An accumulator holding `values`, added in order.
    ///
    /// - Complexity: O(n).
    public init(_ values: some Sequence<Double>) {
        for value in values { add(value) }
    }

    /// Adds one observation.
    ///
    /// - Complexity: O(1).
    public mutating func add(_ value: Double) {
        count += 1
        let delta = value - mean
        mean += delta / Double(count)
        sumOfSquaredDeviations += delta * (value - mean)
        if value.isNaN || minimum.isNaN {
            minimum = .nan
            maximum = .nan
        } else {
            minimum = Swift.min(minimum, value)
            maximum = Swift.max(maximum, value)
        }
    }

    /// Adds every observation of `other`, as if they had been added one by one after these
    /// (Chan, Golub & LeVeque 1979). The result can differ from sequential adding in the last bits.
    ///
    /// - Complexity: O(1).
    public mutating func merge(_ other: RunningMoments) {
        guard other.count > 0 else { return }
        guard count > 0 else {
            self = other
            return
        }
        let total = count + other.count
        let delta = other.mean - mean
        let weight = Double(other.count) / Double(total)
        mean += delta * weight
        sumOfSquaredDeviations += other.sumOfSquaredDeviations + delta * delta * Double(count) * weight
        count = total
        if minimum.isNaN || other.minimum.isNaN {
            minimum = .nan
            maximum = .nan
        } else {
            minimum = Swift.min(minimum, other.minimum)
            maximum = Swift.max(maximum, other.maximum)
        }
    }

    /// The sample variance with n − 1 in the denominator; NaN for fewer than two observations.
    public var sampleVariance: Double {
        count < 2 ? .nan : Swift.max(0, sumOfSquaredDeviations) / Double(count - 1)
    }

    /// The sample standard deviation (n − 1); NaN for fewer than two observations.
    public var sampleStandardDeviation: Double { sampleVariance.squareRoot() }
}
