import FSLNetwork

/// Accumulates a replication's metrics after the warm-up: counts, costs and time-weighted levels.
struct MetricsCollector {
    let warmup: Double
    let network: Network

    // Time-weighted levels and their integrals (from the warm-up on).
    private var lastTime: Double
    var onHandUnits = 0.0
    var onHandValue = 0.0
    var holdingRatePerHour = 0.0
    var backorderUnits = 0.0
    private(set) var onHandArea = 0.0
    private(set) var onHandValueArea = 0.0
    private(set) var holdingCost = 0.0
    private(set) var backorderArea = 0.0

    /// Per-order outcome counters of one segment.
    struct SegmentTotals {
        var orders = 0.0
        var units = 0.0
        var linesFromStock = 0.0
        var lines = 0.0
        var onTime = 0.0
        var penalty = 0.0
    }

    // Per-order outcomes, per segment: index 0 = all, then tiers, then locations, then countries.
    // One array of structs rather than six arrays: an order touches 4 segments, and each array
    // write costs a uniqueness and a bounds check (16 per order before, 4 now).
    var totals: [SegmentTotals]
    var deliveryHours: [Double] = []
    var backordersCreated = 0.0
    var backorderWaitHours = 0.0
    var costShipping = 0.0
    var costHandling = 0.0
    var costCustoms = 0.0
    var costTransfer = 0.0

    /// `network.parts[i].unitCost` and `network.locations[i].holdingRatePerYear` in flat arrays:
    /// a Part record is large, and with thousands of parts each read missed the cache.
    let unitCostByPart: [Double]
    let holdingRateByLocation: [Double]

    let tierOffset = 1
    let locationOffset: Int
    let countryOffset: Int

    init(network: Network, warmup: Double) {
        self.network = network
        self.warmup = warmup
        lastTime = 0
        unitCostByPart = network.parts.map(\.unitCost)
        holdingRateByLocation = network.locations.map(\.holdingRatePerYear)
        locationOffset = 1 + network.contracts.count
        countryOffset = locationOffset + network.locations.count
        let segments = countryOffset + network.countries.count
        totals = Array(repeating: SegmentTotals(), count: segments)
    }

    /// Integrates the levels up to `now`.
    @inline(__always) mutating func advance(to now: Double) {
        let from = max(lastTime, warmup)
        if now > from {
            let dt = now - from
            onHandArea += onHandUnits * dt
            onHandValueArea += onHandValue * dt
            holdingCost += holdingRatePerHour * dt
            backorderArea += backorderUnits * dt
        }
        lastTime = now
    }

    /// Adds `delta` units of `part` at `location` to the on-hand levels.
    @inline(__always) mutating func changeOnHand(location: Int, part: Int, by delta: Int) {
        let value = unitCostByPart[part] * Double(delta)
        onHandUnits += Double(delta)
        onHandValue += value
        holdingRatePerHour += value * holdingRateByLocation[location] / 8760
    }

    /// Segment indices of an order: tier, home location, country.
    @inline(__always) func segments(site: Int, contract: Int, home: Int) -> (Int, Int, Int) {
        (tierOffset + contract, locationOffset + home, countryOffset + network.sites[site].country)
    }

    /// Records the arrival of an order (counted once).
    mutating func recordArrival(_ order: Order, home: Int, fromStock: Bool) {
        guard order.createdAt >= warmup else { return }
        let (tier, location, country) = segments(site: order.site, contract: order.contract, home: home)
        let units = Double(order.quantity)
        // One uniqueness check for the four segments (distinct, in range by construction).
        totals.withUnsafeMutableBufferPointer { totals in
            for segment in FourIndices(values: (0, tier, location, country)) {
                totals[segment].orders += 1
                totals[segment].units += units
                totals[segment].lines += 1
                if fromStock { totals[segment].linesFromStock += 1 }
            }
        }
    }

    /// Records the completion of an order delivered at `delivered` (or still open at the horizon
    /// when `delivered` is nil).
    mutating func recordOutcome(_ order: Order, home: Int, delivered: Double?, horizon: Double) {
        guard order.createdAt >= warmup else { return }
        let finish = delivered ?? horizon
        let late = finish - order.deadline
        let isOnTime = delivered != nil && late <= 0
        var orderPenalty = 0.0
        if !isOnTime {
            // Field paths: a Contract copy retains its strings.
            orderPenalty = network.contracts[order.contract].penaltyPerBreach
                + network.contracts[order.contract].penaltyPerLateHour * max(0, late)
        }
        if let delivered { deliveryHours.append(delivered - order.createdAt) }
        let (tier, location, country) = segments(site: order.site, contract: order.contract, home: home)
        totals.withUnsafeMutableBufferPointer { totals in
            for segment in FourIndices(values: (0, tier, location, country)) {
                if isOnTime { totals[segment].onTime += 1 }
                totals[segment].penalty += orderPenalty
            }
        }
    }

    /// The metrics in their fixed output order.
    func values(events: Int, horizon: Double, openBackorderUnits: Int) -> [MetricValue] {
        let window = max(horizon - warmup, 1e-9)
        let sortedDelivery = MetricsCollector.sortedAscending(deliveryHours)
        let p95 = sortedDelivery.isEmpty ? Double.nan : sortedDelivery[min(sortedDelivery.count - 1, Int((0.95 * Double(sortedDelivery.count)).rounded(.up)) - 1)]
        let meanDelivery = sortedDelivery.isEmpty ? Double.nan : sortedDelivery.reduce(0, +) / Double(sortedDelivery.count)
        func ratio(_ a: Double, _ b: Double) -> Double { b > 0 ? a / b : .nan }
        let all = totals[0]
        let costPenalty = all.penalty
        let costTotal = costShipping + costHandling + costCustoms + costTransfer + holdingCost + costPenalty
        var values: [MetricValue] = [
            .init(metric: "orders", segment: "all", value: all.orders),
            .init(metric: "units", segment: "all", value: all.units),
            .init(metric: "fill_rate", segment: "all", value: ratio(all.linesFromStock, all.lines)),
            .init(metric: "sla_attainment", segment: "all", value: ratio(all.onTime, all.orders)),
            .init(metric: "mean_delivery_h", segment: "all", value: meanDelivery),
            .init(metric: "p95_delivery_h", segment: "all", value: p95),
            .init(metric: "backorders_created", segment: "all", value: backordersCreated),
            .init(metric: "avg_backorders", segment: "all", value: backorderArea / window),
            .init(metric: "mean_backorder_wait_h", segment: "all", value: ratio(backorderWaitHours, backordersCreated)),
            .init(metric: "backorders_open_end", segment: "all", value: Double(openBackorderUnits)),
            .init(metric: "avg_on_hand", segment: "all", value: onHandArea / window),
            .init(metric: "avg_inventory_value", segment: "all", value: onHandValueArea / window),
            .init(metric: "cost_shipping", segment: "all", value: costShipping),
            .init(metric: "cost_handling", segment: "all", value: costHandling),
            .init(metric: "cost_customs", segment: "all", value: costCustoms),
            .init(metric: "cost_transfer", segment: "all", value: costTransfer),
            .init(metric: "cost_holding", segment: "all", value: holdingCost),
            .init(metric: "cost_penalty", segment: "all", value: costPenalty),
            .init(metric: "cost_total", segment: "all", value: costTotal),
            .init(metric: "events", segment: "all", value: Double(events)),
        ]
        var labelled: [(Int, String)] = []
        for (i, contract) in network.contracts.enumerated() { labelled.append((tierOffset + i, "tier=\(contract.id)")) }
        for (i, location) in network.locations.enumerated() where location.kind != .repairDepot {
            labelled.append((locationOffset + i, "location=\(location.id)"))
        }
        for (i, country) in network.countries.enumerated() { labelled.append((countryOffset + i, "country=\(country)")) }
        for (index, segment) in labelled where totals[index].orders > 0 {
            let t = totals[index]
            values.append(.init(metric: "orders", segment: segment, value: t.orders))
            values.append(.init(metric: "fill_rate", segment: segment, value: ratio(t.linesFromStock, t.lines)))
            values.append(.init(metric: "sla_attainment", segment: segment, value: ratio(t.onTime, t.orders)))
            values.append(.init(metric: "cost_penalty", segment: segment, value: t.penalty))
        }
        return values
    }
}

extension MetricsCollector {
    /// `values.sorted()` for values without NaN, by a least-significant-digit radix sort on the
    /// IEEE 754 bit patterns (4 passes of 16 bits): O(n) instead of O(n log n) comparisons, and
    /// the same sorted array (the only difference, −0 before +0, cannot change a mean or a
    /// percentile). Short arrays use the comparison sort.
    static func sortedAscending(_ values: [Double]) -> [Double] {
        guard values.count > 4096 else { return values.sorted() }
        let sign: UInt64 = 1 << 63
        // Order-preserving map to unsigned keys: flip every bit of negatives, the sign of the rest.
        var keys = values.map { x -> UInt64 in
            let bits = x.bitPattern
            return bits & sign != 0 ? ~bits : bits | sign
        }
        var buffer = [UInt64](repeating: 0, count: keys.count)
        var counts = [Int](repeating: 0, count: 1 << 16)
        for shift in stride(from: UInt64(0), to: 64, by: 16) {
            for i in counts.indices { counts[i] = 0 }
            for key in keys { counts[Int(truncatingIfNeeded: (key >> shift) & 0xFFFF)] += 1 }
            var start = 0
            for i in counts.indices {
                let count = counts[i]
                counts[i] = start
                start += count
            }
            for key in keys {
                let digit = Int(truncatingIfNeeded: (key >> shift) & 0xFFFF)
                buffer[counts[digit]] = key
                counts[digit] += 1
            }
            swap(&keys, &buffer)
        }
        return keys.map { key in Double(bitPattern: key & sign != 0 ? key & ~sign : ~key) }
    }
}

/// Four segment indices iterated without allocating an array.
struct FourIndices: Sequence, IteratorProtocol {
    var values: (Int, Int, Int, Int)
    var position = 0

    init(values: (Int, Int, Int, Int)) { self.values = values }

    mutating func next() -> Int? {
        defer { position += 1 }
        switch position {
        case 0: return values.0
        case 1: return values.1
        case 2: return values.2
        case 3: return values.3
        default: return nil
        }
    }
}
