import CGSL
import FSLKernel

extension ScenarioReader {
    /// Reads `"*"`, a list of location ids or `{"type": "fsl"}`.
    func locationSelection(_ node: JSONNode?) -> [Int]? {
        guard let node else { return nil }
        switch node.value {
        case .string("*"): return Array(locations.indices)
        case .array: return (node.array ?? []).compactMap { resolve($0, in: locationIndex, what: "location") }
        case .object:
            guard let object = node.object(keys: ["type"]), let typeNode = object.required("type"),
                  let text = typeNode.string else { return nil }
            guard let kind = LocationKind(rawValue: text) else {
                typeNode.report("must be one of \(LocationKind.allCases.map(\.rawValue).joined(separator: ", ")); found \"\(text)\"")
                return nil
            }
            return locations.indices.filter { locations[$0].kind == kind }
        default:
            node.report("must be \"*\", a list of location ids, or {\"type\": \"fsl\"}")
            return nil
        }
    }

    /// A policy, or a fill-rate target to size base stock from local demand.
    enum PolicyChoice {
        case fixed(StockPolicy)
        case fillTarget(Double)
        case notStocked
    }

    func readPolicy(_ node: JSONNode?) -> PolicyChoice? {
        guard let node else { return nil }
        if case .string("not_stocked") = node.value { return .notStocked }
        guard let object = node.object(keys: ["base_stock", "s_S", "min_max"]) else { return nil }
        if let base = object["base_stock"] {
            if case .object = base.value {
                return base.object(keys: ["fill_target"])?.required("fill_target")?.number(in: 0.01...0.999999)
                    .map { .fillTarget($0) }
            }
            return base.integer(in: 0...1_000_000).map { .fixed(.baseStock(target: $0)) }
        }
        if let body = object["s_S"]?.object(keys: ["s", "S"]) {
            guard let s = body.required("s")?.integer(in: -1...1_000_000),
                  let upTo = body.required("S")?.integer(in: 0...1_000_000) else { return nil }
            if upTo <= s { body.node.report("S must be greater than s (found s = \(s), S = \(upTo))"); return nil }
            return .fixed(.reorderPoint(s: s, S: upTo))
        }
        if let body = object["min_max"]?.object(keys: ["min", "max"]) {
            guard let low = body.required("min")?.integer(in: 0...1_000_000),
                  let high = body.required("max")?.integer(in: 0...1_000_000) else { return nil }
            if high < low { body.node.report("max must be at least min (found min = \(low), max = \(high))"); return nil }
            return .fixed(.minMax(min: low, max: high))
        }
        node.report("must give one of base_stock, s_S, min_max, or the string \"not_stocked\"")
        return nil
    }

    func readStock(_ node: JSONNode?) -> [StockSlot] {
        let keys = ["locations", "parts", "policy", "initial", "source", "lead_time"]
        // Flat tables rather than a dictionary: a scenario may have millions of ASL entries.
        // `position[key]` is the entry's place in `slots` (first appearance order), −1 if none.
        var position = [Int32](repeating: -1, count: locations.count * parts.count)
        // Entries removed by "not_stocked" are flagged rather than made optional, so that when
        // none is removed the array is returned as it is (no compacting copy of millions of slots).
        var slots: [StockSlot] = []
        var isRemoved: [Bool] = []
        for item in node?.array ?? [] {
            guard let object = item.object(keys: keys) else { continue }
            let selected = locationSelection(object.required("locations"))
            let partSelection = weightedSelection(object.required("parts"), table: partIndex, count: parts.count, what: "part")
            let policy = readPolicy(object.required("policy"))
            var initialNew: Int?, initialRefurbished = 0
            if let initial = object["initial"]?.object(keys: ["new", "refurbished"]) {
                initialNew = initial["new"]?.integer(in: 0...10_000_000)
                initialRefurbished = initial["refurbished"]?.integer(in: 0...10_000_000) ?? 0
            }
            var source = ReplenishmentSource.unlimited
            if let sourceNode = object["source"], let id = sourceNode.nonEmptyString {
                if let location = locationIndex[id] { source = .location(location) }
                else if let supplier = supplierIndex[id] { source = .supplier(supplier) }
                else if !rejectedIDs.contains("location \(id)") {
                    sourceNode.report("refers to unknown location or supplier \"\(id)\"\(Spelling.didYouMean(id, among: locationIndex.keys.sorted() + supplierIndex.keys.sorted()))")
                }
            }
            var leadTime = object["lead_time"].flatMap(DistributionSpec.read)
            if leadTime == nil, object["lead_time"] == nil {
                if case .supplier(let index) = source { leadTime = suppliers[index].leadTime }
                else if case .notStocked? = policy { leadTime = .deterministic(value: 0) }  // nothing is ordered
                else { _ = object.required("lead_time") }  // reported as missing
            }
            guard let selected, let partSelection, let policy, let leadTime else { continue }
            let localDemand: [[Double]] = if case .fillTarget = policy {
                localUnitsPerDay(locations: selected, parts: partSelection.0)
            } else { [] }
            for location in selected {
                if case .location(let from) = source, from == location {
                    object["source"]?.report("a location cannot replenish from itself")
                    break
                }
                for (slotInParts, part) in partSelection.0.enumerated() {
                    let key = location * parts.count + part
                    let resolved: StockPolicy
                    switch policy {
                    case .notStocked:
                        if position[key] >= 0 { isRemoved[Int(position[key])] = true }
                        continue
                    case .fixed(let fixed): resolved = fixed
                    case .fillTarget(let target):
                        let rate = localDemand[location].isEmpty ? 0 : localDemand[location][slotInParts]
                        resolved = .baseStock(target: Self.poissonQuantile(mean: rate * leadTime.mean / 24, target: target))
                    }
                    let slot = StockSlot(location: location, part: part, policy: resolved,
                                         initialNew: initialNew ?? resolved.targetLevel,
                                         initialRefurbished: initialRefurbished, source: source, leadTime: leadTime)
                    if position[key] >= 0 {
                        slots[Int(position[key])] = slot
                        isRemoved[Int(position[key])] = false
                    } else {
                        position[key] = Int32(slots.count)
                        slots.append(slot)
                        isRemoved.append(false)
                    }
                }
            }
        }
        // A key removed by "not_stocked" and added again keeps its first place.
        guard isRemoved.contains(true) else { return slots }
        return slots.indices.filter { !isRemoved[$0] }.map { slots[$0] }
    }

    /// Mean units per day of each selected part whose demand comes from the sites nearest to each
    /// location among `candidates`: `rates[location][slotInParts]` (empty rows for non-candidates).
    /// Flat arrays, no dictionaries: an ASL entry may cover millions of (location, part) pairs.
    func localUnitsPerDay(locations candidates: [Int], parts selected: [Int]) -> [[Double]] {
        var rates = [[Double]](repeating: [], count: locations.count)
        for location in candidates { rates[location] = Array(repeating: 0, count: selected.count) }
        var partSlot = [Int](repeating: -1, count: parts.count)
        for (i, part) in selected.enumerated() { partSlot[part] = i }
        var nearest: [Int] = []
        nearest.reserveCapacity(sites.count)
        for site in sites {
            var best = -1, bestKm = Double.infinity
            for candidate in candidates {
                let km = Geo.distanceKm(latitude1: site.latitude, longitude1: site.longitude,
                                        latitude2: locations[candidate].latitude, longitude2: locations[candidate].longitude)
                if km < bestKm { (best, bestKm) = (candidate, km) }
            }
            nearest.append(best)
        }
        for stream in demand {
            let siteTotal = stream.siteWeights.reduce(0, +)
            let partTotal = stream.partWeights.reduce(0, +)
            var shareByLocation = [Double](repeating: 0, count: locations.count)
            for (site, weight) in zip(stream.sites, stream.siteWeights) where nearest[site] >= 0 {
                shareByLocation[nearest[site]] += weight / siteTotal
            }
            let unitsPerDay = stream.ordersPerDay * stream.quantity.mean
            for (location, share) in shareByLocation.enumerated() where share > 0 {
                for (part, weight) in zip(stream.parts, stream.partWeights) where partSlot[part] >= 0 {
                    rates[location][partSlot[part]] += unitsPerDay * share * weight / partTotal
                }
            }
        }
        return rates
    }

    /// The smallest S with P(N ≤ S) ≥ target for N ~ Poisson(mean) (`gsl_cdf_poisson_P`).
    static func poissonQuantile(mean: Double, target: Double) -> Int {
        guard mean > 0 else { return 0 }
        var s = 0
        while gsl_cdf_poisson_P(UInt32(s), mean) < target { s += 1 }
        return s
    }

    func checkDemandIsStocked(slots: [StockSlot], node: JSONNode, trace: [TracedOrder] = []) {
        var stocked = Array(repeating: false, count: parts.count)
        for slot in slots { stocked[slot.part] = true }
        var reported = Set<Int>()
        for (i, stream) in demand.enumerated() {
            for part in stream.parts where !stocked[part] && !reported.contains(part) {
                reported.insert(part)
                log.add(node.path(of: "demand[\(i)].parts"),
                        "part \"\(parts[part].id)\" has demand but is stocked nowhere; add a stock entry for it")
            }
        }
        for order in trace where !stocked[order.part] && !reported.contains(order.part) {
            reported.insert(order.part)
            log.add(node.path(of: "demand_trace"),
                    "part \"\(parts[order.part].id)\" is ordered in the trace but stocked nowhere; add a stock entry for it")
        }
    }
}
