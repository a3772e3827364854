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
        var start = 0
        // Only sources with enough usable stock reach `evaluate`; the scan over the others is
        // `firstSourceWithStock`'s tight loop (a stocked-out order visits every source).
        while let (position, source) = state.firstSourceWithStock(for: order, from: start,
                                                                  minimumUsable: splits ? 1 : remaining) {
            start = position + 1
            let usable = state.usableStock(location: source, for: order)
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
        // Not simply the nearest stocking location: that may be across a border the contract
        // forbids (nil only when no location stocks the part).
        plan.backorderLocation = state.nearestStockingLocation(for: order)
        plan.reason = plan.lines.isEmpty ? .noStockBackordered : .split
    }
}
