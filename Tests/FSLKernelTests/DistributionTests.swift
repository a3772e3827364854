import Testing
@testable import FSLKernel

/// Sample moments in independent batches, so the tolerance comes from the data's own spread.
private func batchMoments(_ distribution: Distribution, seed: UInt64, batches: Int = 20, perBatch: Int = 10_000)
    -> (mean: Double, meanSE: Double, variance: Double, varianceSE: Double)
{
    let stream = RandomStream(seed: seed)
    var means: [Double] = []
    var variances: [Double] = []
    for _ in 0..<batches {
        var sum = 0.0, sumSquares = 0.0
        for _ in 0..<perBatch {
            let x = distribution.sample(stream)
            sum += x
            sumSquares += x * x
        }
        let mean = sum / Double(perBatch)
        means.append(mean)
        variances.append((sumSquares - Double(perBatch) * mean * mean) / Double(perBatch - 1))
    }
    func meanAndSE(_ xs: [Double]) -> (Double, Double) {
        let m = xs.reduce(0, +) / Double(xs.count)
        let v = xs.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(xs.count - 1)
        return (m, (v / Double(xs.count)).squareRoot())
    }
    let (m, mSE) = meanAndSE(means)
    let (v, vSE) = meanAndSE(variances)
    return (m, mSE, v, vSE)
}

@Suite struct DistributionTests {
    static let specs: [DistributionSpec] = [
        .deterministic(value: 3),
        .uniform(min: 2, max: 10),
        .exponential(mean: 5),
        .normal(mean: 10, sd: 3),
        .normal(mean: 1, sd: 2),  // heavily truncated
        .lognormal(mean: 72, cv: 0.5),
        .gamma(mean: 24, cv: 0.8),
        .weibull(scale: 10, shape: 1.5),
        .triangular(min: 1, mode: 2, max: 6),
        .poisson(mean: 3.5),
        .negativeBinomial(mean: 2, varianceToMean: 3),
        .compoundPoisson(mean: 2, quantity: .empirical(values: [1, 2, 5], weights: [6, 3, 1])),
        .empirical(values: [1, 4, 9], weights: [1, 2, 1]),
    ]

    @Test(arguments: specs)
    func sampleMomentsMatchTheory(_ spec: DistributionSpec) throws {
        let distribution = try Distribution(spec)
        let observed = batchMoments(distribution, seed: StreamSeed.fnv1a("\(spec)"))
        #expect(abs(observed.mean - spec.mean) <= 4 * observed.meanSE + 1e-12,
                "mean \(observed.mean) vs theory \(spec.mean) (SE \(observed.meanSE))")
        #expect(abs(observed.variance - spec.variance) <= 4 * observed.varianceSE + 1e-9,
                "variance \(observed.variance) vs theory \(spec.variance) (SE \(observed.varianceSE))")
    }

    @Test func truncatedNormalNeverNegative() throws {
        let distribution = try Distribution(.normal(mean: 0.5, sd: 4))
        let stream = RandomStream(seed: 5)
        #expect((0..<50_000).allSatisfy { _ in distribution.sample(stream) >= 0 })
    }

    @Test func lognormalParameterisationHasTheRequestedMeanAndCV() throws {
        let spec = DistributionSpec.lognormal(mean: 72, cv: 0.5)
        #expect(abs(spec.mean - 72) < 1e-12)
        #expect(abs(spec.variance.squareRoot() / spec.mean - 0.5) < 1e-12)
    }

    static let invalid: [(DistributionSpec, String)] = [
        (.exponential(mean: 0), "mean"),
        (.lognormal(mean: 10, cv: -1), "cv"),
        (.uniform(min: 5, max: 1), "max"),
        (.triangular(min: 0, mode: 9, max: 5), "mode"),
        (.negativeBinomial(mean: 2, varianceToMean: 1), "variance_to_mean"),
        (.empirical(values: [1, 2], weights: [1]), "weights"),
        (.compoundPoisson(mean: 1, quantity: .lognormal(mean: 1, cv: 1)), "quantity"),
    ]

    @Test(arguments: invalid)
    func invalidParametersAreRejectedNamingTheParameter(_ spec: DistributionSpec, _ parameter: String) {
        #expect(throws: DistributionError.self) { try Distribution(spec) }
        #expect(spec.problems.contains { $0.parameter == parameter })
    }
}

@Suite struct DistributionJSONTests {
    private func read(_ text: String) -> (DistributionSpec?, [InputIssue]) {
        let log = IssueLog(file: "s.json")
        let root = try! JSONValue.parse(Data(text.utf8), file: "s.json")
        let spec = DistributionSpec.read(JSONNode(root: root, log: log))
        return (spec, log.issues)
    }

    @Test func readsEveryForm() {
        #expect(read(#"{"lognormal": {"mean": 72, "cv": 0.5}}"#).0 == .lognormal(mean: 72, cv: 0.5))
        #expect(read("4").0 == .deterministic(value: 4))
        #expect(read(#"{"deterministic": 4}"#).0 == .deterministic(value: 4))
        #expect(read(#"{"empirical": {"values": [1, 2], "weights": [3, 1]}}"#).0
                == .empirical(values: [1, 2], weights: [3, 1]))
    }

    @Test func roundTripsThroughCodable() throws {
        for spec in DistributionTests.specs {
            let data = try JSONEncoder().encode(spec)
            #expect(try JSONDecoder().decode(DistributionSpec.self, from: data) == spec)
        }
    }

    @Test func typoInFamilyGetsASuggestion() {
        let (spec, issues) = read(#"{"lognormla": {"mean": 72, "cv": 0.5}}"#)
        #expect(spec == nil)
        #expect(issues.first?.path == "lognormla")
        #expect(issues.first?.message.contains(#"did you mean "lognormal""#) == true)
    }

    @Test func badParameterIsReportedAtItsPath() {
        let (_, issues) = read(#"{"gamma": {"mean": -1, "cv": 0.5}}"#)
        #expect(issues.map(\.path) == ["gamma.mean"])
    }

    @Test func missingParameterIsReported() {
        let (_, issues) = read(#"{"lognormal": {"mean": 72}}"#)
        #expect(issues.map(\.path) == ["lognormal.cv"])
        #expect(issues.first?.message.contains("required") == true)
    }
}

import Foundation
