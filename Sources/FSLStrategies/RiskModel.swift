import CGSL
import FSLNetwork
import FSLSimulation

/// The per-slot constants of `risk-aware`'s expected-future-cost model, computed once when the
/// strategy is made, and the expected-shortfall arithmetic over them.
///
/// A slot's local demand is the demand of the sites whose nearest customer-serving location is
/// the slot's location (the attribution `NetworkState.localDemandPerHour` uses), split by the
/// sites' contracts. Over the slot's replenishment lead time `L` it is taken as Poisson with mean
/// `m = λ × L`. One unit of that demand going short becomes a backorder, which costs its
/// contract's `penaltyPerBreach + penaltyPerLateHour × W` for a wait of `W` hours; the slot's
/// price of a shortfall unit is that cost averaged over the local contract mix (demand-weighted).
///
/// Local demand comes in two classes, each with its own mean and price: demand that needs new
/// units (the contract or the part refuses refurbished ones) and demand that accepts either.
/// New-only demand is covered by new units (on hand new + on order − backorders), the rest by
/// every unit (the inventory position); each class is treated as if it had that position alone,
/// which ignores their competition for new units (an approximation).
public struct RiskModel: Sendable {
    /// Expected new-only local demand over the replenishment lead time, units, per slot.
    public let newOnlyDemand: [Double]
    /// Expected local demand accepting refurbished units over the lead time, units, per slot.
    public let acceptingDemand: [Double]
    /// Expected penalty of one unit of new-only local demand going short, per slot.
    public let newOnlyPenalty: [Double]
    /// Expected penalty of one unit of accepting local demand going short, per slot.
    public let acceptingPenalty: [Double]

    /// Builds the model.
    /// - Parameters:
    ///   - network: the network.
    ///   - waitHours: the wait `W` a backorder is priced at; nil: each slot's lead-time mean.
    ///   - flatPenalty: when given, every slot prices a shortfall unit at this instead.
    /// - Complexity: O(streams × (sites × locations + locations × parts)), once.
    public init(network: Network, waitHours: Double? = nil, flatPenalty: Double? = nil) {
        let slots = network.stockSlots
        let sources = network.locations.indices.filter { network.locations[$0].kind != .repairDepot }
        // Per slot and class (0: new only, 1: accepts refurbished): units per hour, penalty per hour.
        var ratePerHour = Array(repeating: 0.0, count: slots.count * 2)
        var penaltyRate = Array(repeating: 0.0, count: slots.count * 2)
        for stream in network.demand {
            let siteTotal = stream.siteWeights.reduce(0, +), partTotal = stream.partWeights.reduce(0, +)
            guard siteTotal > 0, partTotal > 0 else { continue }
            let unitsPerHour = stream.ordersPerDay * stream.quantity.mean / 24
            // Share of the stream's demand at each (nearest location, contract).
            var share = Array(repeating: 0.0, count: network.locations.count * network.contracts.count)
            for (site, siteWeight) in zip(stream.sites, stream.siteWeights) {
                guard let nearest = RiskModel.nearestSource(site: site, sources: sources, network: network) else { continue }
                share[nearest * network.contracts.count + network.sites[site].contract] += siteWeight / siteTotal
            }
            for location in network.locations.indices {
                for contract in network.contracts.indices {
                    let siteShare = share[location * network.contracts.count + contract]
                    guard siteShare > 0 else { continue }
                    for (part, partWeight) in zip(stream.parts, stream.partWeights) {
                        guard let slot = network.slot(location: location, part: part) else { continue }
                        let rate = unitsPerHour * siteShare * partWeight / partTotal
                        let terms = network.contracts[contract]
                        let wait = waitHours ?? slots[slot].leadTime.mean
                        let index = slot * 2 + (terms.refurbishedAllowed && network.parts[part].refurbishedSubstitutes ? 1 : 0)
                        ratePerHour[index] += rate
                        penaltyRate[index] += rate * (terms.penaltyPerBreach + terms.penaltyPerLateHour * wait)
                    }
                }
            }
        }
        func price(_ index: Int) -> Double { flatPenalty ?? (ratePerHour[index] > 0 ? penaltyRate[index] / ratePerHour[index] : 0) }
        newOnlyDemand = slots.indices.map { ratePerHour[$0 * 2] * slots[$0].leadTime.mean }
        acceptingDemand = slots.indices.map { ratePerHour[$0 * 2 + 1] * slots[$0].leadTime.mean }
        newOnlyPenalty = slots.indices.map { price($0 * 2) }
        acceptingPenalty = slots.indices.map { price($0 * 2 + 1) }
    }

    /// The customer-serving location nearest `site` (ties to the lower index), as
    /// `NetworkState.sourcesByDistance` orders them.
    static func nearestSource(site: Int, sources: [Int], network: Network) -> Int? {
        var best: Int?
        var bestKm = Double.infinity
        for location in sources {
            let km = network.distanceKm(site: site, location: location)
            if km < bestKm { best = location; bestKm = km }
        }
        return best
    }

    /// Expected shortfall `E[(D − x)+]` of Poisson(`mean`) demand against `x` units:
    /// `mean − x` for `x ≤ 0`, else `mean · P(D ≥ x) − x · P(D > x)` (GSL `gsl_cdf_poisson_Q`).
    /// - Complexity: O(1) calls to GSL.
    public static func expectedShortfall(units x: Int, mean: Double) -> Double {
        if x <= 0 { return mean - Double(x) }
        guard mean > 0 else { return 0 }
        let atLeast = gsl_cdf_poisson_Q(UInt32(clamping: x - 1), mean)
        let beyond = gsl_cdf_poisson_Q(UInt32(clamping: x), mean)
        return max(0, mean * atLeast - Double(x) * beyond)
    }

    /// The expected number of extra local shortfall units caused by taking `quantity` units from
    /// a slot whose inventory position is `position`: `E[(D − (position − quantity))+] − E[(D − position)+]`.
    public static func marginalShortfall(position: Int, quantity: Int, mean: Double) -> Double {
        expectedShortfall(units: position - quantity, mean: mean) - expectedShortfall(units: position, mean: mean)
    }

    /// The expected future penalty of taking `quantity` units of `condition` from `slot` now: for
    /// each demand class, its price times its marginal expected shortfall. Refurbished units
    /// leave the new-only class untouched.
    public func futurePenalty(slot: Int, quantity: Int, condition: Condition, state: borrowing NetworkState) -> Double {
        var cost = 0.0
        if acceptingPenalty[slot] > 0 {
            cost += acceptingPenalty[slot] * RiskModel.marginalShortfall(
                position: state.inventoryPosition(slot: slot), quantity: quantity, mean: acceptingDemand[slot])
        }
        if condition == .new, newOnlyPenalty[slot] > 0 {
            let newPosition = state.inventoryPosition(slot: slot) - state.onHand(slot: slot)
                + state.onHand(location: state.network.stockSlots[slot].location, part: state.network.stockSlots[slot].part,
                               condition: .new)
            cost += newOnlyPenalty[slot] * RiskModel.marginalShortfall(position: newPosition, quantity: quantity,
                                                                       mean: newOnlyDemand[slot])
        }
        return cost
    }
}
