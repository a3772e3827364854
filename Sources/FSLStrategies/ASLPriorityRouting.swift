import FSLNetwork
import FSLSimulation

/// `asl-priority`: walks the site's region ASL list in order (primary, secondary, tertiary, …)
/// and ships from the first location holding the whole quantity on an allowed lane. When none
/// on the list can, `fallback=nearest` ships from the nearest location with stock, and
/// `fallback=backorder` waits. Backorders wait at the primary (or, if the primary does not
/// stock the part, the nearest stocking location). Sites outside any region behave as `nearest`.
public struct ASLPriorityRouting: RoutingStrategy {
    /// What to do when no location on the list has stock.
    public enum Fallback: String, Sendable, CaseIterable {
        /// Ship from the nearest location with stock.
        case nearest
        /// Backorder at the primary.
        case backorder
    }

    let fallback: Fallback

    static let entry = RoutingEntry(
        name: "asl-priority", summary: "first location on the region's ASL priority list with stock",
        parameters: [StrategyParameter("fallback", .choice(Fallback.allCases.map(\.rawValue)), default: "nearest",
                                       "when no listed location has stock: ship from the nearest, or backorder at the primary")],
        make: { parameters, _ in ASLPriorityRouting(fallback: Fallback(rawValue: parameters.text("fallback")) ?? .nearest) })

    /// Creates the strategy.
    public init(fallback: Fallback = .nearest) { self.fallback = fallback }

    public mutating func route(_ order: Order, state: borrowing NetworkState, into plan: inout FulfilmentPlan) {
        var primary: Int?
        if let region = state.network.sites[order.site].region {
            for source in state.network.regions[region].aslPriority {
                if primary == nil, state.network.slot(location: source, part: order.part) != nil { primary = source }
                guard state.usableStock(location: source, for: order) >= order.quantity,
                      let candidate = state.evaluate(order, source: source,
                                                     condition: state.defaultCondition(location: source, for: order))
                else { continue }
                _ = plan.take(upTo: order.quantity, of: order, from: candidate, state: state)
                plan.reason = .aslPriority
                return
            }
        }
        if fallback == .nearest || state.network.sites[order.site].region == nil {
            for source32 in state.sourcesByDistance(site: order.site) {
                let source = Int(source32)
                guard state.usableStock(location: source, for: order) >= order.quantity,
                      let candidate = state.evaluate(order, source: source,
                                                     condition: state.defaultCondition(location: source, for: order))
                else { continue }
                _ = plan.take(upTo: order.quantity, of: order, from: candidate, state: state)
                plan.reason = .nearestWithStock
                return
            }
        }
        plan.backorderLocation = primary ?? state.nearestStockingLocation(for: order)
        plan.reason = .noStockBackordered
    }
}
