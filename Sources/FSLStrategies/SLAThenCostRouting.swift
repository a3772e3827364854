import FSLNetwork
import FSLSimulation

/// `sla-then-cost`: among locations holding the whole quantity that meet the order's SLA, the
/// cheapest (shipping + handling + customs); when none meets it, the earliest ETA; with no stock
/// anywhere, backorder at the nearest stocking location.
///
/// With `split=true`, an order no single location can cover takes units from several, best
/// first by the same preference, and backorders only what is left.
public struct SLAThenCostRouting: RoutingStrategy {
    let splits: Bool

    static let entry = RoutingEntry(
        name: "sla-then-cost", summary: "cheapest source that meets the SLA, else the earliest ETA",
        parameters: [StrategyParameter("split", .boolean, default: "false",
                                       "split an order across locations when none has it all")],
        make: { parameters, _ in SLAThenCostRouting(splits: parameters.bool("split")) })

    /// Creates the strategy.
    /// - Parameter splits: whether to take units from several locations when none has them all.
    public init(splits: Bool = false) { self.splits = splits }

    public mutating func route(_ order: Order, state: borrowing NetworkState, into plan: inout FulfilmentPlan) {
        routeBySLAThenCost(order, state: state, into: &plan, splits: splits)
    }
}
