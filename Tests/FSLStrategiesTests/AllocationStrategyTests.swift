import Testing
import FSLNetwork
@testable import FSLSimulation
import FSLStrategies
import TestSupport

private typealias Source = StrategyFixtures.Source
private typealias CustomerSite = StrategyFixtures.CustomerSite

/// Allocation decisions on hand-placed backorders. In `scarce`, site 0 is gold (priority 3,
/// penalty 1000) and site 1 silver (priority 1, penalty 100); the FSL holds `baseStock` units.
@Suite struct AllocationStrategyTests {
    @Test func tierPriorityServesGoldBeforeAnOlderSilver() throws {
        var h = StrategyHarness(StrategyFixtures.scarce(baseStock: 1), now: 100)
        h.addBackorder(site: 1, since: 10, deadline: 500)
        h.addBackorder(site: 0, since: 50, deadline: 500)
        var fcfs = try h.allocation("fcfs")
        var tier = try h.allocation("tier-priority")
        #expect(h.pick(&fcfs) == "SILVER-SITE")
        #expect(h.pick(&tier) == "GOLD-SITE")
    }

    @Test func tierPriorityPutsUrgentBeforeRoutineWithinATier() throws {
        var h = StrategyHarness(StrategyFixtures.scarce(baseStock: 1), now: 100)
        h.addBackorder(site: 1, since: 10, deadline: 500, isUrgent: false)
        h.addBackorder(site: 1, since: 50, deadline: 500, isUrgent: true)
        var tier = try h.allocation("tier-priority")
        let pending = h.state.pendingBackorders(slot: 0)
        #expect(tier.choose(pending: pending, slot: 0, state: h.state) == 1)
    }

    @Test(arguments: ["tier-priority", "penalty-aware"])
    func reserveHoldsTheLastUnitsForTheTopTier(_ name: String) throws {
        var oneLeft = StrategyHarness(StrategyFixtures.scarce(baseStock: 1), now: 100)
        oneLeft.addBackorder(site: 1, since: 10, deadline: 500)
        var reserving = try oneLeft.allocation(name, [("reserve", "1")])
        var plain = try oneLeft.allocation(name)
        #expect(oneLeft.pick(&reserving) == nil)
        #expect(oneLeft.pick(&plain) == "SILVER-SITE")
        oneLeft.addBackorder(site: 0, since: 60, deadline: 500)
        #expect(oneLeft.pick(&reserving) == "GOLD-SITE")
        var twoLeft = StrategyHarness(StrategyFixtures.scarce(baseStock: 2), now: 100)
        twoLeft.addBackorder(site: 1, since: 10, deadline: 500)
        #expect(twoLeft.pick(&reserving) == "SILVER-SITE")
    }

    @Test func penaltyAwareSkipsAHopelessOrder() throws {
        var h = StrategyHarness(StrategyFixtures.scarce(baseStock: 1), now: 100)
        h.addBackorder(site: 0, since: 10, deadline: 50)    // gold, already late: hopeless
        h.addBackorder(site: 1, since: 20, deadline: 200)   // silver, can still make it
        var penalty = try h.allocation("penalty-aware")
        #expect(h.pick(&penalty) == "SILVER-SITE")
        var tier = try h.allocation("tier-priority")
        #expect(h.pick(&tier) == "GOLD-SITE")
    }

    @Test func penaltyAwareServesTheHigherPenaltyAmongSaveableOrders() throws {
        var h = StrategyHarness(StrategyFixtures.scarce(baseStock: 1), now: 100)
        h.addBackorder(site: 1, since: 10, deadline: 200)
        h.addBackorder(site: 0, since: 20, deadline: 200)
        var penalty = try h.allocation("penalty-aware")
        #expect(h.pick(&penalty) == "GOLD-SITE")
        // A deadline 1 h away is missed by the 1 h + transit courier: gold becomes hopeless.
        var late = StrategyHarness(StrategyFixtures.scarce(baseStock: 1), now: 100)
        late.addBackorder(site: 1, since: 10, deadline: 200)
        late.addBackorder(site: 0, since: 20, deadline: 101)
        #expect(late.pick(&penalty) == "SILVER-SITE")
    }

    @Test func weightedAllocationFollowsItsWeights() throws {
        var h = StrategyHarness(StrategyFixtures.scarce(baseStock: 1), now: 100)
        h.addBackorder(site: 1, since: 10, deadline: 500)
        h.addBackorder(site: 0, since: 90, deadline: 500)
        var tierOnly = try h.allocation("weighted", [("tier", "1"), ("urgency", "0"), ("age", "0"), ("slack", "0")])
        var ageOnly = try h.allocation("weighted", [("tier", "0"), ("urgency", "0"), ("age", "1"), ("slack", "0")])
        #expect(h.pick(&tierOnly) == "GOLD-SITE")
        #expect(h.pick(&ageOnly) == "SILVER-SITE")
    }

    static func regionNetwork() -> Network {
        StrategyFixtures.star(sources: [Source("FSL", km: 0, new: 10, target: 10)],
                              sites: [CustomerSite("N", region: 0), CustomerSite("S", km: 10, region: 1)],
                              regions: [Region(id: "north", aslPriority: [0]), Region(id: "south", aslPriority: [0])])
    }

    @Test func fairShareAlternatesRegionsDespiteArrivalOrder() throws {
        var h = StrategyHarness(Self.regionNetwork(), now: 100)
        for since in [1.0, 2, 3, 4] { h.addBackorder(site: 0, since: since, deadline: 500) }
        for since in [5.0, 6] { h.addBackorder(site: 1, since: since, deadline: 500) }
        var fcfs = try h.allocation("fcfs")
        var copy = h
        #expect(copy.releaseSequence(&fcfs, count: 6) == ["N", "N", "N", "N", "S", "S"])
        var fair = try h.allocation("fair-share")
        #expect(h.releaseSequence(&fair, count: 6) == ["N", "S", "N", "S", "N", "N"])
    }

    @Test func fairShareFollowsConfiguredShares() throws {
        var h = StrategyHarness(Self.regionNetwork(), now: 100)
        for since in [1.0, 2, 3, 4, 5, 6] { h.addBackorder(site: 0, since: since, deadline: 500) }
        for since in [7.0, 8, 9] { h.addBackorder(site: 1, since: since, deadline: 500) }
        var fair = try h.allocation("fair-share", [("shares", "north:2+south:1")])
        #expect(h.releaseSequence(&fair, count: 6) == ["N", "S", "N", "N", "S", "N"])
    }

    @Test func fairShareGroupsByContractWithoutRegions() throws {
        var h = StrategyHarness(StrategyFixtures.scarce(baseStock: 5), now: 100)
        for since in [1.0, 2, 3] { h.addBackorder(site: 1, since: since, deadline: 500) }
        h.addBackorder(site: 0, since: 4, deadline: 500)
        var fair = try h.allocation("fair-share", [("shares", "gold:1+silver:1")])
        #expect(h.releaseSequence(&fair, count: 3) == ["SILVER-SITE", "GOLD-SITE", "SILVER-SITE"])
    }
}
