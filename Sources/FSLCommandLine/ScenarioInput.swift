import FSLKernel
import FSLNetwork
import FSLStrategies

/// Loading scenarios and strategies for commands, with errors mapped to exit codes.
enum ScenarioInput {
    /// Loads and validates a scenario file; every problem is listed in the error.
    static func load(_ path: String) throws(CommandError) -> Network {
        do {
            return try ScenarioLoader.load(path: path)
        } catch {
            let count = error.issues.count
            throw .dataError("\(error.description)\n\(count) problem\(count == 1 ? "" : "s") in \(path); fix \(count == 1 ? "it" : "them") and run `fslsim validate \(path)` again")
        }
    }

    /// Checks the strategies a scenario names by default (a bad one is bad input data).
    static func checkDefaults(of network: Network) throws(CommandError) {
        do {
            _ = try StrategyRegistry.makeRouting(network.routing, network: network)
            _ = try StrategyRegistry.makeAllocation(network.allocation, network: network)
        } catch {
            throw .dataError("\(network.file): routing/allocation: \(error.message)")
        }
        for (kind, variants, names) in [("routing", network.routingVariants, StrategyRegistry.routing.map(\.name)),
                                        ("allocation", network.allocationVariants, StrategyRegistry.allocation.map(\.name))] {
            for name in variants.keys.sorted() {
                if names.contains(name) {
                    throw .dataError("\(network.file): strategy_variants.\(kind).\(name): the name of a built-in strategy; choose another name")
                }
                do throws(StrategyError) {
                    if kind == "routing" { _ = try StrategyRegistry.makeRouting(variants[name]!, network: network) }
                    else { _ = try StrategyRegistry.makeAllocation(variants[name]!, network: network) }
                } catch {
                    throw .dataError("\(network.file): strategy_variants.\(kind).\(name): \(error.message)")
                }
            }
        }
    }

    /// Checks strategies given on the command line (a bad one is a usage error).
    static func check(routing: StrategyChoice, allocation: StrategyChoice, network: Network) throws(CommandError) {
        do {
            _ = try StrategyRegistry.makeRouting(routing, network: network)
            _ = try StrategyRegistry.makeAllocation(allocation, network: network)
        } catch {
            throw .usage(error.message)
        }
    }
}
