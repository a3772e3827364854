import FSLNetwork
import FSLSimulation

/// `penalty-aware`: releases supply where it still saves a penalty.
///
/// A backorder is saveable when shipping it now from the slot's location (the shared evaluator's
/// best mode) arrives by its deadline. Saveable backorders go first, highest contract
/// `penaltyPerBreach` first; hopeless ones wait behind them, highest `penaltyPerLateHour` first
/// (each further hour costs them that); ties by age, oldest first.
///
/// With `reserve=K`, the last K units on hand are held for the top tier (the contracts with the
/// highest `penaltyPerBreach`) when none of it waits.
///
/// Complexity: one evaluation per waiting backorder per released unit.
public struct PenaltyAwareAllocation: AllocationStrategy {
    let reserve: Int
    let topPenalty: Double

    static let entry = AllocationEntry(
        name: "penalty-aware", summary: "saveable orders with the highest penalty first; hopeless ones wait",
        parameters: [StrategyParameter("reserve", .integer(0...1_000_000), default: "0",
                                       "hold the last K units on hand for the top (highest-penalty) tier")],
        make: { parameters, network in PenaltyAwareAllocation(network: network, reserve: parameters.integer("reserve")) })

    /// Creates the strategy.
    /// - Parameters:
    ///   - network: the network, for the top tier's penalty.
    ///   - reserve: units on hand kept for the top tier.
    public init(network: Network, reserve: Int = 0) {
        self.reserve = reserve
        topPenalty = network.contracts.map(\.penaltyPerBreach).max() ?? 0
    }

    /// Whether `backorder` would arrive by its deadline if released from `slot` now.
    static func isSaveable(_ backorder: Backorder, slot: Int, state: borrowing NetworkState) -> Bool {
        var order = backorder.order
        order.quantity = backorder.quantity
        let source = state.network.stockSlots[slot].location
        let condition: Condition = state.onHand(location: source, part: order.part, condition: .new) > 0 ? .new : .refurbished
        return state.evaluate(order, source: source, condition: condition)?.meetsSLA ?? false
    }

    public mutating func choose(pending: [Int32], slot: Int, state: borrowing NetworkState) -> Int? {
        guard !pending.isEmpty else { return nil }
        var best = -1
        var bestSaveable = false, bestPenalty = 0.0, bestSince = 0.0, bestBreachPenalty = 0.0
        for position in pending.indices {
            let backorder = state.backorder(pending[position])
            let contract = state.network.contracts[backorder.order.contract]
            let saveable = PenaltyAwareAllocation.isSaveable(backorder, slot: slot, state: state)
            let penalty = saveable ? contract.penaltyPerBreach : contract.penaltyPerLateHour
            if best >= 0 {
                let better = saveable != bestSaveable ? saveable
                    : penalty != bestPenalty ? penalty > bestPenalty
                    : backorder.since < bestSince
                guard better else { continue }
            }
            best = position
            (bestSaveable, bestPenalty, bestSince) = (saveable, penalty, backorder.since)
            bestBreachPenalty = contract.penaltyPerBreach
        }
        if reserve > 0, state.onHand(slot: slot) <= reserve, bestBreachPenalty < topPenalty { return nil }
        return best
    }
}
