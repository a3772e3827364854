import Foundation
import FSLKernel
import FSLNetwork
import Testing

/// Each bundled scenario has the shape its description promises.
@Suite struct BundledScenarioShapeTests {
    static func load(_ name: String) throws -> Network {
        try ScenarioLoader.load(path: BundledScenarioTests.scenarioDirectory.appendingPathComponent(name).path)
    }

    @Test func usNational() throws {
        let network = try Self.load("us-national.json")
        #expect(network.locations.filter { $0.kind == .fsl }.count == 40)
        #expect(network.locations.filter { $0.kind == .hub }.count == 2)
        #expect(network.locations.filter { $0.kind == .centralDC }.count == 1)
        #expect(network.locations.filter { $0.thirdParty != nil }.count >= 5)
        #expect(network.parts.count == 500)
        #expect(network.sites.count == 150)
        #expect(network.contracts.map(\.id) == ["platinum", "gold", "silver"])
        #expect(network.contracts[0].sla == .hours(4))
        #expect(network.horizonHours == 365 * 24 && network.warmupHours == 30 * 24 && network.replications == 10)
        #expect(network.regions.allSatisfy { $0.aslPriority.count == 3 })
        // Sites in the Eastern, Central, Mountain and Pacific zones (by UTC offset in January).
        let offsets = Set(network.sites.map { $0.clock.offset(at: 0) })
        #expect(offsets == [-5, -6, -7, -8])
        let dc = try #require(network.locations.firstIndex { $0.kind == .centralDC })
        let fslSlots = network.stockSlots.filter { network.locations[$0.location].kind == .fsl }
        #expect(fslSlots.allSatisfy { $0.source == .location(dc) })
        let dcSlots = network.stockSlots.filter { $0.location == dc }
        #expect(dcSlots.count == 500)
        #expect(dcSlots.allSatisfy { if case .reorderPoint = $0.policy, case .supplier = $0.source { true } else { false } })
    }

    @Test func europeCrossBorder() throws {
        let network = try Self.load("europe-cross-border.json")
        #expect(network.locations.filter { $0.kind == .fsl }.count == 12)
        #expect(network.parts.count == 100)
        #expect(Set(network.sites.map(\.country)).count >= 10)
        #expect(Set(network.sites.map { $0.clock.offset(at: 0) }).count >= 3)
        let country = { (code: String) in network.countries.firstIndex(of: code)! }
        let (gb, ch, de, fr) = (country("GB"), country("CH"), country("DE"), country("FR"))
        #expect(network.crossBorderRule(from: de, to: fr).customsDelay == nil)
        #expect(network.crossBorderRule(from: de, to: fr).isAllowed)
        for (a, b) in [(gb, de), (de, gb), (ch, fr), (fr, ch), (gb, ch)] {
            let rule = network.crossBorderRule(from: a, to: b)
            #expect(rule.isAllowed && rule.customsDelay != nil && rule.brokerageFee > 0)
        }
        #expect(network.contracts.contains { !$0.crossBorderAllowed })
        let repair = try #require(network.repair)
        #expect(network.locations[repair.depot].kind == .repairDepot)
        #expect(network.locations[repair.destination].kind == .centralDC)
    }

    @Test func scarceSupply() throws {
        let network = try Self.load("scarce-supply.json")
        #expect(network.locations.filter { $0.kind == .fsl }.count == 5)
        #expect(network.parts.count == 20)
        #expect(network.horizonHours == 180 * 24)
        let capacity = try #require(network.suppliers.first?.capacityPerWeek)
        let stream = try #require(network.demand.first)
        for slot in stream.parts.indices {
            let unitsPerWeek = 7 * stream.sites.indices.map { stream.ordersPerDay(siteSlot: $0, partSlot: slot) }.reduce(0, +)
            #expect(unitsPerWeek > capacity, "part \(network.parts[stream.parts[slot]].id)")
        }
        let penalties = network.contracts.map(\.penaltyPerBreach).sorted()
        #expect(penalties.count == 3 && penalties[1] >= 10 * penalties[0] && penalties[2] >= 10 * penalties[1])
    }
}
