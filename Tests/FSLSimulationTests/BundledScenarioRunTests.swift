import Foundation
import Testing
import FSLNetwork
import FSLSimulation
import FSLStrategies

/// Every bundled scenario runs a (shortened) replication through the engine with units conserved
/// at every stock slot, under its default strategies and under a second pair.
@Suite struct BundledScenarioRunTests {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scenarios")

    static var bundled: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    }

    @Test(arguments: bundled)
    func conservesUnitsAndProducesOrders(_ name: String) throws {
        let network = try ScenarioLoader.load(path: Self.directory.appendingPathComponent(name).path)
        let horizon = min(network.horizonHours, 60 * 24)
        for (routing, allocation) in [(network.routing, network.allocation),
                                      (StrategyChoice(name: "sla-then-cost"), StrategyChoice(name: "tier-priority"))] {
            let settings = ReplicationSettings(network: network, replication: 0, horizonHours: horizon,
                                               warmupHours: min(network.warmupHours, horizon / 4))
            let result = simulate(network: network, routing: try StrategyRegistry.makeRouting(routing, network: network),
                                  allocation: try StrategyRegistry.makeAllocation(allocation, network: network),
                                  settings: settings)
            #expect(result.ledger.isConserved, "\(name) \(routing)/\(allocation)")
            #expect(result.value("orders")! > 0)
            let attainment = result.value("sla_attainment")!
            #expect(attainment >= 0 && attainment <= 1)
        }
    }
}
