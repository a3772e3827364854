import Foundation
import Testing
import FSLNetwork
@testable import FSLSimulation
import FSLStrategies
import TestSupport

private typealias Source = StrategyFixtures.Source

/// Routing decisions on star networks where the right source is unambiguous. The site sits at
/// km 0; the courier costs 10 + km and takes 1 h + km/60; "now" is Monday 10:00 UTC.
@Suite struct RoutingStrategyTests {
    /// NEAR (5 km) is a 3PL charging 500 a pick; FAR (100 km) is in-house and costs 110.
    let feeNetwork = StrategyFixtures.star(sources: [Source("NEAR", km: 5, handlingFee: 500), Source("FAR", km: 100)])

    @Test func cheapestAvoidsTheExpensive3PLThatNearestUses() throws {
        let h = StrategyHarness(feeNetwork)
        let order = h.order()
        #expect(h.sources(try h.route("nearest", [], order)) == ["NEAR"])
        let cheapest = try h.route("cheapest", [], order)
        #expect(h.sources(cheapest) == ["FAR"])
        #expect(cheapest.reason == .cheapest)
        #expect(h.sources(try h.route("sla-then-cost", [], order)) == ["FAR"])
    }

    /// NEAR's cutoff (09:00) has passed, so it ships tomorrow; FAR ships now.
    @Test func slaThenCostAvoidsALocationPastItsCutoff() throws {
        let network = StrategyFixtures.star(sources: [Source("NEAR", km: 5, cutoffHour: 9), Source("FAR", km: 100)])
        let h = StrategyHarness(network)
        let plan = try h.route("sla-then-cost", [], h.order(slaHours: 4))
        #expect(h.sources(plan) == ["FAR"])
        #expect(plan.reason == .meetsSLACheapest)
        #expect(h.sources(try h.route("cheapest", [], h.order(slaHours: 4))) == ["NEAR"])
        // Nobody makes a 1-hour SLA: the earliest ETA wins, which is still FAR.
        let hopeless = try h.route("sla-then-cost", [], h.order(slaHours: 1))
        #expect(h.sources(hopeless) == ["FAR"])
        #expect(hopeless.reason == .noneMeetsSLAEarliest)
    }

    @Test func slaThenCostSplitsOnlyWhenAskedTo() throws {
        let network = StrategyFixtures.star(sources: [Source("NEAR", km: 5, new: 2, target: 2), Source("FAR", km: 100, new: 2, target: 2)])
        let h = StrategyHarness(network)
        let order = h.order(quantity: 3)
        let whole = try h.route("sla-then-cost", [], order)
        #expect(whole.lines.isEmpty)
        #expect(h.backorderAt(whole) == "NEAR")
        let split = try h.route("sla-then-cost", [("split", "true")], order)
        #expect(split.lines.map(\.quantity) == [2, 1])
        #expect(h.sources(split) == ["NEAR", "FAR"])
        #expect(split.backorderLocation == nil)
        #expect(split.reason == .split)
    }

    /// The north region's ASL list is FAR, then MID, although NEAR is closest.
    @Test func aslPriorityFollowsTheRegionListNotDistance() throws {
        func network(farStock: Int, midStock: Int) -> Network {
            StrategyFixtures.star(
                sources: [Source("NEAR", km: 5), Source("MID", km: 50, new: midStock), Source("FAR", km: 100, new: farStock)],
                sites: [StrategyFixtures.CustomerSite("S", region: 0)],
                regions: [Region(id: "north", aslPriority: [2, 1])])
        }
        var h = StrategyHarness(network(farStock: 1, midStock: 1))
        let plan = try h.route("asl-priority", [], h.order())
        #expect(h.sources(plan) == ["FAR"])
        #expect(plan.reason == .aslPriority)
        h = StrategyHarness(network(farStock: 0, midStock: 1))
        #expect(h.sources(try h.route("asl-priority", [], h.order())) == ["MID"])
        h = StrategyHarness(network(farStock: 0, midStock: 0))
        let fallback = try h.route("asl-priority", [], h.order())
        #expect(h.sources(fallback) == ["NEAR"])
        #expect(fallback.reason == .nearestWithStock)
        let waits = try h.route("asl-priority", [("fallback", "backorder")], h.order())
        #expect(waits.lines.isEmpty)
        #expect(h.backorderAt(waits) == "FAR")
    }

    @Test func excessFirstDrawsDownStockAboveTarget() throws {
        // FAR holds 5 against a target of 2 (excess 3); NEAR is at its target.
        let network = StrategyFixtures.star(sources: [Source("NEAR", km: 5), Source("FAR", km: 100, new: 5, target: 2)])
        let h = StrategyHarness(network)
        let plan = try h.route("excess-first", [], h.order())
        #expect(h.sources(plan) == ["FAR"])
        #expect(plan.reason == .excessMeetsSLA)
        #expect(h.sources(try h.route("excess-first", [("margin", "3")], h.order())) == ["NEAR"])
        #expect(h.sources(try h.route("sla-then-cost", [], h.order())) == ["NEAR"])
        // Excess that cannot make the SLA does not count.
        #expect(h.sources(try h.route("excess-first", [], h.order(slaHours: 2))) == ["NEAR"])
    }

    @Test func refurbFirstUsesRefurbishedOnlyWhereAllowed() throws {
        func network(contractAllows: Bool, partAllows: Bool = true) -> Network {
            StrategyFixtures.star(
                sources: [Source("NEAR", km: 5, new: 1), Source("FAR", km: 100, new: 0, refurbished: 1)],
                contracts: [Contract(id: "std", sla: .hours(24), refurbishedAllowed: contractAllows)],
                part: Part(id: "P", unitCost: 100, refurbishedSubstitutes: partAllows))
        }
        var h = StrategyHarness(network(contractAllows: true))
        let refurbished = try h.route("refurb-first", [], h.order())
        #expect(refurbished.lines == [FulfilmentLine(source: 1, condition: .refurbished, mode: 0, quantity: 1)])
        #expect(refurbished.reason == .refurbishedMeetsSLA)
        #expect(h.sources(try h.route("sla-then-cost", [], h.order())) == ["NEAR"])
        for forbidden in [network(contractAllows: false), network(contractAllows: true, partAllows: false)] {
            h = StrategyHarness(forbidden)
            let plan = try h.route("refurb-first", [], h.order())
            #expect(plan.lines == [FulfilmentLine(source: 0, condition: .new, mode: 0, quantity: 1)])
        }
    }

    /// NEAR is across the border in Canada; the contract forbids cross-border fulfilment.
    @Test(arguments: StrategyRegistry.routing.map(\.name))
    func crossBorderForbiddenByContractIsNeverChosen(_ name: String) throws {
        func network(domesticStock: Int) -> Network {
            StrategyFixtures.star(sources: [Source("NEAR-CA", km: 5, country: 1), Source("FAR-US", km: 100, new: domesticStock)],
                                  contracts: [Contract(id: "std", sla: .hours(24), crossBorderAllowed: false)])
        }
        var h = StrategyHarness(network(domesticStock: 1))
        #expect(h.sources(try h.route(name, [], h.order())) == ["FAR-US"])
        h = StrategyHarness(network(domesticStock: 0))
        let plan = try h.route(name, [], h.order())
        #expect(plan.lines.isEmpty)
        #expect(h.backorderAt(plan) == "FAR-US")
    }

    @Test func weightedFollowsItsWeights() throws {
        let h = StrategyHarness(feeNetwork)
        let costOnly = [("slack", "0"), ("cost", "1"), ("stock", "0"), ("asl", "0")]
        #expect(h.sources(try h.route("weighted", costOnly, h.order())) == ["FAR"])
        let distanceOnly = [("slack", "0"), ("cost", "0"), ("stock", "0"), ("asl", "0"), ("distance", "1")]
        #expect(h.sources(try h.route("weighted", distanceOnly, h.order())) == ["NEAR"])
        #expect(try h.route("weighted", costOnly, h.order()).reason == .bestScore)
    }

    /// NEAR's last unit covers heavy local demand over a 240 h lead time; FAR has no local demand.
    /// sla-then-cost takes NEAR's last unit (cheaper); risk-aware protects it.
    @Test func riskAwarePaysToKeepAThinLocationStocked() throws {
        let network = StrategyFixtures.star(
            sources: [Source("NEAR", km: 5, leadTimeHours: 240), Source("FAR", km: 100, new: 5, target: 5)],
            sites: [StrategyFixtures.CustomerSite("S"), StrategyFixtures.CustomerSite("FAR-SITE", km: 200, weight: 0)],
            contracts: [Contract(id: "std", sla: .hours(24), penaltyPerBreach: 1000)], ordersPerDay: 5)
        let h = StrategyHarness(network)
        #expect(h.sources(try h.route("sla-then-cost", [], h.order())) == ["NEAR"])
        let plan = try h.route("risk-aware", [], h.order())
        #expect(h.sources(plan) == ["FAR"])
        #expect(plan.reason == .lowestRisk)
        #expect(h.sources(try h.route("risk-aware", [("penalty", "0")], h.order())) == ["NEAR"])
    }

    /// Expected shortfall of Poisson(2) demand, by hand: E[(D−1)+] = m − 1 + P(0) = 1 + e⁻²,
    /// E[(D−2)+] = m − 2 + 2P(0) + P(1) = 4e⁻², E[(D+1)+] = m + 1 = 3.
    @Test func expectedShortfallMatchesHandComputedPoissonValues() {
        let e2 = exp(-2.0)
        #expect(abs(RiskModel.expectedShortfall(units: 1, mean: 2) - (1 + e2)) < 1e-12)
        #expect(abs(RiskModel.expectedShortfall(units: 2, mean: 2) - 4 * e2) < 1e-12)
        #expect(RiskModel.expectedShortfall(units: -1, mean: 2) == 3)
        #expect(RiskModel.expectedShortfall(units: 3, mean: 0) == 0)
        // Taking one of 2 raises the expected shortfall by P(D ≥ 2) = 1 − 3e⁻²; taking 3, by 3 − 4e⁻².
        #expect(abs(RiskModel.marginalShortfall(position: 2, quantity: 1, mean: 2) - (1 - 3 * e2)) < 1e-12)
        #expect(abs(RiskModel.marginalShortfall(position: 2, quantity: 3, mean: 2) - (3 - 4 * e2)) < 1e-12)
    }

    /// The future penalty against a hand computation. NEAR holds 2 new + 1 refurbished (IP 3,
    /// new position 2), lead time 9.6 h; 10 orders a day split evenly between GOLD (accepts
    /// refurbished; 100 per breach + 10/h) and PLAT (new only; 500 + 50/h), so each class has lead-time
    /// mean m = 5/24 × 9.6 = 2. Prices at a wait of the lead time: gold 100 + 96 = 196, platinum
    /// 500 + 480 = 980. A new unit costs 196·P(D ≥ 3) + 980·P(D ≥ 2); a refurbished one, only the first.
    @Test func futurePenaltyPricesEachDemandClassAtItsPositionAndContract() {
        let network = StrategyFixtures.star(
            sources: [Source("NEAR", km: 5, new: 2, refurbished: 1, target: 3, leadTimeHours: 9.6)],
            sites: [StrategyFixtures.CustomerSite("GOLD", contract: 0), StrategyFixtures.CustomerSite("PLAT", km: 1, contract: 1)],
            contracts: [Contract(id: "gold", sla: .hours(24), penaltyPerBreach: 100, penaltyPerLateHour: 10),
                        Contract(id: "plat", sla: .hours(4), penaltyPerBreach: 500, penaltyPerLateHour: 50,
                                 refurbishedAllowed: false)],
            ordersPerDay: 10)
        let h = StrategyHarness(network)
        let model = RiskModel(network: network)
        #expect(abs(model.acceptingDemand[0] - 2) < 1e-12 && abs(model.newOnlyDemand[0] - 2) < 1e-12)
        #expect(abs(model.acceptingPenalty[0] - 196) < 1e-9 && abs(model.newOnlyPenalty[0] - 980) < 1e-9)
        let e2 = exp(-2.0)
        let gold = 196 * (1 - 5 * e2), platinum = 980 * (1 - 3 * e2)
        #expect(abs(model.futurePenalty(slot: 0, quantity: 1, condition: .new, state: h.state) - (gold + platinum)) < 1e-9)
        #expect(abs(model.futurePenalty(slot: 0, quantity: 1, condition: .refurbished, state: h.state) - gold) < 1e-9)
        // A flat price replaces both contract prices; a chosen wait replaces the lead time.
        #expect(RiskModel(network: network, flatPenalty: 7).newOnlyPenalty[0] == 7)
        #expect(abs(RiskModel(network: network, waitHours: 100).newOnlyPenalty[0] - 5500) < 1e-9)
    }

    /// When no source meets the SLA, risk-aware weighs the order's own late penalty against the
    /// future penalty: NEAR (thin, heavy local demand) is 1 h later than FAR; FAR wins. With
    /// an SLA NEAR alone meets, NEAR wins however thin it is, unless late=true.
    @Test func riskAwareWeighsOwnLatenessAgainstDepletion() throws {
        let network = StrategyFixtures.star(
            sources: [Source("NEAR", km: 5, leadTimeHours: 240), Source("FAR", km: 65, new: 5, target: 5)],
            sites: [StrategyFixtures.CustomerSite("S"), StrategyFixtures.CustomerSite("FAR-SITE", km: 200, weight: 0)],
            contracts: [Contract(id: "std", sla: .hours(24), penaltyPerBreach: 1000, penaltyPerLateHour: 10)], ordersPerDay: 5)
        let h = StrategyHarness(network)
        // Neither meets a 0.5 h SLA; FAR is late by 1.58 h against NEAR's 0.58 h: 10 more, far below 1000 × P(D ≥ 1).
        #expect(h.sources(try h.route("risk-aware", [], h.order(slaHours: 0.5))) == ["FAR"])
        // Only NEAR meets 1.5 h: with late=true FAR's lateness (1000 + 0.58 × 10) is below NEAR's risk ≈ 3400.
        #expect(h.sources(try h.route("risk-aware", [], h.order(slaHours: 1.5))) == ["NEAR"])
        #expect(h.sources(try h.route("risk-aware", [("late", "true")], h.order(slaHours: 1.5))) == ["FAR"])
    }

    /// Orders that accept refurbished units take them first; platinum-like orders never do.
    @Test func riskAwareShipsRefurbishedFirstWhereAccepted() throws {
        let network = StrategyFixtures.star(
            sources: [Source("NEAR", km: 5, new: 1, refurbished: 1, target: 2)],
            sites: [StrategyFixtures.CustomerSite("S", contract: 0), StrategyFixtures.CustomerSite("P", km: 1, contract: 1)],
            contracts: [Contract(id: "std", sla: .hours(24), penaltyPerBreach: 100),
                        Contract(id: "plat", sla: .hours(24), penaltyPerBreach: 100, refurbishedAllowed: false)])
        let h = StrategyHarness(network)
        #expect(try h.route("risk-aware", [], h.order()).lines.map(\.condition) == [.refurbished])
        #expect(try h.route("risk-aware", [("refurbished", "false")], h.order()).lines.map(\.condition) == [.new])
        #expect(try h.route("risk-aware", [], h.order(site: 1)).lines.map(\.condition) == [.new])
    }

    @Test func ruleChainFiltersThenRanksWithTiesPassedOn() throws {
        // NEAR (5 km, 3PL fee 500) and FAR (20 km): ETA scores differ by 0.0094.
        let network = StrategyFixtures.star(sources: [Source("NEAR", km: 5, handlingFee: 500), Source("FAR", km: 20)])
        let h = StrategyHarness(network)
        let tied = try h.route("rule-chain", [("criteria", "eta+cost")], h.order())
        #expect(h.sources(tied) == ["FAR"])
        #expect(tied.reason == .ruleChain)
        #expect(h.sources(try h.route("rule-chain", [("criteria", "eta+cost"), ("tie", "0")], h.order())) == ["NEAR"])
        let cutoff = StrategyHarness(StrategyFixtures.star(sources: [Source("NEAR", km: 5, cutoffHour: 9), Source("FAR", km: 100)]))
        let rule = [("filters", "no_stock+misses_sla"), ("criteria", "cost")]
        #expect(cutoff.sources(try cutoff.route("rule-chain", rule, cutoff.order(slaHours: 4))) == ["FAR"])
        #expect(cutoff.sources(try cutoff.route("rule-chain", [("criteria", "cost")], cutoff.order(slaHours: 4))) == ["NEAR"])
    }

    @Test func ruleChainConditionAndWaitingForThePreferredSource() throws {
        let mixed = StrategyHarness(StrategyFixtures.star(sources: [Source("NEAR", km: 5, new: 1, refurbished: 1)]))
        #expect(try mixed.route("rule-chain", [("criteria", "condition")], mixed.order()).lines.map(\.condition) == [.refurbished])
        #expect(try mixed.route("rule-chain", [("filters", "no_stock+refurbished"), ("criteria", "condition")], mixed.order())
            .lines.map(\.condition) == [.new])
        // FAR is primary on the ASL list but empty: without no_stock the chain waits there.
        let listed = StrategyHarness(StrategyFixtures.star(
            sources: [Source("NEAR", km: 5), Source("FAR", km: 100, new: 0)],
            sites: [StrategyFixtures.CustomerSite("S", region: 0)], regions: [Region(id: "north", aslPriority: [1, 0])]))
        let waits = try listed.route("rule-chain", [("filters", ""), ("criteria", "asl_rank")], listed.order())
        #expect(waits.lines.isEmpty)
        #expect(listed.backorderAt(waits) == "FAR")
        // Everything filtered out: backorder at the nearest stocking location.
        let none = try listed.route("rule-chain", [("filters", "no_stock+not_on_asl+misses_sla")], listed.order(slaHours: 1))
        #expect(none.lines.isEmpty)
        #expect(listed.backorderAt(none) == "NEAR")
        #expect(none.reason == .noStockBackordered)
    }
}
