import CGSL
import FSLNetwork
import FSLSimulation

/// `risk-aware`: charges each source the expected future penalty of depleting it.
///
/// Taking `q` units from a slot leaves `a = onHand − q + onOrder` units to cover the slot's own
/// local demand until replenishment arrives (pipeline counted as arriving within the lead time).
/// Local demand over the lead time is Poisson with mean `m = localDemandPerHour[slot] ×
/// leadTime.mean`; the stock-out risk is `P(D > a) = gsl_cdf_poisson_Q(a, m)` (1 when `a < 0`, 0
/// when `m = 0`). The score is `totalCost + risk × penalty`, lowest wins among candidates that
/// meet the SLA; when none meets it, the earliest ETA. `penalty=auto` is the mean
/// `penaltyPerBreach` over contracts, each contract weighted equally.
public struct RiskAwareRouting: RoutingStrategy {
    let penalty: Double

    static let entry = RoutingEntry(
        name: "risk-aware", summary: "lowest cost plus expected penalty of depleting the source, among SLA-meeting sources",
        parameters: [StrategyParameter("penalty", .optionalNumber(0...1e12), default: "auto",
                                       "expected penalty of a future stock-out (auto: mean penalty per breach over contracts)")],
        make: { parameters, network in
            RiskAwareRouting(penalty: parameters.optionalNumber("penalty") ?? RiskAwareRouting.meanBreachPenalty(network))
        })

    /// Creates the strategy.
    /// - Parameter penalty: the cost charged per unit of stock-out probability.
    public init(penalty: Double) { self.penalty = penalty }

    /// The mean penalty per breach over the network's contracts (0 with none).
    public static func meanBreachPenalty(_ network: Network) -> Double {
        network.contracts.isEmpty ? 0 : network.contracts.map(\.penaltyPerBreach).reduce(0, +) / Double(network.contracts.count)
    }

    /// P(local lead-time demand at `slot` exceeds what is left after taking `quantity`).
    public static func depletionRisk(slot: Int, quantity: Int, state: borrowing NetworkState) -> Double {
        let left = state.onHand(slot: slot) - quantity + state.onOrder(slot: slot)
        if left < 0 { return 1 }
        let mean = state.localDemandPerHour[slot] * state.network.stockSlots[slot].leadTime.mean
        guard mean > 0 else { return 0 }
        return gsl_cdf_poisson_Q(UInt32(clamping: left), mean)
    }

    public mutating func route(_ order: Order, state: borrowing NetworkState, into plan: inout FulfilmentPlan) {
        var best: Candidate?
        var bestScore = Double.infinity
        for source32 in state.sourcesByDistance(site: order.site) {
            let source = Int(source32)
            guard let slot = state.network.slot(location: source, part: order.part),
                  state.usableStock(location: source, for: order) >= order.quantity,
                  let candidate = state.evaluate(order, source: source,
                                                 condition: state.defaultCondition(location: source, for: order))
            else { continue }
            let score = candidate.meetsSLA
                ? candidate.totalCost + penalty * RiskAwareRouting.depletionRisk(slot: slot, quantity: order.quantity, state: state)
                : .infinity
            if let incumbent = best {
                let better = candidate.meetsSLA
                    ? (!incumbent.meetsSLA || score < bestScore)
                    : (!incumbent.meetsSLA && candidate.eta < incumbent.eta)
                guard better else { continue }
            }
            best = candidate
            bestScore = score
        }
        guard let best else {
            plan.backorderLocation = state.nearestStockingLocation(for: order)
            plan.reason = .noStockBackordered
            return
        }
        _ = plan.take(upTo: order.quantity, of: order, from: best, state: state)
        plan.reason = best.meetsSLA ? .lowestRisk : .noneMeetsSLAEarliest
    }
}
