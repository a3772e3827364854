/// A paired comparison of a candidate strategy against a baseline over the same replications.
///
/// With common random numbers, replication r of both strategies sees the same demand, so the
/// differences dᵣ = candidateᵣ − baselineᵣ cancel most of the shared noise. The comparison is a
/// one-sample t interval on the differences: d̄ ± t(1 − α/2, n − 1) · s_d / √n. It is
/// significant when that interval excludes 0. No correction for multiple comparisons is applied;
/// with many metrics or strategies, read the intervals at a stricter level.
public struct PairedComparison: Sendable, Equatable {
    /// The summary of the differences candidate − baseline.
    public let differences: SummaryStatistics

    /// Compares `candidate` with `baseline`, where index i of both arrays is the same
    /// replication; nil when both are empty.
    ///
    /// - Precondition: both arrays have the same length; 0 < confidenceLevel < 1.
    /// - Complexity: O(n).
    public init?(candidate: [Double], baseline: [Double], confidenceLevel: Double = 0.95) {
        precondition(candidate.count == baseline.count,
                     "paired comparison needs equally many values, got \(candidate.count) and \(baseline.count)")
        var moments = RunningMoments()
        for (c, b) in zip(candidate, baseline) { moments.add(c - b) }
        guard let summary = SummaryStatistics(moments, confidenceLevel: confidenceLevel) else { return nil }
        differences = summary
    }

    /// The number of pairs.
    public var count: Int { differences.count }

    /// The mean difference, candidate − baseline.
    public var meanDifference: Double { differences.mean }

    /// The lower bound of the interval for the mean difference; NaN with a single pair.
    public var lowerBound: Double { differences.lowerBound }

    /// The upper bound of the interval for the mean difference; NaN with a single pair.
    public var upperBound: Double { differences.upperBound }

    /// Whether the interval for the mean difference excludes 0. False with a single pair, and
    /// false when every difference is 0 (the interval is [0, 0]).
    public var isSignificant: Bool { differences.excludes(0) }
}
