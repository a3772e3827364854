import FSLNetwork
import FSLSimulation

/// `risk-aware`: the source with the lowest expected total cost: the order's own cost and
/// penalty plus the expected future penalty of depleting the source.
///
/// Each candidate with the whole quantity scores
/// `totalCost + ownPenalty + shortfallPenalty[slot] × ΔES`, where
/// - `ownPenalty` is 0 when the candidate meets the SLA, else the order's contract's
///   `penaltyPerBreach + penaltyPerLateHour × (eta − deadline)`, so a late source competes on
///   the penalty it really costs; by default (`late=false`) any SLA-meeting source still beats
///   every late one, and the penalty only ranks late sources among themselves (`late=true` lets a
///   late source win outright, which overprices depletion: a future order at an empty source
///   would itself ship late from elsewhere rather than wait a whole lead time);
/// - `ΔES = E[(D − (IP − q))+] − E[(D − IP)+]` is the marginal expected shortfall of the slot's
///   local lead-time demand `D ~ Poisson(λ × L)` against its inventory position `IP` (on hand +
///   on order − backorders) when `q` units are taken (`RiskModel.marginalShortfall`);
/// - `shortfallPenalty[slot]` is the expected penalty of a backorder of the slot's local demand:
///   over the local contract mix, `penaltyPerBreach + penaltyPerLateHour × W`, with `W` the
///   slot's lead-time mean, or `wait_h` (`RiskModel`). `penalty=N` replaces it by a flat N.
///
/// Lowest score wins; exact ties keep the nearer source. With no stock anywhere, backorder at the
/// nearest stocking location. Complexity: O(sources) evaluations and O(1) GSL calls each; the
/// per-slot constants are computed once by the factory.
public struct RiskAwareRouting: RoutingStrategy {
    let model: RiskModel
    let allowsLate: Bool
    let prefersRefurbished: Bool

    static let entry = RoutingEntry(
        name: "risk-aware", summary: "lowest cost + own penalty + expected penalty of the shortfall that depleting the source causes",
        parameters: [
            StrategyParameter("penalty", .optionalNumber(0...1e12), default: "auto",
                              "price of a unit of expected local shortfall (auto: local contract mix, breach + late hours × wait)"),
            StrategyParameter("wait_h", .optionalNumber(0...1e6), default: "auto",
                              "expected wait of a backorder in hours (auto: the slot's lead-time mean)"),
            StrategyParameter("late", .boolean, default: "false",
                              "let a late source beat an SLA-meeting one on expected total cost (false: SLA-meeting sources first)"),
            StrategyParameter("refurbished", .boolean, default: "true",
                              "ship refurbished units first where the order accepts them (false: new first)"),
        ],
        make: { parameters, network in
            RiskAwareRouting(model: RiskModel(network: network, waitHours: parameters.optionalNumber("wait_h"),
                                              flatPenalty: parameters.optionalNumber("penalty")),
                             allowsLate: parameters.bool("late"), prefersRefurbished: parameters.bool("refurbished"))
        })

    /// Creates the strategy.
    /// - Parameters:
    ///   - model: the per-slot demand and shortfall prices.
    ///   - allowsLate: whether a late source may beat an SLA-meeting one on expected total cost.
    ///   - prefersRefurbished: whether to ship refurbished units first where the order accepts them.
    public init(model: RiskModel, allowsLate: Bool = false, prefersRefurbished: Bool = true) {
        self.model = model
        self.allowsLate = allowsLate
        self.prefersRefurbished = prefersRefurbished
    }

    public mutating func route(_ order: Order, state: borrowing NetworkState, into plan: inout FulfilmentPlan) {
        let terms = state.network.contracts[order.contract]
        var best: Candidate?
        var bestScore = Double.infinity
        for source32 in state.sourcesByDistance(site: order.site) {
            let source = Int(source32)
            guard let slot = state.network.slot(location: source, part: order.part),
                  state.usableStock(location: source, for: order) >= order.quantity,
                  let candidate = state.evaluate(order, source: source,
                                                 condition: condition(order, source: source, state: state))
            else { continue }
            let ownPenalty = candidate.meetsSLA
                ? 0 : terms.penaltyPerBreach + terms.penaltyPerLateHour * max(0, candidate.eta - order.deadline)
            let score = candidate.totalCost + ownPenalty + model.futurePenalty(slot: slot, quantity: order.quantity, condition: candidate.condition, state: state)
            if let incumbent = best {
                let better = !allowsLate && candidate.meetsSLA != incumbent.meetsSLA ? candidate.meetsSLA : score < bestScore
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
        _ = plan.take(upTo: order.quantity, of: order, from: best, state: state,
                      refurbishedFirst: best.condition == .refurbished)
        plan.reason = .lowestRisk
    }

    /// The condition to ship: refurbished when the order accepts it and the source holds the
    /// whole quantity refurbished and `refurbished` is on (a refurbished unit's future cost is
    /// never above a new one's: every order it could serve, a new unit could too), else new first.
    func condition(_ order: Order, source: Int, state: borrowing NetworkState) -> Condition {
        if prefersRefurbished, state.acceptsRefurbished(order),
           state.onHand(location: source, part: order.part, condition: .refurbished) >= order.quantity {
            return .refurbished
        }
        return state.defaultCondition(location: source, for: order)
    }
}
