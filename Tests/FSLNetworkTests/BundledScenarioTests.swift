import Foundation
import Testing
import FSLNetwork

@Suite struct BundledScenarioTests {
    static let scenarioDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scenarios")

    static var bundled: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: scenarioDirectory.path)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
    }

    @Test(arguments: bundled)
    func bundledScenarioValidates(_ name: String) throws {
        let path = Self.scenarioDirectory.appendingPathComponent(name).path
        do {
            let network = try ScenarioLoader.load(path: path)
            #expect(!network.locations.isEmpty)
            #expect(!network.stockSlots.isEmpty)
            #expect(network.totalOrdersPerDay > 0)
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func demoHasTheShapeItClaims() throws {
        let network = try ScenarioLoader.load(path: Self.scenarioDirectory.appendingPathComponent("demo.json").path)
        #expect(network.locations.filter { $0.kind == .fsl }.count == 6)
        #expect(network.parts.count == 30)
        #expect(network.contracts.map(\.id) == ["platinum", "gold", "silver"])
        #expect(network.stockSlots.count == 7 * 30)
    }
}
