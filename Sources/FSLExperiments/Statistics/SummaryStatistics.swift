/// A summary of one sample: size, mean, sample standard deviation, a Student-t confidence
/// interval for the mean, minimum and maximum.
///
/// The interval is x̄ ± t(1 − α/2, n − 1) · s / √n with the quantile from GSL
/// (`gsl_cdf_tdist_Pinv`). It assumes independent observations (one per replication, or batch
/// means) that are roughly normal or numerous.
///
/// With a single observation the mean, minimum and maximum are that observation, and the standard
/// deviation, half-width and interval bounds are NaN: one value says nothing about spread. CSV
/// output writes NaN as an empty field. An empty sample has no summary (the initialisers return
/// nil).
public struct SummaryStatistics: Sendable, Equatable {
    /// The number of observations, at least 1.
    public let count: Int
    /// The sample mean.
    public let mean: Double
    /// The sample standard deviation (n − 1 denominator); NaN when `count == 1`.
    public let standardDeviation: Double
    /// The smallest observation.
    public let minimum: Double
    /// The largest observation.
    public let maximum: Double
    /// The confidence level of the interval, such as 0.95.
    public let confidenceLevel: Double
    /// The two-sided critical value t(1 − α/2, n − 1); NaN when `count == 1`.
    public let criticalValue: Double
    /// The half-width t · s / √n of the interval; NaN when `count == 1`.
    public let halfWidth: Double

    /// Summarises accumulated moments; nil when they hold no observation.
    ///
    /// - Precondition: 0 < confidenceLevel < 1.
    public init?(_ moments: RunningMoments, confidenceLevel: Double = 0.95) {
        precondition(confidenceLevel > 0 && confidenceLevel < 1,
                     "confidence level must be in (0, 1), got \(confidenceLevel)")
        guard moments.count > 0 else { return nil }
        count = moments.count
        mean = moments.mean
        minimum = moments.minimum
        maximum = moments.maximum
        self.confidenceLevel = confidenceLevel
        if moments.count < 2 {
            standardDeviation = .nan
            criticalValue = .nan
            halfWidth = .nan
        } else {
            standardDeviation = moments.sampleStandardDeviation
            criticalValue = StudentT.criticalValue(confidenceLevel: confidenceLevel,
                                                   degreesOfFreedom: moments.count - 1)
            halfWidth = criticalValue * standardDeviation / Double(moments.count).squareRoot()
        }
    }

    /// Summarises `values` (accumulated in order with Welford's update); nil when empty.
    ///
    /// - Precondition: 0 < confidenceLevel < 1.
    /// - Complexity: O(n).
    public init?(_ values: some Sequence<Double>, confidenceLevel: Double = 0.95) {
        self.init(RunningMoments(values), confidenceLevel: confidenceLevel)
    }

    /// The standard error of the mean, s / √n; NaN when `count == 1`.
    public var standardError: Double { standardDeviation / Double(count).squareRoot() }

    /// The lower bound of the confidence interval, mean − half-width; NaN when `count == 1`.
    public var lowerBound: Double { mean - halfWidth }

    /// The upper bound of the confidence interval, mean + half-width; NaN when `count == 1`.
    public var upperBound: Double { mean + halfWidth }

    /// Whether the confidence interval lies entirely above or entirely below `value`; false when
    /// the interval is undefined (`count == 1`).
    public func excludes(_ value: Double) -> Bool {
        lowerBound > value || upperBound < value
    }
}
