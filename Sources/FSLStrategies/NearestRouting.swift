import FSLNetwork
import FSLSimulation

/// `nearest`: the closest location with usable stock, shipped by its best mode; with no stock
/// anywhere, backorder at the closest location that stocks the part on a lane the order may use.
/// The naive baseline.
///
/// With `split=true`, an order larger than any one location's stock takes what each location
/// has, nearest first.
public struct NearestRouting: RoutingStrategy {
    let splits: Bool

    static let entry = RoutingEntry(
        name: "nearest", summary: "closest location with stock (the naive baseline)",
        parameters: [StrategyParameter("split", .boolean, default: "false", "split an order across locations when none has it all")],
        make: { parameters, _ in NearestRouting(splits: parameters.bool("split")) })

    /// Creates the strategy.
    public init(splits: Bool = false) { self.splits = splits }

    public mutating func route(_ order: Order, state: borrowing NetworkState, into plan: inout FulfilmentPlan) {
        var remaining = order.quantity
        var nearestStocking: Int?
        for source32 in state.sourcesByDistance(site: order.site) {
            let source = Int(source32)
            guard let slot = state.network.slot(location: source, part: order.part) else { continue }
            if nearestStocking == nil { nearestStocking = source }
            let usable = state.usableStock(location: source, for: order)
            guard usable > 0, splits || usable >= remaining else { continue }
            _ = slot
            guard let candidate = state.evaluate(order, source: source, condition: .new) else { continue }
            let fromNew = min(remaining, state.onHand(location: source, part: order.part, condition: .new))
            if fromNew > 0 { plan.ship(from: source, condition: .new, mode: candidate.mode, quantity: fromNew) }
            let fromRefurbished = min(remaining - fromNew, usable - fromNew)
            if fromRefurbished > 0 {
                plan.ship(from: source, condition: .refurbished, mode: candidate.mode, quantity: fromRefurbished)
            }
            remaining -= fromNew + fromRefurbished
            plan.reason = .nearestWithStock
            if remaining == 0 { return }
        }
        // Not `nearestStocking` itself: that may be across a border the contract forbids.
        plan.backorderLocation = nearestStocking.flatMap { _ in state.nearestStockingLocation(for: order) }
        plan.reason = plan.lines.isEmpty ? .noStockBackordered : .split
    }
}
