import FSLKernel
import FSLNetwork

extension NetworkState {
    /// The shared candidate evaluator: the facts of filling `order` from `source` with units of
    /// `condition` ready after the source's pick delay. Returns nil when the lane is not allowed
    /// (cross-border forbidden by the contract or the lane rule) or no mode reaches the site.
    ///
    /// Mode choice: the cheapest mode whose ETA meets the deadline, else the earliest ETA.
    /// Complexity: O(modes), each a calendar scan of a few days at most.
    public func evaluate(_ order: Order, source: Int, condition: Condition) -> Candidate? {
        // Field paths into `network`, never copies of Location, Site or ShippingMode: a copy
        // retains and releases every string and array inside (measured: the dominant cost).
        let origin = network.locations[source].country, destination = network.sites[order.site].country
        let crossBorder = origin != destination
        var customsCost = 0.0, customsHours = 0.0
        if crossBorder {
            let rule = network.crossBorderRule(from: origin, to: destination)
            guard rule.isAllowed, network.contracts[order.contract].crossBorderAllowed else { return nil }
            customsCost = rule.brokerageFee + rule.dutyRate * network.parts[order.part].unitCost * Double(order.quantity)
            customsHours = customsMeanHours[origin * network.countries.count + destination]
        }
        let km = network.distanceKm(site: order.site, location: source)
        let ready = now + network.locations[source].pickDelayHours
        var best: (mode: Int, departure: Double, eta: Double, cost: Double, meets: Bool)?
        for modeIndex in network.modes.indices {
            guard let transit = network.transitHours(mode: modeIndex, location: source, site: order.site, km: km),
                  let departure = departure(location: source, readyAt: ready, mode: modeIndex)
            else { continue }
            let eta = departure + transit + customsHours
            let cost = network.shippingCost(mode: modeIndex, location: source, site: order.site, km: km, part: order.part,
                                            quantity: order.quantity)
            let meets = eta <= order.deadline
            if let current = best {
                let better = meets
                    ? (!current.meets || cost < current.cost || (cost == current.cost && eta < current.eta))
                    : (!current.meets && eta < current.eta)
                if !better { continue }
            }
            best = (modeIndex, departure, eta, cost, meets)
        }
        guard let best else { return nil }
        var aslRank = Int.max
        if let region = network.sites[order.site].region, let rank = network.regions[region].aslPriority.firstIndex(of: source) {
            aslRank = rank
        }
        let available = network.slot(location: source, part: order.part).map {
            Int(condition == .new ? counts[$0].onHandNew : counts[$0].onHandRefurbished)
        } ?? 0
        return Candidate(source: source, condition: condition, available: available, mode: best.mode,
                         departure: best.departure, eta: best.eta, meetsSLA: best.meets, distanceKm: km,
                         shippingCost: best.cost, handlingCost: network.locations[source].handlingFeePerPick,
                         customsCost: customsCost,
                         isCrossBorder: crossBorder, aslRank: aslRank)
    }
}
