import FSLNetwork

extension StrategyChoice {
    /// Parses the command-line form `name` or `name:key=value,key=value`.
    static func parse(_ text: String, flag: String) throws(CommandError) -> StrategyChoice {
        let pieces = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard let name = pieces.first, !name.isEmpty else { throw .usage("--\(flag) needs a strategy name") }
        var parameters: [(String, String)] = []
        if pieces.count == 2 {
            for pair in pieces[1].split(separator: ",") {
                let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
                guard kv.count == 2, !kv[0].isEmpty else {
                    throw .usage("--\(flag) \(text): parameters must be key=value separated by commas, e.g. \(name):split=true")
                }
                parameters.append((kv[0], kv[1]))
            }
        }
        return StrategyChoice(name: name, parameters: parameters)
    }
}

/// The routing × allocation combinations a command line asks for (`--routing`/`--allocation`,
/// repeatable), each checked against the registry; the scenario's defaults where none is given.
enum StrategyCombinations {
    static func parse(_ parsed: ParsedArguments, network: Network) throws(CommandError) -> [(StrategyChoice, StrategyChoice)] {
        var routings: [StrategyChoice] = []
        for text in parsed.all("routing") { routings.append(try StrategyChoice.parse(text, flag: "routing")) }
        var allocations: [StrategyChoice] = []
        for text in parsed.all("allocation") { allocations.append(try StrategyChoice.parse(text, flag: "allocation")) }
        if routings.isEmpty || allocations.isEmpty { try ScenarioInput.checkDefaults(of: network) }
        if routings.isEmpty { routings = [network.routing] }
        if allocations.isEmpty { allocations = [network.allocation] }
        var combinations: [(StrategyChoice, StrategyChoice)] = []
        for routing in routings {
            for allocation in allocations {
                try ScenarioInput.check(routing: routing, allocation: allocation, network: network)
                combinations.append((routing, allocation))
            }
        }
        return combinations
    }
}
