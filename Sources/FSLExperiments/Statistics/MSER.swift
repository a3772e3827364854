/// The outcome of MSER-5 warm-up detection on one output series.
public struct MSERResult: Sendable, Equatable {
    /// The number of leading observations to discard (d* · batch size): the warm-up length, in
    /// the series' own unit (days for daily series).
    public let truncatedObservations: Int
    /// The number of leading batches to discard, d*.
    public let truncatedBatches: Int
    /// The observations per batch (5 for MSER-5).
    public let batchSize: Int
    /// The number of complete batches, k; a trailing partial batch is ignored.
    public let batchCount: Int
    /// The minimal MSER statistic, MSER(d*).
    public let statistic: Double

    /// Whether d* is the last truncation point searched. The minimum then sits at the edge of
    /// the admissible range: the transient may be longer than half the run, and the run should
    /// be lengthened rather than the truncation trusted.
    public var isAtSearchLimit: Bool { truncatedBatches == MSER.searchLimit(batchCount: batchCount) - 1 }
}

/// MSER-5 warm-up detection (White 1997; White, Cobb & Spratt 2000).
///
/// The rule: group the series x₁ … xₙ into k = ⌊n / 5⌋ consecutive batches of 5 and take their
/// means Z₁ … Z_k (a trailing partial batch is ignored). For each candidate truncation
/// d = 0, 1, … with d < k / 2 (so more than half of the batches are always kept), compute
///
///     MSER(d) = 1 / (k − d)² · Σ_{j = d+1}^{k} (Z_j − Z̄(d))²,   Z̄(d) = mean of Z_{d+1} … Z_k,
///
/// i.e. the variance of the retained mean, which falls as biased early batches are removed and
/// rises again as useful data is thrown away. The truncation is the d* minimising MSER(d), the
/// smallest such d on ties, reported as 5 · d* observations. Batching by 5 smooths the
/// statistic so single outliers do not move the truncation.
public enum MSER {
    /// Finds the MSER truncation point of `series` with batches of `batchSize` (5 for MSER-5).
    ///
    /// Returns nil when there are fewer than two complete batches or any observation is not
    /// finite (a NaN day must be filled or dropped by the caller, not guessed here).
    ///
    /// - Precondition: batchSize ≥ 1.
    /// - Complexity: O(n): the tail moments for every d come from one backward Welford pass.
    public static func truncation(of series: [Double], batchSize: Int = 5) -> MSERResult? {
        precondition(batchSize >= 1, "MSER batch size must be at least 1, got \(batchSize)")
        let batchCount = series.count / batchSize
        guard batchCount >= 2, series.allSatisfy(\.isFinite) else { return nil }

        var batchMeans = [Double](repeating: 0, count: batchCount)
        for batch in 0..<batchCount {
            let start = batch * batchSize
            var sum = 0.0
            for value in series[start..<(start + batchSize)] { sum += value }
            batchMeans[batch] = sum / Double(batchSize)
        }

        // Backward pass: after adding Z_d … Z_k, the accumulator holds the tail kept when the
        // first d batches are cut.
        let limit = searchLimit(batchCount: batchCount)
        var statistics = [Double](repeating: 0, count: limit)
        var tail = RunningMoments()
        for batch in stride(from: batchCount - 1, through: 0, by: -1) {
            tail.add(batchMeans[batch])
            if batch < limit {
                let kept = Double(tail.count)
                statistics[batch] = tail.sumOfSquaredDeviations / (kept * kept)
            }
        }

        var best = 0
        for d in 1..<limit where statistics[d] < statistics[best] { best = d }
        return MSERResult(truncatedObservations: best * batchSize, truncatedBatches: best,
                          batchSize: batchSize, batchCount: batchCount, statistic: statistics[best])
    }

    /// The number of truncation points searched for `batchCount` batches: d ranges over
    /// 0 ..< ⌈k / 2⌉, that is every d < k / 2.
    static func searchLimit(batchCount: Int) -> Int { (batchCount + 1) / 2 }
}
