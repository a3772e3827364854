/// The outcome of the method of non-overlapping batch means on one long run.
public struct BatchMeansResult: Sendable, Equatable {
    /// The observations per batch, m = ⌊n / k⌋.
    public let batchSize: Int
    /// The leading observations left out so that k batches of m fit exactly (n mod k).
    public let discardedObservations: Int
    /// The batch means, in time order.
    public let batchMeans: [Double]
    /// The summary of the batch means: its mean is the point estimate and its interval the
    /// batch-means confidence interval, t with k − 1 degrees of freedom.
    public let summary: SummaryStatistics

    /// The lag-1 autocorrelation of the batch means, a check of the method's assumption: well
    /// above 0 (say over 0.2) means the batches are too short to be treated as independent.
    /// NaN when the batch means do not vary.
    public var lagOneAutocorrelation: Double {
        let mean = summary.mean
        var numerator = 0.0
        var denominator = 0.0
        for index in batchMeans.indices {
            let deviation = batchMeans[index] - mean
            denominator += deviation * deviation
            if index > 0 { numerator += deviation * (batchMeans[index - 1] - mean) }
        }
        return denominator == 0 ? .nan : numerator / denominator
    }
}

/// Non-overlapping batch means: a confidence interval for the steady-state mean from a single
/// long run (after the warm-up has been cut, for example with ``MSER``).
///
/// The n observations are split into k consecutive batches of m = ⌊n / k⌋; the first n mod k
/// observations, those nearest the warm-up, are dropped. If m is long compared with the
/// series' correlation time, the batch means are nearly independent and nearly normal, so
/// Z̄ ± t(1 − α/2, k − 1) · s_Z / √k is an approximate interval for the mean. Few large batches
/// (k between 10 and 30) are the usual compromise.
public enum BatchMeans {
    /// Computes `batchCount` non-overlapping batch means of `series` and their t interval.
    ///
    /// Returns nil when the series has fewer observations than `batchCount`.
    ///
    /// - Precondition: batchCount ≥ 2; 0 < confidenceLevel < 1.
    /// - Complexity: O(n).
    public static func analyse(_ series: [Double], batchCount: Int = 20,
                               confidenceLevel: Double = 0.95) -> BatchMeansResult? {
        precondition(batchCount >= 2, "batch means need at least 2 batches, got \(batchCount)")
        let batchSize = series.count / batchCount
        guard batchSize >= 1 else { return nil }
        let discarded = series.count - batchSize * batchCount
        var means: [Double] = []
        means.reserveCapacity(batchCount)
        for batch in 0..<batchCount {
            let start = discarded + batch * batchSize
            var batchMoments = RunningMoments()
            for value in series[start..<(start + batchSize)] { batchMoments.add(value) }
            means.append(batchMoments.mean)
        }
        guard let summary = SummaryStatistics(means, confidenceLevel: confidenceLevel) else { return nil }
        return BatchMeansResult(batchSize: batchSize, discardedObservations: discarded,
                                batchMeans: means, summary: summary)
    }
}
