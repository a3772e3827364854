import FSLNetwork
import FSLSimulation

/// `excess-first`: rebalances by consumption. Among locations holding the whole quantity that
/// meet the SLA and whose on hand (both conditions) exceeds the slot's target level
/// (`policy.targetLevel`) by more than `margin` units, the cheapest (ties: the larger excess,
/// then the nearer); when no such location exists, exactly `sla-then-cost`.
public struct ExcessFirstRouting: RoutingStrategy {
    let margin: Int
    let splits: Bool

    static let entry = RoutingEntry(
        name: "excess-first", summary: "sources with stock above target that meet the SLA, else sla-then-cost",
        parameters: [
            StrategyParameter("margin", .integer(0...1_000_000), default: "0",
                              "units on hand must exceed the target level by more than this"),
            StrategyParameter("split", .boolean, default: "false", "split across locations in the sla-then-cost fallback"),
        ],
        make: { parameters, _ in ExcessFirstRouting(margin: parameters.integer("margin"), splits: parameters.bool("split")) })

    /// Creates the strategy.
    /// - Parameters:
    ///   - margin: units above the target level a source needs before it counts as excess.
    ///   - splits: whether the fallback may split across locations.
    public init(margin: Int = 0, splits: Bool = false) {
        self.margin = margin
        self.splits = splits
    }

    public mutating func route(_ order: Order, state: borrowing NetworkState, into plan: inout FulfilmentPlan) {
        var best: Candidate?
        var bestExcess = 0
        for source32 in state.sourcesByDistance(site: order.site) {
            let source = Int(source32)
            guard let slot = state.network.slot(location: source, part: order.part) else { continue }
            let excess = state.onHand(slot: slot) - state.network.stockSlots[slot].policy.targetLevel
            guard excess > margin, state.usableStock(location: source, for: order) >= order.quantity,
                  let candidate = state.evaluate(order, source: source,
                                                 condition: state.defaultCondition(location: source, for: order)),
                  candidate.meetsSLA
            else { continue }
            if let incumbent = best {
                let cheaper = candidate.totalCost < incumbent.totalCost
                let tiedButFuller = candidate.totalCost == incumbent.totalCost && excess > bestExcess
                guard cheaper || tiedButFuller else { continue }
            }
            best = candidate
            bestExcess = excess
        }
        guard let best else {
            routeBySLAThenCost(order, state: state, into: &plan, splits: splits)
            return
        }
        _ = plan.take(upTo: order.quantity, of: order, from: best, state: state)
        plan.reason = .excessMeetsSLA
    }
}
