import FSLNetwork
import FSLSimulation

/// `fair-share`: splits scarce supply across groups in proportion to configured shares, so no
/// group is starved.
///
/// Groups are the network's regions (sites outside every region form one extra group), or its
/// contracts when it defines no regions. Per slot the strategy counts the units released to each
/// group; each time it picks the group with the lowest `released / share` among groups with a
/// waiting backorder, and within it the oldest (ties between groups: the group whose backorder
/// is oldest).
///
/// `shares=north:2+south:1` names groups by region (or contract) id; unnamed groups get share 1;
/// the default (empty) is equal shares.
public struct FairShareAllocation: AllocationStrategy {
    let groupCount: Int
    let byRegion: Bool
    let shares: [Double]
    /// Units released per slot and group, `slot * groupCount + group`.
    var released: [Double]

    static let entry = AllocationEntry(
        name: "fair-share", summary: "supply split across regions (or contracts) in proportion to shares",
        parameters: [StrategyParameter("shares", .text("group:weight+… by region (or contract) id"), default: "",
                                       "relative shares, e.g. north:2+south:1 (default: equal)")],
        make: { parameters, network throws(StrategyError) in
            try FairShareAllocation(network: network, shares: parameters.text("shares"))
        })

    /// Creates the strategy.
    /// - Parameters:
    ///   - network: the network, for its regions or contracts.
    ///   - shares: `id:weight` pairs joined by `+`; empty for equal shares.
    /// - Throws: `StrategyError` for an unknown id (with a suggestion), a repeated id, or a
    ///   weight that is not a positive number.
    public init(network: Network, shares text: String) throws(StrategyError) {
        byRegion = !network.regions.isEmpty
        let names = byRegion ? network.regions.map(\.id) : network.contracts.map(\.id)
        groupCount = names.count + (byRegion ? 1 : 0)
        var shares = Array(repeating: 1.0, count: groupCount)
        var seen: Set<String> = []
        let kind = byRegion ? "region" : "contract"
        for item in StrategyParameters.listItems(text) {
            let parts = item.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2 else {
                throw StrategyError("parameter shares of strategy \"fair-share\": \"\(item)\" is not \(kind):weight (e.g. \(names.first ?? "north"):2)")
            }
            let name = String(parts[0])
            guard let index = names.firstIndex(of: name) else {
                throw StrategyError("parameter shares of strategy \"fair-share\" names \(kind) \"\(name)\", which does not exist\(didYouMean(name, names)); \(kind)s are \(names.joined(separator: ", "))")
            }
            guard let weight = Double(parts[1]), weight > 0, weight.isFinite else {
                throw StrategyError("parameter shares of strategy \"fair-share\": the share of \"\(name)\" must be a positive number; found \"\(parts[1])\"")
            }
            guard seen.insert(name).inserted else {
                throw StrategyError("parameter shares of strategy \"fair-share\" gives \"\(name)\" twice; give each \(kind) once")
            }
            shares[index] = weight
        }
        self.shares = shares
        released = Array(repeating: 0, count: network.stockSlots.count * groupCount)
    }

    func group(of order: Order, network: Network) -> Int {
        byRegion ? (network.sites[order.site].region ?? groupCount - 1) : order.contract
    }

    public mutating func choose(pending: [Int32], slot: Int, state: borrowing NetworkState) -> Int? {
        guard !pending.isEmpty else { return nil }
        var best = 0, bestGroup = 0
        var bestRatio = Double.infinity
        for position in pending.indices {
            let group = group(of: state.backorder(pending[position]).order, network: state.network)
            let ratio = released[slot * groupCount + group] / shares[group]
            if ratio < bestRatio {
                (best, bestGroup, bestRatio) = (position, group, ratio)
            }
        }
        // The simulation releases as much of the chosen backorder as the slot holds.
        let units = min(state.backorder(pending[best]).quantity, state.onHand(slot: slot))
        released[slot * groupCount + bestGroup] += Double(units)
        return best
    }
}
