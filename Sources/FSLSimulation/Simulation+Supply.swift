import FSLKernel
import FSLNetwork

extension Simulation {
    /// Applies the slot's stock policy to its inventory position and orders what it asks for.
    mutating func reviewStock(slot: Int) {
        let stock = state.network.stockSlots[slot]
        let quantity = stock.policy.orderQuantity(position: state.inventoryPosition(slot: slot))
        guard quantity > 0 else { return }
        state.onOrderUnits[slot] += Int32(quantity)
        let now = state.now
        switch stock.source {
        case .unlimited:
            let arrival = now + leadTimes[slot].sample(leadTimeRandom[stock.location])
            calendar.schedule(at: arrival, .replenishmentArrival(slot: Int32(slot), quantity: Int32(quantity)))
        case .supplier(let supplier):
            var start = now
            if let capacity = state.network.suppliers[supplier].capacityPerWeek {
                let key = supplier * state.network.parts.count + stock.part
                start = max(now, supplierNextFree[key]) + Double(quantity) * Hours.perWeek / capacity
                supplierNextFree[key] = start
            }
            let arrival = start + leadTimes[slot].sample(leadTimeRandom[stock.location])
            calendar.schedule(at: arrival, .replenishmentArrival(slot: Int32(slot), quantity: Int32(quantity)))
        case .location(let supplying):
            guard let supplyingSlot = state.network.slot(location: supplying, part: stock.part) else {
                let arrival = now + leadTimes[slot].sample(leadTimeRandom[stock.location])
                calendar.schedule(at: arrival, .replenishmentArrival(slot: Int32(slot), quantity: Int32(quantity)))
                return
            }
            internalRequests[supplyingSlot].append((Int32(slot), Int32(quantity)))
            state.backorderedUnits[supplyingSlot] += Int32(quantity)
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
            let fromNew = min(quantity, Int(state.onHandNew[slot]))
            state.onHandNew[slot] -= Int32(fromNew)
            state.onHandRefurbished[slot] -= Int32(quantity - fromNew)
            state.backorderedUnits[slot] -= Int32(quantity)
            ledger.shipped[slot] += quantity
            let stock = state.network.stockSlots[slot]
            metrics.changeOnHand(location: stock.location, part: stock.part, by: -quantity)
            if quantity == Int(request.quantity) {
                internalRequests[slot].removeFirst()
            } else {
                internalRequests[slot][0].quantity -= Int32(quantity)
            }
            let target = Int(request.slot)
            let arrival = state.now + leadTimes[target].sample(leadTimeRandom[state.network.stockSlots[target].location])
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
        if wasOnOrder { state.onOrderUnits[slot] -= Int32(quantity) }
        if condition == .new { state.onHandNew[slot] += Int32(quantity) } else { state.onHandRefurbished[slot] += Int32(quantity) }
        ledger.received[slot] += quantity
        let stock = state.network.stockSlots[slot]
        metrics.changeOnHand(location: stock.location, part: stock.part, by: quantity)
        allocate(slot: slot)
        serveInternalRequests(slot: slot)
        reviewStock(slot: slot)
    }

    /// Releases backorders waiting at `slot` while stock lasts, in the allocation strategy's order.
    mutating func allocate(slot: Int) {
        while !state.pending[slot].isEmpty, state.onHand(slot: slot) > 0 {
            let onlyRefurbished = state.onHandNew[slot] == 0
            var candidates = state.pending[slot]
            if onlyRefurbished {
                scratch.removeAll(keepingCapacity: true)
                for id in candidates where state.acceptsRefurbished(state.backorderPool[id].order) { scratch.append(id) }
                if scratch.isEmpty { return }
                candidates = scratch
            }
            guard let position = allocation.choose(pending: candidates, slot: slot, state: state) else {
                for id in candidates { state.backorderPool[id].reevaluations += 1 }
                return
            }
            release(candidates[position], slot: slot)
        }
    }

    /// Ships as much of one backorder as the slot's stock allows.
    mutating func release(_ id: Int32, slot: Int) {
        var backorder = state.backorderPool[id]
        let order = backorder.order
        let accepted = state.acceptsRefurbished(order)
        let newUnits = min(backorder.quantity, Int(state.onHandNew[slot]))
        let refurbishedUnits = accepted ? min(backorder.quantity - newUnits, Int(state.onHandRefurbished[slot])) : 0
        let location = backorder.location
        let units = newUnits + refurbishedUnits
        guard units > 0 else { return }
        // The backorder leaves the position before the shipment re-reviews the stock, so the
        // inventory position never sees the unit twice.
        backorder.quantity -= units
        state.backorderedUnits[slot] -= Int32(units)
        metrics.backorderUnits -= Double(units)
        if order.createdAt >= settings.warmupHours {
            metrics.backorderWaitHours += Double(units) * (state.now - backorder.since)
        }
        var delivered = -Double.infinity
        for (condition, count) in [(Condition.new, newUnits), (.refurbished, refurbishedUnits)] where count > 0 {
            var partial = order
            partial.quantity = count
            let mode = state.evaluate(partial, source: location, condition: condition)?.mode ?? 0
            delivered = max(delivered, ship(partial, from: location, condition: condition, mode: mode, quantity: count,
                                            backorder: backorder))
        }
        if backorder.quantity == 0 {
            state.backorderPool.remove(id)
            if let index = state.pending[slot].firstIndex(of: id) { state.pending[slot].remove(at: index) }
        } else {
            state.backorderPool[id] = backorder
        }
        if let record = openOrders.deliver(backorder.openOrder, units: units, at: delivered) {
            metrics.recordOutcome(record.order, home: record.home, delivered: record.latestDelivery,
                                  horizon: settings.horizonHours)
            recordDailyOutcome(record.order, delivered: record.latestDelivery)
        }
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
