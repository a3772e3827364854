import FSLNetwork
import FSLSimulation

/// `weighted`: the location with the highest weighted score among those holding the whole
/// quantity on an allowed lane (exact ties: the nearer).
///
/// Each term is normalised to 0…1 (1 = best) against a fixed scale rather than against the other
/// candidates, so a score never depends on which other locations happen to have stock and the
/// hot path needs one pass and no arrays:
/// - slack: `clamp((deadline − ETA + S) / 2S, 0, 1)` with `S = slack_scale_h` (0.5 exactly at
///   the deadline, 1 when `S` hours early, 0 when `S` hours late);
/// - cost: `1 / (1 + totalCost / cost_scale)`;
/// - distance: `1 / (1 + km / distance_scale_km)`;
/// - stock: the slot's inventory position after taking the units over its target level,
///   clamped to 0…1 (sources that stay well stocked score high);
/// - asl: `1 / (1 + rank)` on the site's region ASL list (primary 1, secondary ½, …), 0 off it.
///
/// Score = Σ weightᵢ × termᵢ.
public struct WeightedRouting: RoutingStrategy {
    /// Weights and scales of the score.
    public struct Weights: Sendable {
        /// Weight of the ETA slack term.
        public var slack = 1.0
        /// Weight of the cost term.
        public var cost = 1.0
        /// Weight of the distance term.
        public var distance = 0.0
        /// Weight of the stock-position term.
        public var stock = 0.5
        /// Weight of the ASL-rank term.
        public var asl = 0.5
        /// Hours of slack that score 1 (and of lateness that score 0).
        public var slackScaleHours = 24.0
        /// Cost at which the cost term is ½.
        public var costScale = 100.0
        /// Distance at which the distance term is ½.
        public var distanceScaleKm = 500.0

        /// Default weights.
        public init() {}
    }

    let weights: Weights

    static let entry = RoutingEntry(
        name: "weighted", summary: "highest weighted score over ETA slack, cost, distance, stock position and ASL rank",
        parameters: [
            StrategyParameter("slack", .number(0...1000), default: "1", "weight of ETA slack"),
            StrategyParameter("cost", .number(0...1000), default: "1", "weight of (low) total cost"),
            StrategyParameter("distance", .number(0...1000), default: "0", "weight of (short) distance"),
            StrategyParameter("stock", .number(0...1000), default: "0.5", "weight of the source's remaining stock position"),
            StrategyParameter("asl", .number(0...1000), default: "0.5", "weight of the ASL priority rank"),
            StrategyParameter("slack_scale_h", .number(0.01...10_000), default: "24", "hours of slack that score 1"),
            StrategyParameter("cost_scale", .number(0.01...1e9), default: "100", "cost at which the cost term is 0.5"),
            StrategyParameter("distance_scale_km", .number(0.01...1e6), default: "500", "distance at which the distance term is 0.5"),
        ],
        make: { parameters, _ in
            var weights = Weights()
            weights.slack = parameters.number("slack")
            weights.cost = parameters.number("cost")
            weights.distance = parameters.number("distance")
            weights.stock = parameters.number("stock")
            weights.asl = parameters.number("asl")
            weights.slackScaleHours = parameters.number("slack_scale_h")
            weights.costScale = parameters.number("cost_scale")
            weights.distanceScaleKm = parameters.number("distance_scale_km")
            return WeightedRouting(weights: weights)
        })

    /// Creates the strategy.
    public init(weights: Weights = Weights()) { self.weights = weights }

    /// The score of `candidate` for `order` (higher is better).
    public func score(_ candidate: Candidate, order: Order, state: borrowing NetworkState) -> Double {
        let w = weights
        let slack = min(1, max(0, (candidate.slackHours(deadline: order.deadline) + w.slackScaleHours) / (2 * w.slackScaleHours)))
        let cost = 1 / (1 + candidate.totalCost / w.costScale)
        let distance = 1 / (1 + candidate.distanceKm / w.distanceScaleKm)
        var stock = 0.0
        if let slot = state.network.slot(location: candidate.source, part: order.part) {
            let target = max(1, state.network.stockSlots[slot].policy.targetLevel)
            stock = min(1, max(0, Double(state.inventoryPosition(slot: slot) - order.quantity) / Double(target)))
        }
        let asl = candidate.aslRank == Int.max ? 0 : 1 / (1 + Double(candidate.aslRank))
        return w.slack * slack + w.cost * cost + w.distance * distance + w.stock * stock + w.asl * asl
    }

    public mutating func route(_ order: Order, state: borrowing NetworkState, into plan: inout FulfilmentPlan) {
        var best: Candidate?
        var bestScore = -Double.infinity
        for source32 in state.sourcesByDistance(site: order.site) {
            let source = Int(source32)
            guard state.usableStock(location: source, for: order) >= order.quantity,
                  let candidate = state.evaluate(order, source: source,
                                                 condition: state.defaultCondition(location: source, for: order))
            else { continue }
            let value = score(candidate, order: order, state: state)
            guard value > bestScore else { continue }
            best = candidate
            bestScore = value
        }
        guard let best else {
            plan.backorderLocation = state.nearestStockingLocation(for: order)
            plan.reason = .noStockBackordered
            return
        }
        _ = plan.take(upTo: order.quantity, of: order, from: best, state: state)
        plan.reason = .bestScore
    }
}
