import FSLNetwork
import FSLSimulation

/// `refurb-first`: uses repaired stock before new. When the part and the contract both accept
/// refurbished units, ships the whole quantity as refurbished from the cheapest location that
/// holds enough refurbished units and meets the SLA; otherwise (not accepted, none in stock, or
/// none in time) behaves as `sla-then-cost`, which ships new units first.
public struct RefurbishedFirstRouting: RoutingStrategy {
    let splits: Bool

    static let entry = RoutingEntry(
        name: "refurb-first", summary: "refurbished stock that meets the SLA before new, else sla-then-cost",
        parameters: [StrategyParameter("split", .boolean, default: "false", "split across locations in the sla-then-cost fallback")],
        make: { parameters, _ in RefurbishedFirstRouting(splits: parameters.bool("split")) })

    /// Creates the strategy.
    /// - Parameter splits: whether the fallback may split across locations.
    public init(splits: Bool = false) { self.splits = splits }

    public mutating func route(_ order: Order, state: borrowing NetworkState, into plan: inout FulfilmentPlan) {
        var best: Candidate?
        if state.acceptsRefurbished(order) {
            for source32 in state.sourcesByDistance(site: order.site) {
                let source = Int(source32)
                guard state.onHand(location: source, part: order.part, condition: .refurbished) >= order.quantity,
                      let candidate = state.evaluate(order, source: source, condition: .refurbished), candidate.meetsSLA
                else { continue }
                if let incumbent = best, candidate.totalCost >= incumbent.totalCost { continue }
                best = candidate
            }
        }
        guard let best else {
            routeBySLAThenCost(order, state: state, into: &plan, splits: splits)
            return
        }
        _ = plan.take(upTo: order.quantity, of: order, from: best, state: state, refurbishedFirst: true)
        plan.reason = .refurbishedMeetsSLA
    }
}
