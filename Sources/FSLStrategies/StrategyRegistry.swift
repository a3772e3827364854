import FSLNetwork
import FSLSimulation

/// A routing strategy as registered: stable name, one-line description, typed parameters and a
/// factory.
public struct RoutingEntry: Sendable {
    /// Stable name used in scenario files and on the command line.
    public var name: String
    /// One-line description.
    public var summary: String
    /// Accepted parameters.
    public var parameters: [StrategyParameter]
    /// Builds the strategy for a network; throws where a parameter does not fit the network
    /// (e.g. a region name that does not exist).
    public var make: @Sendable (StrategyParameters, Network) throws(StrategyError) -> any RoutingStrategy
}

/// An allocation strategy as registered.
public struct AllocationEntry: Sendable {
    /// Stable name.
    public var name: String
    /// One-line description.
    public var summary: String
    /// Accepted parameters.
    public var parameters: [StrategyParameter]
    /// Builds the strategy for a network; throws where a parameter does not fit the network.
    public var make: @Sendable (StrategyParameters, Network) throws(StrategyError) -> any AllocationStrategy
}

/// Every strategy fslsim ships, by name. Each strategy lives in its own file and contributes
/// its entry here.
public enum StrategyRegistry {
    /// Routing strategies in listing order.
    public static let routing: [RoutingEntry] = [
        NearestRouting.entry,
        ASLPriorityRouting.entry,
        CheapestRouting.entry,
        SLAThenCostRouting.entry,
        ExcessFirstRouting.entry,
        RefurbishedFirstRouting.entry,
        WeightedRouting.entry,
        RiskAwareRouting.entry,
        RuleChainRouting.entry,
    ]

    /// Allocation strategies in listing order.
    public static let allocation: [AllocationEntry] = [
        FirstComeFirstServed.entry,
        TierPriorityAllocation.entry,
        WeightedAllocation.entry,
        PenaltyAwareAllocation.entry,
        FairShareAllocation.entry,
    ]

    /// Builds the routing strategy `choice` names.
    /// - Throws: `StrategyError` for an unknown name (with a suggestion) or a bad parameter.
    public static func makeRouting(_ choice: StrategyChoice, network: Network) throws(StrategyError) -> any RoutingStrategy {
        let (entry, parameters) = try resolve(choice, kind: "routing", entries: routing.map { ($0.name, $0.parameters, $0) },
                                              variants: network.routingVariants)
        return try entry.make(parameters, network)
    }

    /// Builds the allocation strategy `choice` names.
    public static func makeAllocation(_ choice: StrategyChoice, network: Network) throws(StrategyError) -> any AllocationStrategy {
        let (entry, parameters) = try resolve(choice, kind: "allocation", entries: allocation.map { ($0.name, $0.parameters, $0) },
                                              variants: network.allocationVariants)
        return try entry.make(parameters, network)
    }

    /// Finds the entry a choice names (through a scenario variant if it names one) and validates
    /// its parameters.
    private static func resolve<Entry>(_ choice: StrategyChoice, kind: String,
                                       entries: [(name: String, parameters: [StrategyParameter], entry: Entry)],
                                       variants: [String: StrategyChoice]) throws(StrategyError) -> (Entry, StrategyParameters) {
        var choice = choice
        if let variant = variants[choice.name] {
            guard choice.parameters.isEmpty else {
                throw StrategyError("\"\(choice.name)\" is a variant declared in the scenario; give parameters in its declaration, not on the command line")
            }
            choice = variant
        }
        guard let match = entries.first(where: { $0.name == choice.name }) else {
            let names = entries.map(\.name)
            throw StrategyError("unknown \(kind) strategy \"\(choice.name)\"\(didYouMean(choice.name, names + variants.keys.sorted())); run `fslsim strategies` to list them (\(names.joined(separator: ", ")))")
        }
        return (match.entry, try StrategyParameters.resolve(choice, declared: match.parameters))
    }

    /// Checks that a choice names a known strategy with valid parameters.
    public static func validate(routing choice: StrategyChoice, network: Network) throws(StrategyError) {
        _ = try makeRouting(choice, network: network)
    }

    /// Checks that a choice names a known allocation strategy with valid parameters.
    public static func validate(allocation choice: StrategyChoice, network: Network) throws(StrategyError) {
        _ = try makeAllocation(choice, network: network)
    }
}

/// Runs one replication with strategies chosen at run time: the existentials are opened once
/// here, so the simulation itself is specialised for the concrete strategy types.
public func simulate(network: Network, routing: any RoutingStrategy, allocation: any AllocationStrategy,
                     settings: ReplicationSettings, trace: TraceRecorder? = nil) -> ReplicationResult {
    func run<R: RoutingStrategy, A: AllocationStrategy>(_ routing: R, _ allocation: A) -> ReplicationResult {
        var simulation = Simulation(network: network, routing: routing, allocation: allocation, settings: settings,
                                    trace: trace)
        return simulation.run()
    }
    return run(routing, allocation)
}
