import FSLNetwork
import FSLSimulation

/// `tier-priority`: the backorder of the highest contract `priorityWeight` first, then urgent
/// (machine down) before routine, then the oldest.
///
/// With `reserve=K`, the last K units on hand are kept for the top tier (the contracts with the
/// highest `priorityWeight`): when on hand ≤ K and no top-tier backorder waits, supply is held
/// (nil) instead of released to a lower tier. Routing can still ship held units to new orders;
/// the reservation only governs backorder releases.
public struct TierPriorityAllocation: AllocationStrategy {
    let reserve: Int
    let topWeight: Double

    static let entry = AllocationEntry(
        name: "tier-priority", summary: "highest contract priority first, then urgent, then oldest",
        parameters: [StrategyParameter("reserve", .integer(0...1_000_000), default: "0",
                                       "hold the last K units on hand for the top tier")],
        make: { parameters, network in TierPriorityAllocation(network: network, reserve: parameters.integer("reserve")) })

    /// Creates the strategy.
    /// - Parameters:
    ///   - network: the network, for the top tier's weight.
    ///   - reserve: units on hand kept for the top tier.
    public init(network: Network, reserve: Int = 0) {
        self.reserve = reserve
        topWeight = network.contracts.map(\.priorityWeight).max() ?? 0
    }

    /// Whether `a` goes before `b`: higher tier weight, then urgent, then older.
    static func precedes(_ a: Backorder, _ b: Backorder, network: Network) -> Bool {
        let wa = network.contracts[a.order.contract].priorityWeight, wb = network.contracts[b.order.contract].priorityWeight
        if wa != wb { return wa > wb }
        if a.order.isUrgent != b.order.isUrgent { return a.order.isUrgent }
        return a.since < b.since
    }

    public mutating func choose(pending: [Int32], slot: Int, state: borrowing NetworkState) -> Int? {
        guard !pending.isEmpty else { return nil }
        var best = 0
        var bestBackorder = state.backorder(pending[0])
        for position in pending.indices.dropFirst() {
            let backorder = state.backorder(pending[position])
            if TierPriorityAllocation.precedes(backorder, bestBackorder, network: state.network) {
                best = position
                bestBackorder = backorder
            }
        }
        if reserve > 0, state.onHand(slot: slot) <= reserve,
           state.network.contracts[bestBackorder.order.contract].priorityWeight < topWeight {
            return nil
        }
        return best
    }
}
