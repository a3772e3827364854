import FSLKernel
import FSLNetwork

extension Simulation {
    /// A new customer order: route it, ship what the plan covers, backorder the rest.
    mutating func handleOrder(site: Int, part: Int, quantity: Int, isUrgent: Bool) {
        // Field paths through `state.network`, never `let network = state.network`: copying the
        // Network struct retains and releases its ~25 arrays, twice per order.
        let contract = state.network.sites[site].contract
        let level = isUrgent ? state.network.contracts[contract].sla : state.network.contracts[contract].routineSLA
        let now = state.now
        let order = Order(number: orderCount, site: site, part: part, quantity: quantity, isUrgent: isUrgent,
                          contract: contract, createdAt: now,
                          deadline: Deadline.compute(level, createdAt: now, clock: state.network.sites[site].clock))
        orderCount += 1
        let home = Int(state.sourcesBySite[site * state.sourceCount])
        plan.reset()
        routing.route(order, state: state, into: &plan)
        var shipped = 0
        var latest = -Double.infinity
        for line in plan.lines where line.quantity > 0 {
            precondition(shipped + line.quantity <= quantity, "routing planned more units than ordered")
            latest = max(latest, ship(order, from: line.source, condition: line.condition, mode: line.mode,
                                      quantity: line.quantity))
            shipped += line.quantity
        }
        let remaining = quantity - shipped
        metrics.recordArrival(order, home: home, fromStock: remaining == 0)
        recordDailyArrival(order)
        if remaining == 0 {
            metrics.recordOutcome(order, home: home, delivered: latest, horizon: settings.horizonHours)
            recordDailyOutcome(order, delivered: latest)
            return
        }
        let location = plan.backorderLocation ?? fallbackBackorderLocation(for: order)
        guard let slot = state.network.slot(location: location, part: part) else {
            preconditionFailure("routing backordered at a location that does not stock the part")
        }
        let openID = openOrders.open(order, home: home, outstanding: remaining, latestDelivery: latest)
        var backorder = Backorder(order: order, quantity: remaining, location: location, since: now)
        backorder.openOrder = openID
        let id = state.backorderPool.insert(backorder)
        state.pending[slot].append(id)
        state.backorderedUnits[slot] += Int32(remaining)
        metrics.backorderUnits += Double(remaining)
        if order.createdAt >= settings.warmupHours { metrics.backordersCreated += Double(remaining) }
        reviewStock(slot: slot)
    }

    /// The nearest location that stocks the part (every demanded part is stocked somewhere).
    func fallbackBackorderLocation(for order: Order) -> Int {
        for source in state.sourcesByDistance(site: order.site) where state.network.slot(location: Int(source), part: order.part) != nil {
            return Int(source)
        }
        preconditionFailure("part \(order.part) is stocked nowhere; the loader should have rejected the scenario")
    }

    /// Ships units to the order's site now: takes them off the shelf, books costs, may start a
    /// repair return, reviews the source's stock. Returns the delivery time.
    @discardableResult
    mutating func ship(_ order: Order, from source: Int, condition: Condition, mode: Int, quantity: Int) -> Double {
        guard let slot = state.network.slot(location: source, part: order.part) else {
            preconditionFailure("routing shipped from a location that does not stock the part")
        }
        if condition == .new {
            precondition(state.onHandNew[slot] >= quantity, "routing shipped new units that are not on hand")
            state.onHandNew[slot] -= Int32(quantity)
        } else {
            precondition(state.onHandRefurbished[slot] >= quantity, "routing shipped refurbished units that are not on hand")
            state.onHandRefurbished[slot] -= Int32(quantity)
        }
        ledger.shipped[slot] += quantity
        metrics.changeOnHand(location: source, part: order.part, by: -quantity)
        // Field paths, not copies of Location / Site / ShippingMode (each copy retains their
        // strings and arrays).
        let km = state.network.distanceKm(site: order.site, location: source)
        let ready = state.now + state.network.locations[source].pickDelayHours
        let departure = state.departure(location: source, readyAt: ready, mode: mode) ?? ready
        var delivery = departure + (state.network.modes[mode].transitHours(km: km) ?? 0)
        var customsCost = 0.0
        let origin = state.network.locations[source].country, destination = state.network.sites[order.site].country
        if origin != destination {
            let pair = origin * state.network.countries.count + destination
            let rule = state.network.crossBorder[pair]
            if let delay = customsDelays[pair] { delivery += delay.sample(customsRandom) }
            customsCost = rule.brokerageFee + rule.dutyRate * state.network.parts[order.part].unitCost * Double(quantity)
        }
        if order.createdAt >= settings.warmupHours {
            metrics.costShipping += state.network.modes[mode].cost(
                km: km, weightKg: state.network.parts[order.part].weightKg, quantity: quantity)
            metrics.costHandling += state.network.locations[source].handlingFeePerPick
            metrics.costCustoms += customsCost
        }
        if let repair = state.network.repair, repair.returnFraction > 0, let distributions = repairDistributions {
            for _ in 0..<quantity where repairRandom.uniform() < repair.returnFraction {
                calendar.schedule(at: delivery + distributions.returnDelay.sample(repairRandom),
                                  .returnArrival(part: Int32(order.part)))
            }
        }
        reviewStock(slot: slot)
        return delivery
    }
}
