import Testing
import FSLNetwork
import FSLStrategies
import FSLSimulation
import TestSupport

/// Named strategy variants declared in a scenario resolve by name everywhere a strategy is named.
@Suite struct StrategyVariantTests {
    var network: Network {
        var network = AllocationStrategyTests.regionNetwork()
        network.routingVariants = ["slc-split": StrategyChoice(name: "sla-then-cost", parameters: [("split", "true")])]
        network.allocationVariants = ["gold-first": StrategyChoice(name: "tier-priority", parameters: [("reserve", "1")])]
        return network
    }

    @Test func variantsBuildTheirStrategiesWithTheirParameters() throws {
        let routing = try StrategyRegistry.makeRouting(StrategyChoice(name: "slc-split"), network: network)
        let allocation = try StrategyRegistry.makeAllocation(StrategyChoice(name: "gold-first"), network: network)
        #expect(routing is SLAThenCostRouting)
        #expect(allocation is TierPriorityAllocation)
    }

    @Test func parametersOnAVariantNameAreRejected() {
        #expect(throws: StrategyError.self) {
            try StrategyRegistry.makeRouting(StrategyChoice(name: "slc-split", parameters: [("split", "false")]), network: network)
        }
    }

    @Test func misspeltVariantGetsASuggestion() {
        do {
            _ = try StrategyRegistry.makeRouting(StrategyChoice(name: "slc-splt"), network: network)
            Issue.record("a misspelt variant must not build")
        } catch {
            #expect(error.message.contains("did you mean \"slc-split\""))
        }
    }
}
