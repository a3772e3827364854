import Testing
@testable import FSLExperiments

@Suite struct SummaryStatisticsTests {
    @Test func studentQuantilesMatchTables() {
        // Printed t tables (and scipy.stats.t.ppf): t(0.975, 9) = 2.262157, t(0.95, 4) = 2.131847,
        // t(0.995, 29) = 2.756386, t(0.975, 1) = 12.706205.
        #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: 9) - 2.262157162798205) < 1e-9)
        #expect(abs(StudentT.criticalValue(confidenceLevel: 0.90, degreesOfFreedom: 4) - 2.1318467863266495) < 1e-9)
        #expect(abs(StudentT.criticalValue(confidenceLevel: 0.99, degreesOfFreedom: 29) - 2.756385903670605) < 1e-9)
        #expect(abs(StudentT.criticalValue(confidenceLevel: 0.95, degreesOfFreedom: 1) - 12.706204736174694) < 1e-8)
    }

    @Test func confidenceIntervalOfOneToTen() throws {
        // x = 1, 2, …, 10: mean 5.5; Σ(x − 5.5)² = 2·(0.5² + 1.5² + 2.5² + 3.5² + 4.5²) = 82.5,
        // s² = 82.5 / 9 = 9.1666…, s = 3.0276503540974917; s/√10 = 0.9574271077563381;
        // t(0.975, 9) = 2.262157162798205, so h = 2.165850589668169 and the 95% interval is
        // [3.334149410331831, 7.665850589668169].
        let summary = try #require(SummaryStatistics((1...10).map(Double.init)))
        #expect(summary.count == 10)
        #expect(summary.mean == 5.5)
        #expect(abs(summary.standardDeviation - 3.0276503540974917) < 1e-12)
        #expect(abs(summary.criticalValue - 2.262157162798205) < 1e-9)
        #expect(abs(summary.halfWidth - 2.165850589668169) < 1e-9)
        #expect(abs(summary.lowerBound - 3.334149410331831) < 1e-9)
        #expect(abs(summary.upperBound - 7.665850589668169) < 1e-9)
        #expect(summary.minimum == 1)
        #expect(summary.maximum == 10)
        #expect(summary.confidenceLevel == 0.95)
    }

    @Test func ninetyPercentIntervalIsNarrower() throws {
        let values: [Double] = [3, 1, 4, 1, 5, 9, 2, 6]
        let at95 = try #require(SummaryStatistics(values))
        let at90 = try #require(SummaryStatistics(values, confidenceLevel: 0.90))
        #expect(at90.halfWidth < at95.halfWidth)
        #expect(at90.mean == at95.mean)
    }

    @Test func singleObservationHasMeanButNoSpread() throws {
        let summary = try #require(SummaryStatistics([42.0]))
        #expect(summary.count == 1)
        #expect(summary.mean == 42)
        #expect(summary.minimum == 42 && summary.maximum == 42)
        #expect(summary.standardDeviation.isNaN)
        #expect(summary.halfWidth.isNaN)
        #expect(summary.lowerBound.isNaN && summary.upperBound.isNaN)
        #expect(!summary.excludes(0))
    }

    @Test func emptySampleHasNoSummary() {
        #expect(SummaryStatistics([Double]()) == nil)
    }

    @Test func welfordSurvivesLargeOffsetWhereNaiveFails() throws {
        // 1e9 + {4, 7, 13, 16}: mean 1e9 + 10, Σd² = 36 + 9 + 9 + 36 = 90, s² = 30.
        let values: [Double] = [4, 7, 13, 16].map { 1e9 + $0 }
        let n = Double(values.count)
        let sum = values.reduce(0, +)
        let sumOfSquares = values.reduce(0) { $0 + $1 * $1 }
        let naiveVariance = (sumOfSquares - n * (sum / n) * (sum / n)) / (n - 1)
        // Σx² ≈ 4e18 has an ulp of 512, so the naive variance lands far from 30.
        #expect(abs(naiveVariance - 30) > 1)

        let moments = RunningMoments(values)
        #expect(moments.mean == 1e9 + 10)
        #expect(abs(moments.sampleVariance - 30) < 1e-6)
        let summary = try #require(SummaryStatistics(values))
        #expect(abs(summary.standardDeviation - 30.0.squareRoot()) < 1e-7)
    }

    @Test func mergeEqualsSequentialAccumulation() {
        let values = (0..<1000).map { 1e6 + Double(($0 * 7919) % 1013) / 7 }
        let whole = RunningMoments(values)
        var left = RunningMoments(values[..<377])
        left.merge(RunningMoments(values[377...]))
        #expect(left.count == whole.count)
        #expect(abs(left.mean - whole.mean) <= 1e-9)
        #expect(abs(left.sampleVariance - whole.sampleVariance) <= 1e-9 * whole.sampleVariance)
        #expect(left.minimum == whole.minimum && left.maximum == whole.maximum)

        var empty = RunningMoments()
        empty.merge(whole)
        #expect(empty == whole)
    }

    @Test func nanObservationPoisonsTheSummary() throws {
        let summary = try #require(SummaryStatistics([1, .nan, 3]))
        #expect(summary.mean.isNaN)
        #expect(summary.minimum.isNaN && summary.maximum.isNaN)
    }
}

@Suite struct PairedComparisonTests {
    @Test func identicalPairsGiveZeroDifferenceNotSignificant() throws {
        let values: [Double] = [0.91, 0.87, 0.95, 0.89, 0.93]
        let comparison = try #require(PairedComparison(candidate: values, baseline: values))
        #expect(comparison.count == 5)
        #expect(comparison.meanDifference == 0)
        #expect(comparison.lowerBound == 0 && comparison.upperBound == 0)
        #expect(!comparison.isSignificant)
    }

    @Test func constantShiftGivesExactDifference() throws {
        // Dyadic values: every difference is exactly −2.5, so s = 0 and the interval is a point.
        let baseline: [Double] = [10, 12.5, 9.25, 11, 14.75, 8]
        let candidate = baseline.map { $0 - 2.5 }
        let comparison = try #require(PairedComparison(candidate: candidate, baseline: baseline))
        #expect(comparison.meanDifference == -2.5)
        #expect(comparison.differences.standardDeviation == 0)
        #expect(comparison.lowerBound == -2.5 && comparison.upperBound == -2.5)
        #expect(comparison.isSignificant)
    }

    @Test func pairingRemovesSharedNoise() throws {
        // Large shared noise, small consistent gain: the paired interval excludes 0 although the
        // two samples' own intervals overlap heavily.
        let baseline: [Double] = [100, 140, 90, 160, 120, 110, 150, 95]
        let gain: [Double] = [1.0, 1.5, 0.5, 1.25, 0.75, 1.0, 1.5, 0.5]
        let candidate = zip(baseline, gain).map { $0 + $1 }
        let comparison = try #require(PairedComparison(candidate: candidate, baseline: baseline))
        #expect(comparison.meanDifference == 1.0)
        #expect(comparison.isSignificant)
        let candidateSummary = try #require(SummaryStatistics(candidate))
        let baselineSummary = try #require(SummaryStatistics(baseline))
        #expect(candidateSummary.lowerBound < baselineSummary.upperBound)
    }

    @Test func singlePairIsNeverSignificant() throws {
        let comparison = try #require(PairedComparison(candidate: [5], baseline: [1]))
        #expect(comparison.meanDifference == 4)
        #expect(!comparison.isSignificant)
    }
}
