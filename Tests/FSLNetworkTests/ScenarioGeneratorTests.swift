import Foundation
import FSLKernel
import FSLNetwork
import Testing

/// The scenario generator: its output loads cleanly, has the requested shape and rate, and
/// depends only on the size and seed.
@Suite struct ScenarioGeneratorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var preset: ScenarioGenerator.Preset
        var size: ScenarioGenerator.Size
        var testDescription: String { "\(preset.rawValue) F=\(size.fsls) P=\(size.parts) C=\(size.sites) R=\(size.ordersPerDay)" }
    }

    static let cases: [Case] = [
        Case(preset: .benchV1, size: .init()),
        Case(preset: .benchV1, size: .init(fsls: 1, parts: 1, sites: 1, ordersPerDay: 0.5, seed: 9, demandSigma: 0)),
        Case(preset: .benchV1, size: .init(fsls: 7, parts: 130, sites: 33, ordersPerDay: 20_000, seed: 42, horizonDays: 30)),
        Case(preset: .synthetic, size: .init(fsls: 12, parts: 60, sites: 90, ordersPerDay: 300, seed: 5)),
        Case(preset: .synthetic, size: .init(fsls: 1, parts: 1, sites: 1, ordersPerDay: 1, seed: 0)),
    ]

    static func load(_ scenario: JSONValue) throws -> Network {
        // Through the text form, as the command line writes it.
        try ScenarioLoader.load(data: Data(ScenarioGenerator.text(scenario).utf8), file: "generated.json")
    }

    @Test(arguments: cases)
    func loadsWithTheRequestedShape(_ test: Case) throws {
        let network = try Self.load(ScenarioGenerator.generate(test.preset, size: test.size))
        #expect(network.locations.filter { $0.kind == .fsl }.count == test.size.fsls)
        #expect(network.parts.count == test.size.parts)
        #expect(network.sites.count == test.size.sites)
        #expect(abs(network.totalOrdersPerDay - test.size.ordersPerDay) <= 1e-9 * test.size.ordersPerDay)
        #expect(network.horizonHours == test.size.horizonDays * 24)
        #expect(network.masterSeed == test.size.seed)
        #expect(network.routing.name == "nearest" && network.allocation.name == "fcfs")
        // Every FSL stocks every part (plus the DC's slots in the synthetic preset).
        let extra = test.preset == .synthetic ? test.size.parts : 0
        #expect(network.stockSlots.count == test.size.fsls * test.size.parts + extra)
    }

    @Test func benchV1MatchesTheReferenceModel() throws {
        let size = ScenarioGenerator.Size(fsls: 10, parts: 50, sites: 60, ordersPerDay: 400, seed: 3)
        let network = try Self.load(ScenarioGenerator.generate(.benchV1, size: size))
        #expect(network.modes.count == 1 && network.modes[0].dispatch == .immediate)
        #expect(network.modes[0].transitHours(km: 120) == 4)
        #expect(network.contracts.count == 1 && network.contracts[0].sla == .hours(24))
        #expect(network.warmupHours == 0)
        for site in network.sites {
            #expect(ScenarioGenerator.benchV1Latitudes.contains(site.latitude))
            #expect(ScenarioGenerator.benchV1Longitudes.contains(site.longitude))
        }
        // Base stock: smallest S with Poisson CDF ≥ 0.9 at local demand × 72 h; total demand is
        // split over the sites equally, each site's demand going to its nearest FSL.
        let family = try #require(network.demand.first)
        #expect(Set(family.siteWeights).count == 1)
        let partTotal = family.partWeights.reduce(0, +)
        var localSites = Array(repeating: 0, count: network.locations.count)
        for site in network.sites.indices {
            let nearest = network.locations.indices.min {
                (network.distanceKm(site: site, location: $0), $0) < (network.distanceKm(site: site, location: $1), $1)
            }!
            localSites[nearest] += 1
        }
        for slot in network.stockSlots {
            let weight = family.partWeights[family.parts.firstIndex(of: slot.part)!]
            let mean = 400.0 / 24 * weight / partTotal * Double(localSites[slot.location]) / 60 * 72
            var term = exp(-mean), cdf = term, s = 0
            while cdf < 0.9 - 1e-12 { s += 1; term *= mean / Double(s); cdf += term }
            guard case .baseStock(let target) = slot.policy else { Issue.record("not base stock"); continue }
            #expect(abs(target - s) <= 1, "slot \(slot.location)/\(slot.part): S = \(target), theory \(s)")
            #expect(slot.source == .unlimited)
            #expect(slot.leadTime == .lognormal(mean: 72, cv: 0.5))
        }
    }

    @Test(arguments: ScenarioGenerator.Preset.allCases)
    func deterministicForASeed(_ preset: ScenarioGenerator.Preset) {
        let size = ScenarioGenerator.Size(fsls: 5, parts: 40, sites: 30, ordersPerDay: 100, seed: 11)
        let first = ScenarioGenerator.text(ScenarioGenerator.generate(preset, size: size))
        #expect(first == ScenarioGenerator.text(ScenarioGenerator.generate(preset, size: size)))
        var other = size
        other.seed = 12
        #expect(first != ScenarioGenerator.text(ScenarioGenerator.generate(preset, size: other)))
    }

    @Test func partRatesSpreadLognormally() throws {
        let size = ScenarioGenerator.Size(fsls: 2, parts: 4000, sites: 3, ordersPerDay: 1000, seed: 1, demandSigma: 1)
        let network = try Self.load(ScenarioGenerator.generate(.benchV1, size: size))
        let logs = try #require(network.demand.first).partWeights.map { log($0) }
        let mean = logs.reduce(0, +) / Double(logs.count)
        let sd = (logs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(logs.count - 1)).squareRoot()
        // log weights ~ N(0, 1): mean within 4 standard errors of 0, sd within 4 standard errors of 1.
        #expect(abs(mean) < 4 / Double(logs.count).squareRoot())
        #expect(abs(sd - 1) < 4 / (2 * Double(logs.count)).squareRoot())
    }
}
