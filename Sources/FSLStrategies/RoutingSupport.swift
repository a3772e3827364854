import FSLNetwork
import FSLSimulation

// Helpers shared by the routing strategies. None of them allocates: they iterate the state's
// precomputed source order and keep the best candidate so far.

extension NetworkState {
    /// The location nearest the order's site that stocks its part on a lane the order may use
    /// (a backorder waiting across a forbidden border would later ship across it); failing that,
    /// the nearest that stocks it at all. Nil only when the part is stocked nowhere, which the
    /// scenario loader rejects. Called only when an order is backordered.
    func nearestStockingLocation(for order: Order) -> Int? {
        var anyStocking: Int?
        for source32 in sourcesByDistance(site: order.site) {
            let source = Int(source32)
            guard network.slot(location: source, part: order.part) != nil else { continue }
            if anyStocking == nil { anyStocking = source }
            if evaluate(order, source: source, condition: .new) != nil { return source }
        }
        return anyStocking
    }
}

/// The sla-then-cost preference between two candidates: meeting the SLA beats missing it; among
/// those that meet it the lower total cost wins, among those that miss it the earlier ETA. Exact
/// ties keep `incumbent`, which (iterating nearest first) is the nearer source.
@inline(__always)
func prefersBySLAThenCost(_ challenger: Candidate, over incumbent: Candidate) -> Bool {
    if challenger.meetsSLA != incumbent.meetsSLA { return challenger.meetsSLA }
    return challenger.meetsSLA ? challenger.totalCost < incumbent.totalCost : challenger.eta < incumbent.eta
}

extension FulfilmentPlan {
    /// Plans up to `quantity` units of `order` from `candidate`'s source by its mode: new units
    /// first, then refurbished where the order accepts them (the other way round when
    /// `refurbishedFirst`). Returns the units planned.
    mutating func take(upTo quantity: Int, of order: Order, from candidate: Candidate, state: borrowing NetworkState,
                       refurbishedFirst: Bool = false) -> Int {
        let newUnits = state.onHand(location: candidate.source, part: order.part, condition: .new)
        let refurbishedUnits = state.acceptsRefurbished(order)
            ? state.onHand(location: candidate.source, part: order.part, condition: .refurbished) : 0
        let first: Condition = refurbishedFirst ? .refurbished : .new
        let second: Condition = refurbishedFirst ? .new : .refurbished
        let firstCount = min(quantity, refurbishedFirst ? refurbishedUnits : newUnits)
        let secondCount = min(quantity - firstCount, refurbishedFirst ? newUnits : refurbishedUnits)
        if firstCount > 0 { ship(from: candidate.source, condition: first, mode: candidate.mode, quantity: firstCount) }
        if secondCount > 0 { ship(from: candidate.source, condition: second, mode: candidate.mode, quantity: secondCount) }
        return firstCount + secondCount
    }

    /// Whether a line already ships from `source`.
    func ships(from source: Int) -> Bool {
        for line in lines where line.source == source { return true }
        return false
    }
}

/// The sla-then-cost decision, shared by the strategies that fall back to it: the best source
/// holding the whole quantity in usable stock; with `splits`, when none holds it all, the best
/// sources in turn until the order is covered; otherwise a backorder at the nearest stocking
/// location.
///
/// Complexity: O(sources) evaluations, O(sources × lines) when splitting.
func routeBySLAThenCost(_ order: Order, state: borrowing NetworkState, into plan: inout FulfilmentPlan, splits: Bool) {
    var best: Candidate?
    for source32 in state.sourcesByDistance(site: order.site) {
        let source = Int(source32)
        guard state.usableStock(location: source, for: order) >= order.quantity,
              let candidate = state.evaluate(order, source: source,
                                             condition: state.defaultCondition(location: source, for: order))
        else { continue }
        if let incumbent = best, !prefersBySLAThenCost(candidate, over: incumbent) { continue }
        best = candidate
    }
    if let best {
        _ = plan.take(upTo: order.quantity, of: order, from: best, state: state)
        plan.reason = best.meetsSLA ? .meetsSLACheapest : .noneMeetsSLAEarliest
        return
    }
    var remaining = order.quantity
    while splits, remaining > 0 {
        var pick: Candidate?
        for source32 in state.sourcesByDistance(site: order.site) {
            let source = Int(source32)
            guard state.usableStock(location: source, for: order) > 0, !plan.ships(from: source),
                  let candidate = state.evaluate(order, source: source,
                                                 condition: state.defaultCondition(location: source, for: order))
            else { continue }
            if let incumbent = pick, !prefersBySLAThenCost(candidate, over: incumbent) { continue }
            pick = candidate
        }
        guard let pick else { break }
        remaining -= plan.take(upTo: remaining, of: order, from: pick, state: state)
    }
    if remaining == 0 {
        plan.reason = .split
        return
    }
    plan.backorderLocation = state.nearestStockingLocation(for: order)
    plan.reason = plan.lines.isEmpty ? .noStockBackordered : .split
}
