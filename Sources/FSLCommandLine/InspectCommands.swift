import FSLNetwork
import FSLStrategies

/// `fslsim validate FILE...`: `ok` or every problem, exit 65 on any.
enum ValidateCommand {
    static let help = """
        usage: fslsim validate FILE...

        Loads each scenario through the same validation every command uses; prints `FILE: ok` or
        every problem with its JSON path. Exits 65 if any file has a problem.
        """

    static func run(_ arguments: [String], console: Console) throws(CommandError) {
        let parsed = try ParsedArguments(arguments, options: [])
        guard !parsed.positionals.isEmpty else { throw .usage("validate needs at least one scenario file\n\n\(help)") }
        var failures: [String] = []
        for file in parsed.positionals {
            do {
                let network = try ScenarioInput.load(file)
                try ScenarioInput.checkDefaults(of: network)
                console.out("\(file): ok\n")
            } catch {
                failures.append(error.description)
            }
        }
        if !failures.isEmpty { throw .dataError(failures.joined(separator: "\n")) }
    }
}

/// `fslsim describe FILE`: a compact overview of a scenario.
enum DescribeCommand {
    static let help = "usage: fslsim describe FILE\n\nPrints counts of locations by type and country, parts, sites by tier, daily demand and stock value.\n"

    static func run(_ arguments: [String], console: Console) throws(CommandError) {
        let parsed = try ParsedArguments(arguments, options: [])
        guard parsed.positionals.count == 1 else { throw .usage("describe takes exactly one scenario file\n\n\(help)") }
        let network = try ScenarioInput.load(parsed.positionals[0])
        console.out(describe(network))
    }

    static func describe(_ network: Network) -> String {
        var lines = ["scenario \(network.name) (\(network.file))"]
        lines.append("horizon \(fmt(network.horizonHours / 24)) days, warm-up \(fmt(network.warmupHours / 24)) days, \(network.replications) replications, seed \(network.masterSeed)")
        for kind in LocationKind.allCases {
            let matching = network.locations.filter { $0.kind == kind }
            guard !matching.isEmpty else { continue }
            let countries = network.countries.indices.compactMap { c -> String? in
                let n = matching.filter { $0.country == c }.count
                return n > 0 ? "\(network.countries[c]) \(n)" : nil
            }
            lines.append("locations \(kind.rawValue): \(matching.count) (\(countries.joined(separator: ", ")))")
        }
        lines.append("3PL-managed locations: \(network.locations.filter { $0.thirdParty != nil }.count)")
        lines.append("parts: \(network.parts.count); ASL entries: \(network.stockSlots.count)")
        let tiers = network.contracts.indices.map { c in "\(network.contracts[c].id) \(network.sites.filter { $0.contract == c }.count)" }
        lines.append("sites: \(network.sites.count) (\(tiers.joined(separator: ", ")))")
        lines.append("demand: \(fmt(network.totalOrdersPerDay)) orders/day in \(network.demand.count) families")
        let value = network.stockSlots.reduce(0.0) {
            $0 + Double($1.initialNew + $1.initialRefurbished) * network.parts[$1.part].unitCost
        }
        lines.append("initial stock value: \(fmt(value))")
        lines.append("default strategies: routing \(network.routing), allocation \(network.allocation)")
        return lines.joined(separator: "\n") + "\n"
    }

    static func fmt(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(format: "%.2f", x) }
}

/// `fslsim strategies`: every routing and allocation strategy with its parameters.
enum StrategiesCommand {
    static func run(_ arguments: [String], console: Console) throws(CommandError) {
        _ = try ParsedArguments(arguments, options: [])
        var text = "routing strategies:\n"
        for entry in StrategyRegistry.routing {
            text += "  \(SummaryTable.pad(entry.name, 16))\(entry.summary)\n"
            for p in entry.parameters { text += "      \(p.name)=\(p.typeDescription) (default \(p.defaultValue)): \(p.summary)\n" }
        }
        text += "allocation strategies:\n"
        for entry in StrategyRegistry.allocation {
            text += "  \(SummaryTable.pad(entry.name, 16))\(entry.summary)\n"
            for p in entry.parameters { text += "      \(p.name)=\(p.typeDescription) (default \(p.defaultValue)): \(p.summary)\n" }
        }
        text += "\nUse as --routing name:key=value,key=value (or in a scenario: {\"name\": ..., \"parameters\": {...}}).\n"
        console.out(text)
    }
}

import Foundation
