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
        // A deadline in hours needs no clock: passing the site's LocalClock retains its arrays.
        let deadline: Double
        if case .hours(let hours) = level {
            deadline = now + hours
        } else {
            deadline = Deadline.compute(level, createdAt: now, clock: state.network.sites[site].clock)
        }
        let order = Order(number: orderCount, site: site, part: part, quantity: quantity, isUrgent: isUrgent,
                          contract: contract, createdAt: now, deadline: deadline)
        orderCount += 1
        let home = Int(state.sourcesBySite[site * state.sourceCount])
        plan.reset()
        routing.route(order, state: state, into: &plan)
        if plan.lines.isEmpty, let newer = state.network.parts[part].supersededBy {
            // Supersession: when nothing of the ordered part can ship, the newer part may fill it.
            var substitute = order
            substitute.part = newer
            plan.reset()
            routing.route(substitute, state: state, into: &plan)
            if !plan.lines.isEmpty {
                complete(substitute, home: home)
                return
            }
            plan.reset()
            routing.route(order, state: state, into: &plan)
        }
        complete(order, home: home)
    }

    /// Carries out the plan for `order`: ships its lines, records the arrival, backorders the rest.
    mutating func complete(_ order: Order, home: Int) {
        let (quantity, part, now) = (order.quantity, order.part, state.now)
        if trace != nil, trace!.wants(order) { recordDecision(order) }
        var shipped = 0
        var latest = -Double.infinity
        for line in plan.lines where line.quantity > 0 {
            precondition(shipped + line.quantity <= quantity, "routing planned more units than ordered")
            latest = max(latest, ship(order, from: line.source, condition: line.condition, mode: line.mode,
                                      quantity: line.quantity))
            shipped += line.quantity
        }
        executeRequestedTransfers()
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
        state.counts[slot].backordered += Int32(remaining)
        if !state.acceptsRefurbished(order) { state.newOnlyBackorderedUnits[slot] += Int32(remaining) }
        metrics.backorderUnits += Double(remaining)
        if order.createdAt >= settings.warmupHours { metrics.backordersCreated += Double(remaining) }
        reviewStock(slot: slot)
        // The strategy may park an order where usable stock stands (waiting for a preferred
        // source, or behind refurbished-only stock): give allocation the chance to release it.
        if state.onHand(slot: slot) > 0 { allocate(slot: slot) }
        requestLateralTransfer(toSlot: slot)
    }

    /// The nearest location that stocks the part on a lane the order may use (the nearest
    /// stocking location at all when every lane is forbidden; every demanded part is stocked
    /// somewhere).
    func fallbackBackorderLocation(for order: Order) -> Int {
        var nearestStocking: Int?
        for source32 in state.sourcesByDistance(site: order.site) {
            let source = Int(source32)
            guard state.network.slot(location: source, part: order.part) != nil else { continue }
            if state.evaluate(order, source: source, condition: .new) != nil { return source }
            if nearestStocking == nil { nearestStocking = source }
        }
        guard let nearestStocking else {
            preconditionFailure("part \(order.part) is stocked nowhere; the loader should have rejected the scenario")
        }
        return nearestStocking
    }

    /// Ships units to the order's site now: takes them off the shelf, books costs, may start a
    /// repair return, reviews the source's stock. Returns the delivery time.
    @discardableResult
    mutating func ship(_ order: Order, from source: Int, condition: Condition, mode: Int, quantity: Int,
                       backorder: Backorder? = nil) -> Double {
        guard let slot = state.network.slot(location: source, part: order.part) else {
            preconditionFailure("routing shipped from a location that does not stock the part")
        }
        if condition == .new {
            precondition(state.counts[slot].onHandNew >= quantity, "routing shipped new units that are not on hand")
            state.add(new: -Int32(quantity), slot: slot, location: source, part: order.part)
        } else {
            precondition(state.counts[slot].onHandRefurbished >= quantity, "routing shipped refurbished units that are not on hand")
            state.add(refurbished: -Int32(quantity), slot: slot, location: source, part: order.part)
        }
        ledger.shipped[slot] += quantity
        metrics.changeOnHand(location: source, part: order.part, by: -quantity)
        // Field paths, not copies of Location / Site / ShippingMode (each copy retains their
        // strings and arrays).
        let km = state.network.distanceKm(site: order.site, location: source)
        let ready = state.now + state.network.locations[source].pickDelayHours
        // The shortcut read in place first: `state.departure(...)` copies the whole NetworkState
        // to call a method on it (a 400-byte memcpy per shipment).
        let departure = state.departureShortcuts[source * state.network.modes.count + mode].leavesAtOnce(readyAt: ready)
            ?? state.departure(location: source, readyAt: ready, mode: mode) ?? ready
        var delivery = departure + (state.network.transitHours(mode: mode, location: source, site: order.site, km: km) ?? 0)
        var customsCost = 0.0
        let origin = state.network.locations[source].country, destination = state.network.sites[order.site].country
        if origin != destination {
            let pair = origin * state.network.countries.count + destination
            let rule = state.network.crossBorder[pair]
            if let delay = customsDelays[pair] { delivery += delay.sample(customsRandom) }
            customsCost = rule.brokerageFee + rule.dutyRate * state.network.parts[order.part].unitCost * Double(quantity)
        }
        let shippingCost = state.network.shippingCost(mode: mode, location: source, site: order.site, km: km,
                                                      part: order.part, quantity: quantity)
        if order.createdAt >= settings.warmupHours {
            metrics.costShipping += shippingCost
            metrics.costHandling += state.network.locations[source].handlingFeePerPick
            metrics.costCustoms += customsCost
        }
        if trace != nil, trace!.wants(order) {
            let line = trace!.nextLine(of: order)
            trace!.orderLines.append(OrderLineTrace(
                order: order, line: line, quantity: quantity, source: source, mode: mode, condition: condition,
                delivered: delivery, wasBackordered: backorder != nil,
                backorderWaitHours: backorder.map { state.now - $0.since } ?? 0,
                backorderLocation: backorder?.location ?? -1, reevaluations: backorder?.reevaluations ?? 0,
                shippingCost: shippingCost, handlingCost: state.network.locations[source].handlingFeePerPick,
                customsCost: customsCost))
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

extension Simulation {
    /// Records the routing decision just made, with every stocking location's facts (the state is
    /// still as the strategy saw it).
    mutating func recordDecision(_ order: Order) {
        var candidates: [(source: Int, usable: Int, candidate: Candidate?)] = []
        for source32 in state.sourcesByDistance(site: order.site) {
            let source = Int(source32)
            guard state.network.slot(location: source, part: order.part) != nil else { continue }
            let condition = state.defaultCondition(location: source, for: order)
            candidates.append((source, state.usableStock(location: source, for: order),
                               state.evaluate(order, source: source, condition: condition)))
        }
        trace!.decisions.append(DecisionTrace(order: order, candidates: candidates, lines: plan.lines,
                                              backorderLocation: plan.lines.reduce(0) { $0 + $1.quantity } < order.quantity
                                                  ? (plan.backorderLocation ?? fallbackBackorderLocation(for: order)) : nil,
                                              reason: plan.reason))
    }

    /// Records lines still open at the horizon.
    mutating func recordOpenLines() {
        guard trace != nil else { return }
        for ids in state.pending {
            for id in ids {
                let backorder = state.backorderPool[id]
                guard trace!.wants(backorder.order) else { continue }
                let line = trace!.nextLine(of: backorder.order)
                trace!.orderLines.append(OrderLineTrace(
                    order: backorder.order, line: line, quantity: backorder.quantity, source: -1, mode: -1,
                    condition: .new, delivered: .nan, wasBackordered: true,
                    backorderWaitHours: state.now - backorder.since, backorderLocation: backorder.location,
                    reevaluations: backorder.reevaluations, shippingCost: 0, handlingCost: 0, customsCost: 0))
            }
        }
    }
}
