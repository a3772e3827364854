import Foundation
import FSLKernel
import FSLNetwork
import Testing

/// The annotated example in docs/scenario-format.md must load, so the page stays true to the code.
@Suite struct ScenarioFormatDocTests {
    @Test func annotatedExampleLoads() throws {
        let page = BundledScenarioTests.scenarioDirectory.deletingLastPathComponent()
            .appendingPathComponent("docs/scenario-format.md")
        let text = try String(contentsOf: page, encoding: .utf8)
        let block = try #require(text.components(separatedBy: "```jsonc\n").dropFirst().first?
            .components(separatedBy: "```").first)
        let json = block.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.range(of: "  // ").map { String(line[..<$0.lowerBound]) } ?? String(line)
        }.joined(separator: "\n")
        do {
            let network = try ScenarioLoader.load(data: Data(json.utf8), file: "scenario-format.md")
            #expect(network.parts[1].supersededBy == 0)
            #expect(network.locations[1].calendar.cutoffHours == [nil, 21])
            #expect(network.stockSlots.count == 4)
        } catch {
            Issue.record("\(error)")
        }
    }
}
