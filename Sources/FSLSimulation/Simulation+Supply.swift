import FSLKernel
import FSLNetwork

extension Simulation {
    /// Applies the slot's stock policy to its inventory position and orders what it asks for.
    mutating func reviewStock(slot: Int) {
        // One 32-byte record per slot (see SlotReview), not the StockSlot: at a million slots
        // every extra record read is a cache miss.
        let review = reviews[slot]
        let quantity = review.policy.orderQuantity(position: state.reorderPosition(slot: slot))
        guard quantity > 0 else { return }
        state.counts[slot].onOrder += Int32(quantity)
        let now = state.now
        let location = Int(review.location), part = Int(review.part)
        let rng = leadTimeGenerators[location]
        if review.isUnlimited {
            let arrival = now + leadTimes.sample(distribution: Int(review.leadTime), using: rng)
            calendar.schedule(at: arrival, .replenishmentArrival(slot: Int32(slot), quantity: Int32(quantity)))
            return
        }
        switch state.network.stockSlots[slot].source {
        case .unlimited:
            let arrival = now + leadTimes.sample(slot: slot, using: rng)
            calendar.schedule(at: arrival, .replenishmentArrival(slot: Int32(slot), quantity: Int32(quantity)))
        case .supplier(let supplier):
            guard let capacity = state.network.suppliers[supplier].capacityPerWeek else {
                let arrival = now + leadTimes.sample(slot: slot, using: rng)
                calendar.schedule(at: arrival, .replenishmentArrival(slot: Int32(slot), quantity: Int32(quantity)))
                return
            }
            // Capacity C units per week per part: units are produced one after another, each
            // taking 168/C hours once the supplier is free, and each ships as soon as it is made.
            let key = supplier * state.network.parts.count + part
            var finished = max(now, supplierNextFree[key])
            for _ in 0..<quantity {
                finished += Hours.perWeek / capacity
                let arrival = finished + leadTimes.sample(slot: slot, using: rng)
                calendar.schedule(at: arrival, .replenishmentArrival(slot: Int32(slot), quantity: 1))
            }
            supplierNextFree[key] = finished
        case .location(let supplying):
            guard let supplyingSlot = state.network.slot(location: supplying, part: part) else {
                let arrival = now + leadTimes.sample(slot: slot, using: rng)
                calendar.schedule(at: arrival, .replenishmentArrival(slot: Int32(slot), quantity: Int32(quantity)))
                return
            }
            internalRequests[supplyingSlot].append((Int32(slot), Int32(quantity)))
            state.counts[supplyingSlot].backordered += Int32(quantity)
            serveInternalRequests(slot: supplyingSlot)
            reviewStock(slot: supplyingSlot)
        }
    }

    /// Ships waiting replenishment requests from a supplying slot (first come, first served).
    mutating func serveInternalRequests(slot: Int) {
        while !internalRequests[slot].isEmpty {
            let onHand = state.onHand(slot: slot)
            guard onHand > 0 else { return }
            let request = internalRequests[slot][0]
            let quantity = min(Int(request.quantity), onHand)
            let fromNew = min(quantity, Int(state.counts[slot].onHandNew))
            state.add(new: -Int32(fromNew), refurbished: -Int32(quantity - fromNew), slot: slot,
                      location: state.network.stockSlots[slot].location, part: state.network.stockSlots[slot].part)
            state.counts[slot].backordered -= Int32(quantity)
            ledger.shipped[slot] += quantity
            metrics.changeOnHand(location: state.network.stockSlots[slot].location, part: state.network.stockSlots[slot].part,
                                 by: -quantity)
            if quantity == Int(request.quantity) {
                internalRequests[slot].removeFirst()
            } else {
                internalRequests[slot][0].quantity -= Int32(quantity)
            }
            let target = Int(request.slot)
            let arrival = state.now + leadTimes.sample(slot: target, using: leadTimeGenerators[state.network.stockSlots[target].location])
            if fromNew > 0 {
                calendar.schedule(at: arrival, .replenishmentArrival(slot: request.slot, quantity: Int32(fromNew)))
            }
            if quantity > fromNew {
                calendar.schedule(at: arrival, .transferArrival(slot: request.slot, quantity: Int32(quantity - fromNew),
                                                               condition: Int8(Condition.refurbished.rawValue)))
            }
        }
    }

    /// Units arrive at a slot: put them on the shelf, let allocation release backorders, serve
    /// waiting replenishment requests, review the policy.
    mutating func receive(slot: Int, quantity: Int, condition: Condition, wasOnOrder: Bool) {
        if wasOnOrder { state.counts[slot].onOrder -= Int32(quantity) }
        let location = Int(reviews[slot].location), part = Int(reviews[slot].part)
        if condition == .new {
            state.add(new: Int32(quantity), slot: slot, location: location, part: part)
        } else {
            state.add(refurbished: Int32(quantity), slot: slot, location: location, part: part)
        }
        ledger.received[slot] += quantity
        metrics.changeOnHand(location: location, part: part, by: quantity)
        // `backordered` counts the units of the slot's pending backorders and of the replenishment
        // requests waiting on it alike (each positive), so zero means both lists are empty: skip
        // them without touching their arrays (two cache misses per receipt at a million slots).
        if state.counts[slot].backordered > 0 || settings.reevaluatesNetworkWide {
            allocate(slot: slot)
            serveInternalRequests(slot: slot)
        }
        #if FSLSIM_INTERNAL_CHECKS
        if state.counts[slot].backordered == 0 {
            precondition(state.pending[slot].isEmpty && internalRequests[slot].isEmpty,
                         "slot \(slot) has waiting backorders or requests but no backordered units")
        }
        #endif
        reviewStock(slot: slot)
    }

    /// Releases backorders waiting at `slot` while stock lasts, in the allocation strategy's order;
    /// with network-wide re-evaluation, stock left over then serves backorders of the same part
    /// waiting at other locations (shipped directly from here).
    mutating func allocate(slot: Int) {
        while !state.pending[slot].isEmpty, state.onHand(slot: slot) > 0 {
            let id: Int32
            if state.counts[slot].onHandNew == 0 {
                // Only refurbished units: offer them to the orders that accept them.
                scratch.removeAll(keepingCapacity: true)
                for id in state.pending[slot] where state.acceptsRefurbished(state.backorderPool[id].order) { scratch.append(id) }
                if scratch.isEmpty { break }
                guard let position = allocation.choose(pending: scratch, slot: slot, state: state) else {
                    countReevaluations(scratch)
                    return
                }
                id = scratch[position]
            } else {
                guard let position = allocation.choose(pending: state.pending[slot], slot: slot, state: state) else {
                    countReevaluations(state.pending[slot])
                    return
                }
                id = state.pending[slot][position]
            }
            release(id, waitingAt: slot, from: slot)
        }
        if settings.reevaluatesNetworkWide { allocateAcrossNetwork(from: slot) }
    }

    mutating func countReevaluations(_ ids: [Int32]) {
        for id in ids { state.backorderPool[id].reevaluations += 1 }
    }

    /// Ships as much of one backorder (waiting at `waitingSlot`) as `sourceSlot`'s stock allows.
    mutating func release(_ id: Int32, waitingAt waitingSlot: Int, from sourceSlot: Int) {
        var backorder = state.backorderPool[id]
        let order = backorder.order
        let accepted = state.acceptsRefurbished(order)
        let newUnits = min(backorder.quantity, Int(state.counts[sourceSlot].onHandNew))
        let refurbishedUnits = accepted ? min(backorder.quantity - newUnits, Int(state.counts[sourceSlot].onHandRefurbished)) : 0
        let source = state.network.stockSlots[sourceSlot].location
        let units = newUnits + refurbishedUnits
        guard units > 0 else { return }
        // The backorder leaves the position before the shipment re-reviews the stock, so the
        // inventory position never sees the unit twice.
        backorder.quantity -= units
        state.counts[waitingSlot].backordered -= Int32(units)
        if !accepted { state.newOnlyBackorderedUnits[waitingSlot] -= Int32(units) }
        metrics.backorderUnits -= Double(units)
        if order.createdAt >= settings.warmupHours {
            metrics.backorderWaitHours += Double(units) * (state.now - backorder.since)
        }
        if backorder.quantity == 0 {
            state.backorderPool.remove(id)
            if let index = state.pending[waitingSlot].firstIndex(of: id) { state.pending[waitingSlot].remove(at: index) }
        } else {
            state.backorderPool[id] = backorder
        }
        var delivered = -Double.infinity
        if newUnits > 0 { delivered = max(delivered, shipReleased(order, units: newUnits, condition: .new, from: source, backorder: backorder)) }
        if refurbishedUnits > 0 {
            delivered = max(delivered, shipReleased(order, units: refurbishedUnits, condition: .refurbished, from: source,
                                                    backorder: backorder))
        }
        if waitingSlot != sourceSlot { reviewStock(slot: waitingSlot) }
        if let record = openOrders.deliver(backorder.openOrder, units: units, at: delivered) {
            metrics.recordOutcome(record.order, home: record.home, delivered: record.latestDelivery,
                                  horizon: settings.horizonHours)
            recordDailyOutcome(record.order, delivered: record.latestDelivery)
        }
    }

    private mutating func shipReleased(_ order: Order, units: Int, condition: Condition, from source: Int,
                                       backorder: Backorder) -> Double {
        var partial = order
        partial.quantity = units
        let mode = state.evaluate(partial, source: source, condition: condition)?.mode ?? fastestMode(from: source, site: order.site)
        return ship(partial, from: source, condition: condition, mode: mode, quantity: units, backorder: backorder)
    }

    /// The mode with the shortest transit to the site (for a lane the evaluator rejects).
    func fastestMode(from source: Int, site: Int) -> Int {
        let km = state.network.distanceKm(site: site, location: source)
        var best = 0, bestHours = Double.infinity
        for index in state.network.modes.indices {
            if let hours = state.network.transitHours(mode: index, location: source, site: site, km: km), hours < bestHours {
                (best, bestHours) = (index, hours)
            }
        }
        return best
    }

    /// A defective unit reaches the repair depot: start its repair.
    mutating func handleReturn(part: Int) {
        guard let distributions = repairDistributions else { return }
        calendar.schedule(after: distributions.repairTime.sample(repairRandom), .repairDone(part: Int32(part)))
    }

    /// A repair finishes: with the loop's yield the unit becomes refurbished stock at its
    /// destination. It is scrapped where that location does not stock the part, and for parts
    /// whose refurbished units may not substitute for new (no order could ever take them, and
    /// counted in the inventory position they would stop the policy from reordering).
    mutating func handleRepaired(part: Int) {
        guard let repair = state.network.repair, repairRandom.uniform() < repair.yield,
              state.network.parts[part].refurbishedSubstitutes,
              let slot = state.network.slot(location: repair.destination, part: part) else { return }
        receive(slot: slot, quantity: 1, condition: .refurbished, wasOnOrder: false)
    }
}
