import FSLNetwork
import FSLSimulation

/// `excess-first`: rebalances by consumption. Among locations holding the whole quantity that
/// meet the SLA and whose on hand (both conditions) exceeds the slot's target level
/// (`policy.targetLevel`) by more than `margin` units, the cheapest (ties: the larger excess,
/// then the nearer); when no such location exists, exactly `sla-then-cost`.
///
/// With `rebalance=true` it also asks for a lateral transfer whenever the location it ships from
/// drops below its target level while another FSL or hub holds excess: the location with the
/// largest excess (ties: the nearer) sends the units the source is short, capped by its excess
/// (carried out only when the scenario allows transfers).
public struct ExcessFirstRouting: RoutingStrategy {
    let margin: Int
    let splits: Bool
    let rebalances: Bool

    static let entry = RoutingEntry(
        name: "excess-first", summary: "sources with stock above target that meet the SLA, else sla-then-cost",
        parameters: [
            StrategyParameter("margin", .integer(0...1_000_000), default: "0",
                              "units on hand must exceed the target level by more than this"),
            StrategyParameter("split", .boolean, default: "false", "split across locations in the sla-then-cost fallback"),
            StrategyParameter("rebalance", .boolean, default: "false",
                              "request a lateral transfer from the location with the most excess when the source drops below target"),
        ],
        make: { parameters, _ in
            ExcessFirstRouting(margin: parameters.integer("margin"), splits: parameters.bool("split"),
                               rebalances: parameters.bool("rebalance"))
        })

    /// Creates the strategy.
    /// - Parameters:
    ///   - margin: units above the target level a source needs before it counts as excess.
    ///   - splits: whether the fallback may split across locations.
    ///   - rebalances: whether to request transfers that refill a source drawn below target.
    public init(margin: Int = 0, splits: Bool = false, rebalances: Bool = false) {
        self.margin = margin
        self.splits = splits
        self.rebalances = rebalances
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
        if let best {
            _ = plan.take(upTo: order.quantity, of: order, from: best, state: state)
            plan.reason = .excessMeetsSLA
        } else {
            routeBySLAThenCost(order, state: state, into: &plan, splits: splits)
        }
        if rebalances { requestRefills(order, state: state, into: &plan) }
    }

    /// For each location the plan draws below its target level, asks the location with the
    /// largest excess (beyond `margin`) for the shortfall.
    private func requestRefills(_ order: Order, state: borrowing NetworkState, into plan: inout FulfilmentPlan) {
        for line in plan.lines {
            guard let slot = state.network.slot(location: line.source, part: order.part) else { continue }
            let shortfall = state.network.stockSlots[slot].policy.targetLevel - (state.onHand(slot: slot) - line.quantity)
            guard shortfall > 0 else { continue }
            var donor: (location: Int, excess: Int, km: Double)?
            for location in state.network.locations.indices where location != line.source {
                let kind = state.network.locations[location].kind
                guard kind == .fsl || kind == .hub, let donorSlot = state.network.slot(location: location, part: order.part)
                else { continue }
                let excess = state.onHand(location: location, part: order.part, condition: .new)
                    - state.network.stockSlots[donorSlot].policy.targetLevel - margin
                guard excess > 0 else { continue }
                let km = state.network.distanceKm(from: location, to: line.source)
                if let current = donor, excess < current.excess || (excess == current.excess && km >= current.km) { continue }
                donor = (location, excess, km)
            }
            if let donor {
                plan.requestTransfer(part: order.part, from: donor.location, to: line.source,
                                     quantity: min(shortfall, donor.excess))
            }
        }
    }
}
