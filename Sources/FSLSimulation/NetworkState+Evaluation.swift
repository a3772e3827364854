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
        let location = network.locations[source]
        let site = network.sites[order.site]
        let crossBorder = location.country != site.country
        var customsCost = 0.0, customsHours = 0.0
        if crossBorder {
            let rule = network.crossBorderRule(from: location.country, to: site.country)
            guard rule.isAllowed, network.contracts[order.contract].crossBorderAllowed else { return nil }
            customsCost = rule.brokerageFee + rule.dutyRate * network.parts[order.part].unitCost * Double(order.quantity)
            customsHours = customsMeanHours[location.country * network.countries.count + site.country]
        }
        let km = network.distanceKm(site: order.site, location: source)
        let ready = now + location.pickDelayHours
        var best: (mode: Int, departure: Double, eta: Double, cost: Double, meets: Bool)?
        for (modeIndex, mode) in network.modes.enumerated() {
            guard let transit = network.transitHours(mode: modeIndex, location: source, site: order.site, km: km),
                  let departure = location.calendar.departure(readyAt: ready, mode: modeIndex, dispatch: mode.dispatch)
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
        if let region = site.region, let rank = network.regions[region].aslPriority.firstIndex(of: source) {
            aslRank = rank
        }
        let available = network.slot(location: source, part: order.part).map {
            Int(condition == .new ? onHandNew[$0] : onHandRefurbished[$0])
        } ?? 0
        return Candidate(source: source, condition: condition, available: available, mode: best.mode,
                         departure: best.departure, eta: best.eta, meetsSLA: best.meets, distanceKm: km,
                         shippingCost: best.cost, handlingCost: location.handlingFeePerPick, customsCost: customsCost,
                         isCrossBorder: crossBorder, aslRank: aslRank)
    }
}
