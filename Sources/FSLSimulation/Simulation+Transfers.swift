import FSLKernel
import FSLNetwork

extension Simulation {
    /// Lateral transfer on a backorder: when transfers are allowed and a backorder at `slot` is
    /// not yet covered by transfers in transit, the nearest FSL or hub holding the part above its
    /// target level sends its excess (at most the uncovered units) by the transfer mode.
    ///
    /// The units count as on order at the receiver, so its policy does not order them again; the
    /// donor keeps at least its target level.
    mutating func requestLateralTransfer(toSlot slot: Int) {
        guard let transfers = state.network.transfers, transfers.isAllowed else { return }
        let receiver = state.network.stockSlots[slot]
        let uncovered = Int(state.counts[slot].backordered) - Int(transferInbound[slot])
        guard uncovered > 0 else { return }
        var best: (slot: Int, km: Double, excess: Int)?
        for donorSlot in slotsByPart[receiver.part] where donorSlot != slot {
            let donor = state.network.stockSlots[donorSlot]
            let kind = state.network.locations[donor.location].kind
            guard kind == .fsl || kind == .hub else { continue }
            let excess = Int(state.counts[donorSlot].onHandNew) - donor.policy.targetLevel
            guard excess > 0 else { continue }
            let km = state.network.distanceKm(from: donor.location, to: receiver.location)
            if best == nil || km < best!.km { best = (donorSlot, km, excess) }
        }
        guard let best else { return }
        moveUnits(fromSlot: best.slot, toSlot: slot, quantity: min(best.excess, uncovered))
    }

    /// Carries out the transfers the routing strategy asked for in the current plan, each only if
    /// transfers are allowed, both locations stock the part and the donor has the new units.
    mutating func executeRequestedTransfers() {
        guard !plan.transfers.isEmpty, let transfers = state.network.transfers, transfers.isAllowed else { return }
        for request in plan.transfers where request.quantity > 0 && request.from != request.to {
            guard let donorSlot = state.network.slot(location: request.from, part: request.part),
                  let receiverSlot = state.network.slot(location: request.to, part: request.part) else { continue }
            let quantity = min(request.quantity, Int(state.counts[donorSlot].onHandNew))
            if quantity > 0 { moveUnits(fromSlot: donorSlot, toSlot: receiverSlot, quantity: quantity) }
        }
    }

    /// Ships `quantity` new units from one slot to another of the same part by the transfer mode:
    /// they leave the donor now (after its pick delay, at its next departure), count as on order
    /// at the receiver, and arrive after the transit; costs go to `cost_transfer`.
    mutating func moveUnits(fromSlot donorSlot: Int, toSlot slot: Int, quantity: Int) {
        guard let transfers = state.network.transfers else { return }
        let donor = state.network.stockSlots[donorSlot]
        let receiver = state.network.stockSlots[slot]
        let km = state.network.distanceKm(from: donor.location, to: receiver.location)
        let mode = state.network.modes[transfers.mode]
        guard let transit = mode.transitHours(km: km) else { return }
        let ready = state.now + state.network.locations[donor.location].pickDelayHours
        let departure = state.departure(location: donor.location, readyAt: ready, mode: transfers.mode) ?? ready
        state.add(new: -Int32(quantity), slot: donorSlot, location: donor.location, part: donor.part)
        ledger.shipped[donorSlot] += quantity
        metrics.changeOnHand(location: donor.location, part: donor.part, by: -quantity)
        state.counts[slot].onOrder += Int32(quantity)
        transferInbound[slot] += Int32(quantity)
        if state.now >= settings.warmupHours {
            metrics.costTransfer += mode.cost(km: km, weightKg: state.network.parts[donor.part].weightKg, quantity: quantity)
                + transfers.costPerUnit * Double(quantity) + state.network.locations[donor.location].handlingFeePerPick
        }
        calendar.schedule(at: departure + transit, .lateralTransferArrival(slot: Int32(slot), quantity: Int32(quantity)))
        reviewStock(slot: donorSlot)
    }

    /// A lateral transfer arrives.
    mutating func receiveLateralTransfer(slot: Int, quantity: Int) {
        transferInbound[slot] -= Int32(quantity)
        receive(slot: slot, quantity: quantity, condition: .new, wasOnOrder: true)
    }

    /// Network-wide re-evaluation: stock left at `sourceSlot` after its own backorders is offered
    /// to backorders of the same part waiting elsewhere that it may serve (lane allowed, condition
    /// accepted), in the allocation strategy's order; released units ship straight to the customer.
    mutating func allocateAcrossNetwork(from sourceSlot: Int) {
        let part = state.network.stockSlots[sourceSlot].part
        let source = state.network.stockSlots[sourceSlot].location
        while state.onHand(slot: sourceSlot) > 0 {
            let onlyRefurbished = state.counts[sourceSlot].onHandNew == 0
            scratch.removeAll(keepingCapacity: true)
            for waitingSlot in slotsByPart[part] where waitingSlot != sourceSlot {
                for id in state.pending[waitingSlot] {
                    let order = state.backorderPool[id].order
                    if onlyRefurbished, !state.acceptsRefurbished(order) { continue }
                    if state.evaluate(order, source: source, condition: onlyRefurbished ? .refurbished : .new) == nil { continue }
                    scratch.append(id)
                }
            }
            guard !scratch.isEmpty else { return }
            guard let position = allocation.choose(pending: scratch, slot: sourceSlot, state: state) else {
                countReevaluations(scratch)
                return
            }
            let id = scratch[position]
            let waiting = state.backorderPool[id]
            guard let waitingSlot = state.network.slot(location: waiting.location, part: part) else { return }
            release(id, waitingAt: waitingSlot, from: sourceSlot)
        }
    }
}
