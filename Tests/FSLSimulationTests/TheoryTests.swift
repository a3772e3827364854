import Foundation
import Testing
import FSLKernel
import FSLNetwork
import FSLSimulation
import FSLStrategies
import TestSupport

/// Poisson probabilities computed directly (no GSL), so the theory side is independent of the
/// code under test.
private func poissonPMF(_ k: Int, _ mean: Double) -> Double {
    exp(Double(k) * log(mean) - mean - lgamma(Double(k) + 1))
}

struct PalmCase: CustomTestStringConvertible, Sendable {
    var ordersPerDay: Double
    var leadTime: DistributionSpec
    var baseStock: Int
    var testDescription: String { "λ=\(ordersPerDay)/day L=\(leadTime) S=\(baseStock)" }
}

private func replicate(_ network: Network, count: Int) -> [ReplicationResult] {
    (0..<count).map {
        simulate(network: network, routing: NearestRouting(), allocation: FirstComeFirstServed(),
                 settings: ReplicationSettings(network: network, replication: $0))
    }
}

/// Mean and standard error over replications.
private func estimate(_ results: [ReplicationResult], _ metric: String) -> (mean: Double, se: Double) {
    let xs = results.compactMap { $0.value(metric) }
    let mean = xs.reduce(0, +) / Double(xs.count)
    let variance = xs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(xs.count - 1)
    return (mean, (variance / Double(xs.count)).squareRoot())
}

@Suite struct PalmTheoremTests {
    static let cases: [PalmCase] = [
        PalmCase(ordersPerDay: 2, leadTime: .deterministic(value: 48), baseStock: 5),
        PalmCase(ordersPerDay: 2, leadTime: .lognormal(mean: 48, cv: 0.8), baseStock: 5),
        PalmCase(ordersPerDay: 5, leadTime: .deterministic(value: 24), baseStock: 4),
        PalmCase(ordersPerDay: 5, leadTime: .gamma(mean: 24, cv: 0.5), baseStock: 7),
        PalmCase(ordersPerDay: 0.5, leadTime: .lognormal(mean: 120, cv: 0.5), baseStock: 2),
    ]

    /// Palm: with one-for-one replenishment from an unlimited source, the number in resupply is
    /// Poisson(λL) whatever the lead-time distribution, so fill rate = P(N ≤ S−1), expected
    /// backorders = E[(N−S)+], expected on hand = E[(S−N)+].
    @Test(arguments: cases)
    func matchesPalm(_ palm: PalmCase) {
        let network = NetworkFixtures.singleLocation(ordersPerDay: palm.ordersPerDay, leadTime: palm.leadTime,
                                                     baseStock: palm.baseStock)
        let results = replicate(network, count: 6)
        let m = palm.ordersPerDay / 24 * palm.leadTime.mean
        let s = palm.baseStock
        let pmf = (0..<200).map { poissonPMF($0, m) }
        let fill = pmf[0..<s].reduce(0, +)
        let backorders = pmf.enumerated().map { Double(max(0, $0.offset - s)) * $0.element }.reduce(0, +)
        let onHand = pmf.enumerated().map { Double(max(0, s - $0.offset)) * $0.element }.reduce(0, +)
        for (metric, theory) in [("fill_rate", fill), ("avg_backorders", backorders), ("avg_on_hand", onHand)] {
            let (mean, se) = estimate(results, metric)
            // 4 standard errors, plus 1% of the value for the finite warm-up/horizon edge.
            #expect(abs(mean - theory) <= 4 * se + 0.01 * theory + 1e-3,
                    "\(metric): simulated \(mean) ± \(se), Palm \(theory)")
        }
    }

    @Test func littlesLawHoldsForBackorders() {
        let network = NetworkFixtures.singleLocation(ordersPerDay: 5, leadTime: .lognormal(mean: 48, cv: 0.5), baseStock: 8)
        for result in replicate(network, count: 3) {
            let window = network.horizonHours - network.warmupHours
            let arrivalRate = result.value("backorders_created")! / window
            let wait = result.value("mean_backorder_wait_h")!
            let level = result.value("avg_backorders")!
            #expect(level > 0.05)
            #expect(abs(level - arrivalRate * wait) <= 0.02 * level, "L \(level) vs λW \(arrivalRate * wait)")
        }
    }

    @Test func unitsAreConservedAtEverySlot() {
        let network = NetworkFixtures.line(count: 4, baseStock: 2, ordersPerDay: 6)
        for result in replicate(network, count: 2) {
            #expect(result.ledger.isConserved)
            #expect(result.ledger.received.reduce(0, +) > 100)
        }
    }
}

@Suite struct DeterminismTests {
    @Test func sameSeedGivesBitIdenticalMetrics() {
        let network = NetworkFixtures.line(count: 3, baseStock: 1, ordersPerDay: 8)
        let a = replicate(network, count: 2)
        let b = replicate(network, count: 2)
        #expect(a.map(\.metrics) == b.map(\.metrics))
    }

    @Test func replicationsDiffer() {
        let network = NetworkFixtures.line(count: 3, baseStock: 1, ordersPerDay: 8)
        let results = replicate(network, count: 2)
        #expect(results[0].value("orders") != results[1].value("orders"))
    }
}
