import Testing
import FSLNetwork
import FSLStrategies
import TestSupport

/// The registry: unique names, every entry buildable with its defaults, and every user error
/// rejected with a message that says what to write instead.
@Suite struct StrategyRegistryTests {
    let network = AllocationStrategyTests.regionNetwork()

    @Test func namesAreUniqueAndEveryEntryIsDescribed() {
        for names in [StrategyRegistry.routing.map(\.name), StrategyRegistry.allocation.map(\.name)] {
            #expect(Set(names).count == names.count, "duplicate in \(names)")
        }
        #expect(StrategyRegistry.routing.count == 9)
        #expect(StrategyRegistry.allocation.count == 5)
        for entry in StrategyRegistry.routing { #expect(!entry.summary.isEmpty, "\(entry.name)") }
        for entry in StrategyRegistry.allocation { #expect(!entry.summary.isEmpty, "\(entry.name)") }
    }

    @Test func everyEntryBuildsWithItsDefaults() throws {
        for entry in StrategyRegistry.routing {
            try StrategyRegistry.validate(routing: StrategyChoice(name: entry.name), network: network)
            // Each default, given explicitly, validates too.
            let explicit = entry.parameters.map { (key: $0.name, value: $0.defaultValue) }
            try StrategyRegistry.validate(routing: StrategyChoice(name: entry.name, parameters: explicit), network: network)
        }
        for entry in StrategyRegistry.allocation {
            let explicit = entry.parameters.map { (key: $0.name, value: $0.defaultValue) }
            try StrategyRegistry.validate(allocation: StrategyChoice(name: entry.name, parameters: explicit), network: network)
        }
    }

    struct BadChoice: Sendable, CustomTestStringConvertible {
        var isRouting: Bool
        var name: String
        var parameters: [String: String]
        var expected: String
        var testDescription: String { "\(name) \(parameters)" }
    }

    static let badChoices: [BadChoice] = [
        BadChoice(isRouting: true, name: "cheapst", parameters: [:], expected: "did you mean \"cheapest\""),
        BadChoice(isRouting: false, name: "tier-priorty", parameters: [:], expected: "did you mean \"tier-priority\""),
        BadChoice(isRouting: true, name: "sla-then-cost", parameters: ["splt": "true"], expected: "did you mean \"split\""),
        BadChoice(isRouting: true, name: "sla-then-cost", parameters: ["split": "yes"], expected: "must be true or false"),
        BadChoice(isRouting: true, name: "asl-priority", parameters: ["fallback": "nearst"], expected: "did you mean \"nearest\""),
        BadChoice(isRouting: true, name: "rule-chain", parameters: ["filters": "no_stock+misses_sal"], expected: "did you mean \"misses_sla\""),
        BadChoice(isRouting: true, name: "rule-chain", parameters: ["criteria": "eta+costs"], expected: "did you mean \"cost\""),
        BadChoice(isRouting: true, name: "weighted", parameters: ["slack": "-1"], expected: "must be a number in 0.0...1000.0"),
        BadChoice(isRouting: true, name: "risk-aware", parameters: ["penalty": "lots"], expected: "must be auto or a number"),
        BadChoice(isRouting: false, name: "fair-share", parameters: ["shares": "nrth:2+south:1"], expected: "did you mean \"north\""),
        BadChoice(isRouting: false, name: "fair-share", parameters: ["shares": "north:0"], expected: "positive number"),
        BadChoice(isRouting: false, name: "fair-share", parameters: ["shares": "north"], expected: "is not region:weight"),
        BadChoice(isRouting: false, name: "fair-share", parameters: ["shares": "north:1+north:2"], expected: "twice"),
        BadChoice(isRouting: false, name: "tier-priority", parameters: ["reserve": "-2"], expected: "whole number"),
    ]

    @Test(arguments: badChoices)
    func badChoicesThrowWithASuggestion(_ bad: BadChoice) {
        let choice = StrategyChoice(name: bad.name, parameters: bad.parameters.map { (key: $0.key, value: $0.value) })
        do {
            if bad.isRouting {
                try StrategyRegistry.validate(routing: choice, network: network)
            } else {
                try StrategyRegistry.validate(allocation: choice, network: network)
            }
            Issue.record("\(choice) was accepted")
        } catch {
            #expect(error.message.contains(bad.expected), "\(error.message)")
        }
    }
}
