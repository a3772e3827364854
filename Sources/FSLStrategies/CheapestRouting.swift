import FSLNetwork
import FSLSimulation

/// `cheapest`: the location with the lowest total cost (shipping + handling + customs) among
/// those holding the whole quantity, SLA ignored; exact ties go to the nearer location. The cost
/// is that of the evaluator's mode (the cheapest mode meeting the SLA, else the fastest). With no
/// stock anywhere, backorder at the nearest stocking location.
public struct CheapestRouting: RoutingStrategy {
    static let entry = RoutingEntry(
        name: "cheapest", summary: "lowest shipping + handling + customs cost among locations with stock (SLA ignored)",
        parameters: [], make: { _, _ in CheapestRouting() })

    /// Creates the strategy.
    public init() {}

    public mutating func route(_ order: Order, state: borrowing NetworkState, into plan: inout FulfilmentPlan) {
        var best: Candidate?
        for source32 in state.sourcesByDistance(site: order.site) {
            let source = Int(source32)
            guard state.usableStock(location: source, for: order) >= order.quantity,
                  let candidate = state.evaluate(order, source: source,
                                                 condition: state.defaultCondition(location: source, for: order))
            else { continue }
            if let incumbent = best, candidate.totalCost >= incumbent.totalCost { continue }
            best = candidate
        }
        guard let best else {
            plan.backorderLocation = state.nearestStockingLocation(for: order)
            plan.reason = .noStockBackordered
            return
        }
        _ = plan.take(upTo: order.quantity, of: order, from: best, state: state)
        plan.reason = .cheapest
    }
}
