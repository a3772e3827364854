/// The verdict on one metric of one strategy pair, rerun against its baseline.
public enum RegressionVerdict: String, Sendable {
    /// Every replication's value is bit-identical.
    case unchanged
    /// The paired interval lies entirely on the better side.
    case improved
    /// The interval contains 0.
    case noSignificantChange = "no significant change"
    /// A neutral metric whose interval excludes 0.
    case changed
    /// Clearly worse, but by no more than the practical tolerance.
    case worseWithinTolerance = "worse, within tolerance"
    /// Clearly worse, by more than the practical tolerance: the gate fails.
    case regressed = "REGRESSED"
    /// Some value is undefined (NaN) in the baseline or now, so no interval exists.
    case undefined = "undefined (NaN values)"
    /// Values differ but a single replication gives no interval.
    case tooFewReplications = "changed, too few replications for a CI"
}

/// One row of a regression report: a metric of a strategy pair, baseline against now.
public struct MetricRegression: Sendable, Equatable {
    /// The strategy pair.
    public var strategy: StrategyLabel
    /// The metric name.
    public var metric: String
    /// The mean over the baseline's replications.
    public var baselineMean: Double
    /// The mean over the rerun's replications.
    public var currentMean: Double
    /// now − baseline, paired by replication; nil with no replications.
    public var comparison: PairedComparison?
    /// The tolerance applied.
    public var tolerance: PracticalTolerance
    /// The metric's direction.
    public var direction: MetricDirection
    /// The verdict.
    public var verdict: RegressionVerdict
}

/// Decides whether a rerun is worse than its baseline, metric by metric.
///
/// Replications are paired by index: a rerun with the baseline's seed gives replication r the
/// same random numbers it had in the baseline (common random numbers), so the paired
/// differences dᵣ = nowᵣ − baselineᵣ isolate the effect of the change. A metric regresses when
/// the t interval of d̄ lies entirely on the worse side of 0 (statistically clear) AND the mean
/// worsening exceeds the practical tolerance (large enough to matter).
public enum RegressionCheck {
    /// Whether `current` reproduces `baseline` exactly: the same rows in the same order, every
    /// value bit-identical (NaN matches NaN).
    public static func isIdentical(baseline: [ReplicationRecord], current: [ReplicationRecord]) -> Bool {
        guard baseline.count == current.count else { return false }
        for (b, c) in zip(baseline, current) {
            guard b.routing == c.routing, b.allocation == c.allocation, b.replication == c.replication,
                  b.seed == c.seed, b.metric == c.metric, b.segment == c.segment else { return false }
            if b.value.isNaN && c.value.isNaN { continue }
            guard b.value.bitPattern == c.value.bitPattern else { return false }
        }
        return true
    }

    /// Compares `current` with `baseline` on `metrics` (segment `all`) for every strategy pair
    /// of the baseline, in baseline order.
    ///
    /// - Parameters:
    ///   - tolerances: per-metric tolerances; missing ones use ``PracticalTolerance/standard(for:)``.
    /// - Throws: ``PairingError`` when a strategy or metric is missing on one side, or the two
    ///   sides hold different replications (the message names them).
    public static func compare(baseline: [ReplicationRecord], current: [ReplicationRecord], metrics: [String],
                               tolerances: [String: PracticalTolerance] = [:],
                               confidenceLevel: Double = 0.95) throws(PairingError) -> [MetricRegression] {
        var strategies: [StrategyLabel] = []
        for record in baseline where !strategies.contains(record.strategy) { strategies.append(record.strategy) }
        var rows: [MetricRegression] = []
        for strategy in strategies {
            for metric in metrics {
                let before = try values(of: metric, strategy: strategy, in: baseline, side: "the baseline")
                let after = try values(of: metric, strategy: strategy, in: current, side: "the rerun")
                guard before.keys.sorted() == after.keys.sorted() else {
                    let missingNow = before.keys.filter { after[$0] == nil }.sorted()
                    let extraNow = after.keys.filter { before[$0] == nil }.sorted()
                    throw PairingError("\(strategy) \(metric): the baseline and the rerun hold different replications "
                        + "(missing now: \(missingNow), not in the baseline: \(extraNow))")
                }
                let order = before.keys.sorted()
                let b = order.map { before[$0]! }, c = order.map { after[$0]! }
                let tolerance = tolerances[metric] ?? .standard(for: metric)
                let direction = Metric(rawValue: metric)?.direction ?? .neutral
                let comparison = PairedComparison(candidate: c, baseline: b, confidenceLevel: confidenceLevel)
                let baselineMean = mean(b), currentMean = mean(c)
                let verdict = judge(before: b, after: c, comparison: comparison, direction: direction,
                                    allowance: tolerance.allowance(baselineMean: baselineMean))
                rows.append(MetricRegression(strategy: strategy, metric: metric, baselineMean: baselineMean,
                                             currentMean: currentMean, comparison: comparison, tolerance: tolerance,
                                             direction: direction, verdict: verdict))
            }
        }
        return rows
    }

    /// The verdict for paired values `before` and `after`.
    static func judge(before: [Double], after: [Double], comparison: PairedComparison?, direction: MetricDirection,
                      allowance: Double) -> RegressionVerdict {
        if zip(before, after).allSatisfy({ $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN) }) { return .unchanged }
        guard let comparison, !before.contains(where: \.isNaN), !after.contains(where: \.isNaN) else { return .undefined }
        guard comparison.count >= 2 else { return .tooFewReplications }
        // The sign that makes a worsening positive.
        let worse: Double
        switch direction {
        case .neutral: return comparison.isSignificant ? .changed : .noSignificantChange
        case .higherIsBetter: worse = -1
        case .lowerIsBetter: worse = 1
        }
        let low = worse * comparison.lowerBound, high = worse * comparison.upperBound
        if min(low, high) > 0 {
            return worse * comparison.meanDifference > allowance ? .regressed : .worseWithinTolerance
        }
        if max(low, high) < 0 { return .improved }
        return .noSignificantChange
    }

    private static func values(of metric: String, strategy: StrategyLabel, in records: [ReplicationRecord],
                               side: String) throws(PairingError) -> [Int: Double] {
        var values: [Int: Double] = [:]
        for record in records where record.strategy == strategy && record.metric == metric && record.segment == Segment.all {
            guard values.updateValue(record.value, forKey: record.replication) == nil else {
                throw PairingError("\(side) has replication \(record.replication) of \(strategy) \(metric) twice")
            }
        }
        guard !values.isEmpty else { throw PairingError("\(side) has no \(metric) values for \(strategy)") }
        return values
    }

    private static func mean(_ values: [Double]) -> Double {
        SummaryStatistics(values)?.mean ?? .nan
    }
}
