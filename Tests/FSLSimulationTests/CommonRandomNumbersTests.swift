import Foundation
import Testing
import FSLNetwork
import FSLSimulation
import FSLStrategies

/// Common random numbers: changing the routing or allocation strategy never changes the demand a
/// replication sees — the same orders arrive at the same instants, sites, parts, quantities and
/// urgencies, whatever the strategies then do with them.
@Suite struct CommonRandomNumbersTests {
    static let demo = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scenarios/demo.json").path

    private func demandSeen(_ network: Network, routing: String, allocation: String, replication: Int) throws
        -> [String]
    {
        let settings = ReplicationSettings(network: network, replication: replication, horizonHours: 40 * 24,
                                           warmupHours: 0)
        let result = simulate(network: network,
                              routing: try StrategyRegistry.makeRouting(StrategyChoice(name: routing), network: network),
                              allocation: try StrategyRegistry.makeAllocation(StrategyChoice(name: allocation), network: network),
                              settings: settings, trace: TraceRecorder())
        return try #require(result.trace).decisions.map {
            let o = $0.order
            return "\(o.number) \(o.createdAt.bitPattern) \(o.site) \(o.part) \(o.quantity) \(o.isUrgent)"
        }
    }

    @Test func everyStrategyPairSeesTheSameOrders() throws {
        let network = try ScenarioLoader.load(path: Self.demo)
        for replication in [0, 3] {
            let baseline = try demandSeen(network, routing: "nearest", allocation: "fcfs", replication: replication)
            #expect(baseline.count > 200)
            for (routing, allocation) in [("cheapest", "tier-priority"), ("refurb-first", "fair-share"),
                                          ("risk-aware", "penalty-aware")] {
                let other = try demandSeen(network, routing: routing, allocation: allocation, replication: replication)
                #expect(other == baseline, "\(routing)/\(allocation) saw different demand in replication \(replication)")
            }
        }
        // …and a different replication sees different demand.
        #expect(try demandSeen(network, routing: "nearest", allocation: "fcfs", replication: 1)
                != demandSeen(network, routing: "nearest", allocation: "fcfs", replication: 0))
    }
}
