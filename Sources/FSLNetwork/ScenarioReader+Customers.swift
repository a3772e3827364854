import FSLKernel

extension ScenarioReader {
    func readServiceLevel(_ node: JSONNode?) -> ServiceLevel? {
        guard let node else { return nil }
        guard let object = node.object(keys: ["hours", "next_business_day_by", "same_day_by", "order_by"]) else { return nil }
        if let hours = object["hours"] {
            return hours.positiveNumber.map { .hours($0) }
        }
        if let sameDay = object["same_day_by"] {
            guard let by = timeOfDay(sameDay), let orderBy = object.required("order_by").flatMap(timeOfDay) else { return nil }
            return .sameDay(orderBy: orderBy, byHour: by)
        }
        if let nextDay = object["next_business_day_by"] {
            return timeOfDay(nextDay).map { .nextBusinessDay(byHour: $0) }
        }
        node.report("must give one of hours, same_day_by (with order_by) or next_business_day_by")
        return nil
    }

    func readContracts(_ node: JSONNode?) {
        let keys = ["id", "sla", "routine_sla", "penalty", "refurbished_allowed", "cross_border_allowed", "priority_weight"]
        for (id, object) in identified(node, keys: keys, what: "contract") {
            let sla = readServiceLevel(object.required("sla"))
            let routine = readServiceLevel(object["routine_sla"])
            var perBreach = 0.0, perHour = 0.0
            if let penalty = object["penalty"]?.object(keys: ["per_breach", "per_late_hour"]) {
                perBreach = penalty["per_breach"]?.nonNegativeNumber ?? 0
                perHour = penalty["per_late_hour"]?.nonNegativeNumber ?? 0
            }
            contractIndex[id] = contracts.count
            contracts.append(Contract(id: id, sla: sla ?? .hours(24), routineSLA: routine, penaltyPerBreach: perBreach,
                                      penaltyPerLateHour: perHour,
                                      refurbishedAllowed: object["refurbished_allowed"]?.bool ?? true,
                                      crossBorderAllowed: object["cross_border_allowed"]?.bool ?? true,
                                      priorityWeight: object["priority_weight"]?.positiveNumber ?? 1))
        }
        if contracts.isEmpty, log.isClean { node?.report("must define at least one contract") }
    }

    func readRegions(_ node: JSONNode?) {
        for (id, object) in identified(node, keys: ["id", "asl", "priority_weight"], what: "region") {
            let asl = (object.required("asl")?.array ?? []).compactMap { resolve($0, in: locationIndex, what: "location") }
            regionIndex[id] = regions.count
            regions.append(Region(id: id, aslPriority: asl, priorityWeight: object["priority_weight"]?.positiveNumber ?? 1))
        }
    }

    func readSites(_ node: JSONNode?) {
        let keys = ["id", "latitude", "longitude", "country", "time_zone", "contract", "region"]
        for (id, object) in identified(node, keys: keys, what: "site") {
            let latitude = object.required("latitude")?.number(in: -90...90, unit: "degrees")
            let longitude = object.required("longitude")?.number(in: -180...180, unit: "degrees")
            let countryIndex = country(object.required("country"))
            let contract = resolve(object.required("contract"), in: contractIndex, what: "contract")
            let region = resolve(object["region"], in: regionIndex, what: "region")
            var clock = object["time_zone"].flatMap(localClock)
            if clock == nil, object["time_zone"] == nil, let latitude, let longitude {
                clock = nearestLocation(latitude: latitude, longitude: longitude).map { locations[$0].calendar.clock }
            }
            guard let latitude, let longitude, let countryIndex, let contract, let clock else {
                rejectedIDs.insert("site \(id)")
                continue
            }
            siteIndex[id] = sites.count
            sites.append(Site(id: id, latitude: latitude, longitude: longitude, country: countryIndex, contract: contract,
                              region: region, clock: clock))
        }
        if sites.isEmpty, log.isClean { node?.report("must define at least one customer site") }
    }

    func nearestLocation(latitude: Double, longitude: Double) -> Int? {
        locations.indices.min { a, b in
            Geo.distanceKm(latitude1: latitude, longitude1: longitude, latitude2: locations[a].latitude, longitude2: locations[a].longitude)
                < Geo.distanceKm(latitude1: latitude, longitude1: longitude, latitude2: locations[b].latitude, longitude2: locations[b].longitude)
        }
    }

    /// Reads `"*"`, a list of ids or an object of id → weight into (indices, weights).
    func weightedSelection(_ node: JSONNode?, table: [String: Int], count: Int, what: String) -> ([Int], [Double])? {
        guard let node else { return nil }
        switch node.value {
        case .string("*"): return (Array(0..<count), Array(repeating: 1, count: count))
        case .array:
            let indices = (node.array ?? []).compactMap { resolve($0, in: table, what: what) }
            if indices.isEmpty { node.report("must name at least one \(what)") }
            return (indices, Array(repeating: 1, count: indices.count))
        case .object(let fields):
            var indices: [Int] = [], weights: [Double] = []
            let object = JSONObjectNode(fields: fields, node: node)
            for key in fields.keys.sorted() {
                guard let child = object[key] else { continue }
                guard let index = table[key] else {
                    if rejectedIDs.contains("\(what) \(key)") { continue }
                    child.report("refers to unknown \(what) \"\(key)\"\(Spelling.didYouMean(key, among: table.keys.sorted()))")
                    continue
                }
                if let weight = child.positiveNumber {
                    indices.append(index)
                    weights.append(weight)
                }
            }
            if indices.isEmpty { node.report("must name at least one \(what) with a positive weight") }
            return (indices, weights)
        default:
            node.report("must be \"*\" (all), a list of \(what) ids, or an object of \(what) id to weight")
            return nil
        }
    }

    func readDemand(_ node: JSONNode?) {
        let keys = ["sites", "parts", "orders_per_day", "quantity", "units_per_day", "variance_to_mean", "urgent_fraction",
                    "weekly_pattern", "trend_per_year"]
        for item in node?.array ?? [] {
            guard let object = item.object(keys: keys) else { continue }
            let siteSelection = weightedSelection(object.required("sites"), table: siteIndex, count: sites.count, what: "site")
            let partSelection = weightedSelection(object.required("parts"), table: partIndex, count: parts.count, what: "part")
            var ordersPerDay: Double?
            var quantity = OrderQuantity.one
            if let units = object["units_per_day"] {
                if object.has("orders_per_day") { item.report("give either orders_per_day or units_per_day, not both") }
                let mean = units.positiveNumber
                let ratio = object.required("variance_to_mean")?.number
                if let ratio, ratio <= 1 {
                    object["variance_to_mean"]?.report("must be greater than 1 for lumpy demand; use orders_per_day for Poisson demand")
                } else if let mean, let ratio {
                    ordersPerDay = mean * Foundation.log(ratio) / (ratio - 1)
                    quantity = .logarithmic(q: 1 - 1 / ratio)
                }
            } else {
                ordersPerDay = object.required("orders_per_day")?.positiveNumber
                if let quantityNode = object["quantity"], let spec = DistributionSpec.read(quantityNode) {
                    let minimum: Double? = switch spec {
                    case .deterministic(let value): value
                    case .empirical(let values, _): values.min()
                    default: nil
                    }
                    if let minimum, minimum >= 1, spec.isDiscrete {
                        quantity = .distribution(spec)
                    } else {
                        quantityNode.report("must be deterministic or empirical with whole numbers of 1 or more")
                    }
                }
            }
            let urgent = object["urgent_fraction"]?.number(in: 0...1) ?? 1
            var pattern = Array(repeating: 1.0, count: 7)
            if let patternNode = object["weekly_pattern"], let values = patternNode.array {
                if values.count != 7 { patternNode.report("must have 7 multipliers, Monday first; found \(values.count)") }
                else { pattern = values.map { $0.nonNegativeNumber ?? 1 } }
                if pattern.allSatisfy({ $0 == 0 }) { patternNode.report("must not be all zero") }
            }
            let trend = object["trend_per_year"]?.number(in: -0.99...100) ?? 0
            guard let siteSelection, let partSelection, let ordersPerDay, !siteSelection.0.isEmpty,
                  !partSelection.0.isEmpty else { continue }
            demand.append(DemandStream(ordersPerDay: ordersPerDay, sites: siteSelection.0, siteWeights: siteSelection.1,
                                       parts: partSelection.0, partWeights: partSelection.1, quantity: quantity,
                                       urgentFraction: urgent, weeklyPattern: pattern, trendPerYear: trend))
        }
    }
}

import Foundation
