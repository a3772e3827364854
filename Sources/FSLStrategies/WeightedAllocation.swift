import FSLNetwork
import FSLSimulation

/// `weighted`: the waiting backorder with the highest weighted score (ties: the oldest).
///
/// Terms, each 0…1 (1 = serve first):
/// - tier: contract `priorityWeight` / the highest in the network;
/// - urgency: 1 when urgent (machine down), 0 when routine;
/// - age: `h / (h + age_scale_h)` for `h` hours waiting (½ after `age_scale_h`);
/// - region: the site's region `priorityWeight` / the highest region weight (0 outside regions);
/// - slack: `S / (S + max(0, deadline − now))` with `S = slack_scale_h` (1 when due or overdue,
///   ½ with `S` hours left), so the least remaining SLA slack goes first.
///
/// Score = Σ weightᵢ × termᵢ.
public struct WeightedAllocation: AllocationStrategy {
    /// Weights and scales of the score.
    public struct Weights: Sendable {
        /// Weight of the contract tier term.
        public var tier = 1.0
        /// Weight of the urgency term.
        public var urgency = 1.0
        /// Weight of the age term.
        public var age = 1.0
        /// Weight of the region priority term.
        public var region = 0.0
        /// Weight of the remaining-slack term.
        public var slack = 1.0
        /// Hours waiting at which the age term is ½.
        public var ageScaleHours = 24.0
        /// Hours of remaining slack at which the slack term is ½.
        public var slackScaleHours = 24.0

        /// Default weights.
        public init() {}
    }

    let weights: Weights
    let maxTierWeight: Double
    let maxRegionWeight: Double

    static let entry = AllocationEntry(
        name: "weighted", summary: "highest weighted score over tier, urgency, age, region priority and SLA slack",
        parameters: [
            StrategyParameter("tier", .number(0...1000), default: "1", "weight of the contract priority"),
            StrategyParameter("urgency", .number(0...1000), default: "1", "weight of urgent (machine down)"),
            StrategyParameter("age", .number(0...1000), default: "1", "weight of hours waiting"),
            StrategyParameter("region", .number(0...1000), default: "0", "weight of the region priority"),
            StrategyParameter("slack", .number(0...1000), default: "1", "weight of little remaining SLA slack"),
            StrategyParameter("age_scale_h", .number(0.01...100_000), default: "24", "hours waiting at which the age term is 0.5"),
            StrategyParameter("slack_scale_h", .number(0.01...100_000), default: "24", "hours of slack at which the slack term is 0.5"),
        ],
        make: { parameters, network in
            var weights = Weights()
            weights.tier = parameters.number("tier")
            weights.urgency = parameters.number("urgency")
            weights.age = parameters.number("age")
            weights.region = parameters.number("region")
            weights.slack = parameters.number("slack")
            weights.ageScaleHours = parameters.number("age_scale_h")
            weights.slackScaleHours = parameters.number("slack_scale_h")
            return WeightedAllocation(network: network, weights: weights)
        })

    /// Creates the strategy.
    public init(network: Network, weights: Weights = Weights()) {
        self.weights = weights
        maxTierWeight = network.contracts.map(\.priorityWeight).max() ?? 0
        maxRegionWeight = network.regions.map(\.priorityWeight).max() ?? 0
    }

    /// The score of a waiting backorder now (higher is served first).
    public func score(_ backorder: Backorder, state: borrowing NetworkState) -> Double {
        let w = weights
        let order = backorder.order
        let tier = maxTierWeight > 0 ? state.network.contracts[order.contract].priorityWeight / maxTierWeight : 0
        let urgency = order.isUrgent ? 1.0 : 0
        let waited = max(0, state.now - backorder.since)
        let age = waited / (waited + w.ageScaleHours)
        var region = 0.0
        if maxRegionWeight > 0, let index = state.network.sites[order.site].region {
            region = state.network.regions[index].priorityWeight / maxRegionWeight
        }
        let slack = w.slackScaleHours / (w.slackScaleHours + max(0, order.deadline - state.now))
        return w.tier * tier + w.urgency * urgency + w.age * age + w.region * region + w.slack * slack
    }

    public mutating func choose(pending: [Int32], slot: Int, state: borrowing NetworkState) -> Int? {
        guard !pending.isEmpty else { return nil }
        var best = 0
        var bestScore = -Double.infinity
        for position in pending.indices {
            let value = score(state.backorder(pending[position]), state: state)
            if value > bestScore {
                best = position
                bestScore = value
            }
        }
        return best
    }
}
