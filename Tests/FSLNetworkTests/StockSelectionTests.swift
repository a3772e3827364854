import Foundation
import FSLKernel
import FSLNetwork
import Testing

/// One base-stock sizing case with its answer worked out by hand from the Poisson CDF.
struct FillTargetCase: Sendable, CustomTestStringConvertible {
    var ordersPerDay: Double
    var unitsPerOrder: Int
    var leadTimeHours: Double
    var fillTarget: Double
    /// The smallest S with P(N ≤ S) ≥ target for N ~ Poisson(units per day × lead time in days).
    var expectedS: Int

    var testDescription: String {
        "\(ordersPerDay)/day × \(unitsPerOrder) over \(leadTimeHours) h at \(fillTarget) → S = \(expectedS)"
    }
}

@Suite struct StockSelectionTests {
    /// One FSL, one site, one part: all demand is the FSL's local demand.
    static func singleSiteScenario(_ c: FillTargetCase) -> String {
        #"""
        {
          "clock": {"start": "2026-01-05T00:00:00Z", "horizon_days": 60},
          "shipping_modes": [{"id": "courier", "speed_kmh": 60}],
          "locations": [{"id": "DAL", "type": "fsl", "latitude": 32.78, "longitude": -96.81, "country": "US",
                         "time_zone": "America/Chicago"}],
          "parts": [{"id": "P1", "unit_cost": 100}],
          "stock": [{"locations": ["DAL"], "parts": "*", "policy": {"base_stock": {"fill_target": \#(c.fillTarget)}},
                     "lead_time": {"deterministic": \#(c.leadTimeHours)}}],
          "contracts": [{"id": "gold", "sla": {"hours": 4}}],
          "sites": [{"id": "S1", "latitude": 32.73, "longitude": -97.32, "country": "US", "contract": "gold"}],
          "demand": [{"sites": "*", "parts": "*", "orders_per_day": \#(c.ordersPerDay), "quantity": \#(c.unitsPerOrder)}]
        }
        """#
    }

    // Poisson(6) CDF: P(≤5) = 0.4457, P(≤6) = 0.6063, P(≤8) = 0.8472, P(≤9) = 0.9161, P(≤10) = 0.9574.
    // Poisson(1) CDF: P(≤0) = 0.3679, P(≤1) = 0.7358, P(≤2) = 0.9197, P(≤3) = 0.9810, P(≤4) = 0.9963.
    // Poisson(2) CDF: P(≤3) = 0.8571, P(≤4) = 0.9473, P(≤5) = 0.9834.
    static let fillTargetCases: [FillTargetCase] = [
        .init(ordersPerDay: 2, unitsPerOrder: 1, leadTimeHours: 72, fillTarget: 0.5, expectedS: 6),
        .init(ordersPerDay: 2, unitsPerOrder: 1, leadTimeHours: 72, fillTarget: 0.9, expectedS: 9),
        .init(ordersPerDay: 2, unitsPerOrder: 1, leadTimeHours: 72, fillTarget: 0.95, expectedS: 10),
        .init(ordersPerDay: 1, unitsPerOrder: 1, leadTimeHours: 24, fillTarget: 0.3, expectedS: 0),
        .init(ordersPerDay: 1, unitsPerOrder: 1, leadTimeHours: 24, fillTarget: 0.9, expectedS: 2),
        .init(ordersPerDay: 1, unitsPerOrder: 1, leadTimeHours: 24, fillTarget: 0.99, expectedS: 4),
        .init(ordersPerDay: 1, unitsPerOrder: 2, leadTimeHours: 24, fillTarget: 0.95, expectedS: 5),
    ]

    @Test(arguments: fillTargetCases)
    func fillTargetSizesBaseStockAtThePoissonQuantile(_ c: FillTargetCase) throws {
        let network = try ScenarioLoader.load(data: Data(Self.singleSiteScenario(c).utf8), file: "single.json")
        let slot = try #require(network.slot(location: 0, part: 0))
        #expect(network.stockSlots[slot].policy == .baseStock(target: c.expectedS))
        #expect(network.stockSlots[slot].initialNew == c.expectedS)
        #expect(network.stockSlots[slot].source == .unlimited)
    }

    /// In the compact fixture each site is nearest one FSL: Fort Worth → DAL, Ottawa → TOR. Each
    /// gets 2 orders/day, split P1 : P2 : P3 = 2 : 1 : 1, over a 48-hour mean lead time:
    /// P1 Poisson(2) → S = 4 at 0.9; P2 and P3 Poisson(1) → S = 2.
    @Test func fillTargetUsesDemandOfTheNearestSelectedLocation() throws {
        let network = try ScenarioFixtures.network()
        for fsl in ["DAL", "TOR"] {
            let location = try #require(network.locations.firstIndex { $0.id == fsl })
            let levels = try (0..<3).map { part in
                network.stockSlots[try #require(network.slot(location: location, part: part))].policy
            }
            #expect(levels == [.baseStock(target: 4), .baseStock(target: 2), .baseStock(target: 2)], "at \(fsl)")
        }
    }

    @Test func typeSelectorPicksOnlyThatKind() throws {
        let network = try ScenarioFixtures.network()
        let dc = try #require(network.locations.firstIndex { $0.kind == .centralDC })
        let supplier = try #require(network.suppliers.firstIndex { $0.id == "OEM" })
        for part in network.parts.indices {
            let slot = network.stockSlots[try #require(network.slot(location: dc, part: part))]
            #expect(slot.policy == .reorderPoint(s: 4, S: 12))
            #expect(slot.source == .supplier(supplier))
            #expect(slot.leadTime == network.suppliers[supplier].leadTime, "a supplier's lead time is the default")
        }
        #expect(network.stockSlots.count == 3 * 3)
        let fsls = network.stockSlots.filter { network.locations[$0.location].kind == .fsl }
        #expect(fsls.count == 2 * 3)
        #expect(fsls.allSatisfy { $0.source == .location(dc) })
    }

    @Test func laterStockEntriesOverrideEarlierOnes() throws {
        let network = try ScenarioFixtures.network(after: [
            .append("stock", #"{"locations": ["DAL"], "parts": ["P2"], "policy": {"min_max": {"min": 1, "max": 3}}, "source": "OEM", "initial": {"new": 0, "refurbished": 2}}"#),
        ])
        #expect(network.stockSlots.count == 9)
        let slot = network.stockSlots[try #require(network.slot(location: 0, part: 1))]
        #expect(slot.policy == .minMax(min: 1, max: 3))
        #expect(slot.source == .supplier(0))
        #expect(slot.initialNew == 0)
        #expect(slot.initialRefurbished == 2)
        let untouched = network.stockSlots[try #require(network.slot(location: 0, part: 0))]
        #expect(untouched.policy == .baseStock(target: 4))
    }

    @Test func notStockedRemovesAnEntryWithoutALeadTime() throws {
        let network = try ScenarioFixtures.network(after: [
            .append("stock", #"{"locations": ["TOR"], "parts": ["P2", "P3"], "policy": "not_stocked"}"#),
        ])
        #expect(network.stockSlots.count == 7)
        #expect(network.slot(location: 1, part: 1) == nil)
        #expect(network.slot(location: 1, part: 2) == nil)
        #expect(network.slot(location: 1, part: 0) != nil)
    }

    @Test func partRemovedAndAddedAgainHasOneSlot() throws {
        let network = try ScenarioFixtures.network(after: [
            .append("stock", #"{"locations": ["TOR"], "parts": ["P2"], "policy": "not_stocked"}"#),
            .append("stock", #"{"locations": ["TOR"], "parts": ["P2"], "policy": {"base_stock": 5}, "source": "MEM", "lead_time": 24}"#),
        ])
        #expect(network.stockSlots.count == 9)
        let atTOR = network.stockSlots.filter { $0.location == 1 && $0.part == 1 }
        #expect(atTOR.count == 1)
        #expect(atTOR.first?.policy == .baseStock(target: 5))
    }

    @Test func demandFromWeightedSelectionKeepsTheWeights() throws {
        let network = try ScenarioFixtures.network()
        let stream = try #require(network.demand.first)
        #expect(stream.parts == [0, 1, 2])
        #expect(stream.partWeights == [2, 1, 1])
        #expect(stream.sites == [0, 1])
        #expect(abs(stream.ordersPerDay(siteSlot: 0, partSlot: 0) - 1) < 1e-12)
    }

    @Test func referenceToARejectedLocationIsNotMisreportedAsUnknown() {
        let issues = ScenarioFixtures.issues(after: [.set("locations[1].time_zone", #""Canada/Nowhere""#)])
        #expect(issues.map(\.path) == ["locations[1].time_zone"])
    }
}
