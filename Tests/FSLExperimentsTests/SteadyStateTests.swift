import Foundation
import Testing
@testable import FSLExperiments

/// A deterministic standard-normal generator for synthetic series: SplitMix64 and Box–Muller.
/// Test-local, so the series do not depend on the kernel's streams.
private struct NormalNoise {
    var state: UInt64

    mutating func nextUniform() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return (Double(z >> 11) + 0.5) / 9_007_199_254_740_992  // in (0, 1)
    }

    mutating func next() -> Double {
        let u = nextUniform(), v = nextUniform()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }
}

/// 500 days: a bias falling linearly from 20 to 0 over the first 50 days, plus N(0, 1) noise.
private func transientSeries(seed: UInt64, transientDays: Int = 50, days: Int = 500) -> [Double] {
    var noise = NormalNoise(state: seed)
    return (0..<days).map { day in
        let bias = day < transientDays ? 20 * (1 - Double(day) / Double(transientDays)) : 0
        return bias + noise.next()
    }
}

@Suite struct MSERTests {
    @Test func exactTruncationOfOneBiasedBatch() throws {
        // Batch means 10, 0, 0, 0, 0, 0: cutting the first batch leaves zero variance, so
        // MSER(1) = 0 < MSER(0) = (100 − 6·(10/6)²) / 36. The trailing 3 observations are a
        // partial batch and must be ignored (if used, they would make the tail vary).
        let series = [Double](repeating: 10, count: 5) + [Double](repeating: 0, count: 25) + [1000, 1000, 1000]
        let result = try #require(MSER.truncation(of: series))
        #expect(result.batchCount == 6)
        #expect(result.truncatedBatches == 1)
        #expect(result.truncatedObservations == 5)
        #expect(result.statistic == 0)
        #expect(!result.isAtSearchLimit)
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5])
    func findsTheEndOfAKnownTransient(seed: UInt64) throws {
        let result = try #require(MSER.truncation(of: transientSeries(seed: seed)))
        #expect(result.batchSize == 5)
        #expect(result.batchCount == 100)
        // The bias is below one noise standard deviation only after day 47.5; MSER cuts near
        // there and never throws away much of the stationary part.
        #expect((40...70).contains(result.truncatedObservations), "truncated \(result.truncatedObservations) days")
        #expect(result.truncatedObservations % 5 == 0)
        #expect(!result.isAtSearchLimit)
    }

    @Test(arguments: [UInt64(11), 12, 13, 14, 15])
    func stationarySeriesGetsASmallTruncation(seed: UInt64) throws {
        let result = try #require(MSER.truncation(of: transientSeries(seed: seed, transientDays: 0)))
        #expect(result.truncatedObservations <= 25, "truncated \(result.truncatedObservations) of 500 days")
    }

    @Test func steadyTrendHitsTheSearchLimit() throws {
        // A series that never settles: the minimum sits at the last admissible d.
        let series = (0..<100).map { 100 - Double($0) }
        let result = try #require(MSER.truncation(of: series))
        #expect(result.batchCount == 20)
        #expect(result.truncatedBatches == 9)
        #expect(result.isAtSearchLimit)
    }

    @Test func tooShortOrNonFiniteSeriesHasNoTruncation() {
        #expect(MSER.truncation(of: [1, 2, 3, 4, 5, 6, 7, 8, 9]) == nil)
        #expect(MSER.truncation(of: [Double](repeating: 1, count: 20) + [.nan]) == nil)
    }
}

@Suite struct BatchMeansTests {
    @Test func linearSeriesHasKnownBatchMeans() throws {
        // 103 observations, 10 batches: the first 3 are dropped, batches of 10 over 3…102 have
        // means 7.5, 17.5, …, 97.5; their mean is 52.5 and s = 10 · sd(0…9) = 30.276503540974917,
        // so h = 2.262157162798205 · 30.2765… / √10 = 21.65850589668169.
        let series = (0..<103).map(Double.init)
        let result = try #require(BatchMeans.analyse(series, batchCount: 10))
        #expect(result.batchSize == 10)
        #expect(result.discardedObservations == 3)
        #expect(result.batchMeans.first == 7.5 && result.batchMeans.last == 97.5)
        #expect(result.summary.count == 10)
        #expect(result.summary.mean == 52.5)
        #expect(abs(result.summary.standardDeviation - 30.276503540974917) < 1e-9)
        #expect(abs(result.summary.halfWidth - 21.65850589668169) < 1e-9)
        #expect(result.lagOneAutocorrelation > 0.5)
    }

    @Test func intervalCoversTheMeanOfStationaryNoise() throws {
        var noise = NormalNoise(state: 42)
        let series = (0..<2000).map { _ in 3 + noise.next() }
        let result = try #require(BatchMeans.analyse(series, batchCount: 20))
        #expect(result.summary.lowerBound < 3 && 3 < result.summary.upperBound)
        // 20 batches of 100 iid N(0,1): each batch mean has sd 0.1, so s ≈ 0.1 and h ≈ 0.047.
        #expect(abs(result.summary.standardDeviation - 0.1) < 0.05)
        #expect(abs(result.lagOneAutocorrelation) < 0.5)
    }

    @Test func tooFewObservations() {
        #expect(BatchMeans.analyse([1, 2, 3], batchCount: 5) == nil)
    }
}

@Suite struct SequentialStoppingTests {
    @Test func estimatesTheReplicationsNeeded() throws {
        // 1…10: t · s = 2.262157162798205 · 3.0276503540974917 = 6.849020…; for h = 1 that is
        // (6.849…)² = 46.909… → 47 in total, 37 more.
        let summary = try #require(SummaryStatistics((1...10).map(Double.init)))
        let decision = SequentialStopping.decision(for: summary, halfWidth: 1, maximumReplications: 100)
        #expect(!decision.isTargetReached)
        #expect(decision.estimatedReplications == 47)
        #expect(decision.additionalReplications == 37)
        #expect(!decision.isCapped)

        let capped = SequentialStopping.decision(for: summary, halfWidth: 1, maximumReplications: 20)
        #expect(capped.additionalReplications == 10)
        #expect(capped.isCapped)

        let atCap = SequentialStopping.decision(for: summary, halfWidth: 1, maximumReplications: 10)
        #expect(atCap.additionalReplications == 0 && atCap.isCapped && !atCap.isTargetReached)
    }

    @Test func reachedWhenHalfWidthIsSmallEnough() throws {
        let summary = try #require(SummaryStatistics((1...10).map(Double.init)))  // h = 2.1658…
        let decision = SequentialStopping.decision(for: summary, halfWidth: 2.2, maximumReplications: 100)
        #expect(decision.isTargetReached)
        #expect(decision.additionalReplications == 0)
    }

    @Test func pilotRunsComeFirst() throws {
        let none = SequentialStopping.decision(for: nil, halfWidth: 1, maximumReplications: 100)
        #expect(none.additionalReplications == 2 && none.estimatedReplications == nil)
        let one = SequentialStopping.decision(for: SummaryStatistics([4.0]), halfWidth: 1, maximumReplications: 100)
        #expect(one.additionalReplications == 1 && !one.isTargetReached)
    }

    @Test func combinesTargetsOverEveryStrategy() throws {
        let rows = [
            SummaryRow(scenario: "s", routing: "nearest", allocation: "fifo", metric: "fill_rate", segment: "all",
                       statistics: try #require(SummaryStatistics([0.9, 0.92, 0.94]))),
            SummaryRow(scenario: "s", routing: "cheapest", allocation: "fifo", metric: "fill_rate", segment: "all",
                       statistics: try #require(SummaryStatistics([0.8, 0.9, 1.0]))),
        ]
        // Row 1: h = 4.302653 · 0.02 / √3 = 0.0497; row 2: h = 0.248. Goal 0.1: row 2 misses,
        // needing ⌈(4.302653 · 0.1 / 0.1)²⌉ = ⌈18.51⌉ = 19 replications.
        let target = try PrecisionTarget(parsing: "fill_rate=0.1")
        let decision = try SequentialStopping.decision(for: [target], summaries: rows, maximumReplications: 50)
        #expect(!decision.isTargetReached)
        #expect(decision.estimatedReplications == 19)
        #expect(decision.additionalReplications == 16)

        #expect(throws: PrecisionTargetError.self) {
            try SequentialStopping.decision(for: [PrecisionTarget(metric: "cost_total", halfWidth: 5)],
                                            summaries: rows, maximumReplications: 50)
        }
    }

    @Test(arguments: ["sla_attainment", "=0.1", "fill_rate=", "fill_rate=-1", "fill_rate=abc", "fill_rate=inf"])
    func rejectsMalformedTargets(_ text: String) {
        #expect(throws: PrecisionTargetError.self) { try PrecisionTarget(parsing: text) }
    }

    @Test func parsesTargets() throws {
        let target = try PrecisionTarget(parsing: "sla_attainment=0.005")
        #expect(target == PrecisionTarget(metric: "sla_attainment", segment: "all", halfWidth: 0.005))
    }
}
