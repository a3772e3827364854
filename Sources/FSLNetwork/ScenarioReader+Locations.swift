import FSLKernel

extension ScenarioReader {
    func readModes(_ node: JSONNode?) {
        let keys = ["id", "dispatch", "speed_kmh", "base_hours", "bands", "max_km", "cost"]
        for (id, object) in identified(node, keys: keys, what: "shipping mode") {
            var dispatch = DispatchRule.scheduledPickup
            if let dispatchNode = object["dispatch"], let text = dispatchNode.string {
                if let rule = DispatchRule(rawValue: text) { dispatch = rule } else {
                    dispatchNode.report("must be \"scheduled_pickup\" or \"immediate\"; found \"\(text)\"")
                }
            }
            var transit: ShippingMode.Transit?
            if let bandsNode = object["bands"] {
                if object.has("speed_kmh") { object.node.report("give either speed_kmh or bands, not both") }
                var bands: [ShippingMode.DistanceBand] = []
                for band in bandsNode.array ?? [] {
                    guard let fields = band.object(keys: ["max_km", "transit_hours"]) else { continue }
                    if let maxKm = fields.required("max_km")?.positiveNumber,
                       let hours = fields.required("transit_hours")?.nonNegativeNumber {
                        if let last = bands.last, maxKm <= last.maxKm {
                            band.report("bands must be in ascending order of max_km")
                        }
                        bands.append(.init(maxKm: maxKm, hours: hours))
                    }
                }
                if bands.isEmpty { bandsNode.report("must list at least one band") }
                transit = .bands(bands)
            } else if let speed = object.required("speed_kmh")?.positiveNumber {
                transit = .speed(baseHours: object["base_hours"]?.nonNegativeNumber ?? 0, speedKmh: speed)
            }
            var fixed = 0.0, perKm = 0.0, perKg = 0.0
            if let cost = object["cost"]?.object(keys: ["fixed", "per_km", "per_kg"]) {
                fixed = cost["fixed"]?.nonNegativeNumber ?? 0
                perKm = cost["per_km"]?.nonNegativeNumber ?? 0
                perKg = cost["per_kg"]?.nonNegativeNumber ?? 0
            }
            modeIndex[id] = modes.count
            modes.append(ShippingMode(id: id, dispatch: dispatch, transit: transit ?? .speed(baseHours: 0, speedKmh: 1),
                                      maxKm: object["max_km"]?.positiveNumber, fixedCost: fixed, costPerKm: perKm,
                                      costPerKg: perKg))
        }
        if modes.isEmpty, node != nil { node?.report("must define at least one shipping mode") }
    }

    func readLocations(_ node: JSONNode?) {
        let keys = ["id", "name", "type", "latitude", "longitude", "country", "time_zone", "operating_days", "holidays",
                    "opens", "cutoffs", "third_party", "holding_rate"]
        for (id, object) in identified(node, keys: keys, what: "location") {
            var kind = LocationKind.fsl
            if let typeNode = object.required("type"), let text = typeNode.string {
                if let value = LocationKind(rawValue: text) { kind = value } else {
                    let names = LocationKind.allCases.map(\.rawValue)
                    typeNode.report("must be one of \(names.joined(separator: ", "))\(Spelling.didYouMean(text, among: names)); found \"\(text)\"")
                }
            }
            let latitude = object.required("latitude")?.number(in: -90...90, unit: "degrees")
            let longitude = object.required("longitude")?.number(in: -180...180, unit: "degrees")
            let countryIndex = country(object.required("country"))
            let clock = localClock(object.required("time_zone"))
            let operating = object["operating_days"].flatMap(weekdays) ?? 0b0011111
            if operating == 0 { object["operating_days"]?.report("must list at least one weekday") }
            let holidays = (object["holidays"]?.array ?? []).compactMap(dayNumber)
            let opens = object["opens"].flatMap(timeOfDay) ?? 8
            var cutoffs = [Double?](repeating: nil, count: modes.count)
            if let cutoffNode = object["cutoffs"], let table = cutoffNode.object(keys: modes.map(\.id)) {
                for (mode, index) in modeIndex { cutoffs[index] = table[mode].flatMap(timeOfDay) }
            } else if object["cutoffs"] == nil {
                cutoffs = Array(repeating: 17, count: modes.count)  // every mode, 17:00
            }
            var thirdParty: ThirdPartyHandling?
            if let tpl = object["third_party"]?.object(keys: ["handling_fee", "pick_delay_hours"]) {
                thirdParty = ThirdPartyHandling(handlingFeePerPick: tpl["handling_fee"]?.nonNegativeNumber ?? 0,
                                                pickDelayHours: tpl["pick_delay_hours"]?.number(in: 0...240, unit: "hours") ?? 0)
            }
            let holding = object["holding_rate"]?.number(in: 0...10, unit: "per year") ?? 0.25
            guard let latitude, let longitude, let countryIndex, let clock else {
                rejectedIDs.insert("location \(id)")
                continue
            }
            locationIndex[id] = locations.count
            let calendar = ShippingCalendar(clock: clock, operatingWeekdays: operating, holidays: holidays,
                                            opensAtHour: opens, cutoffHours: cutoffs)
            locations.append(Location(id: id, name: object["name"]?.string ?? id, kind: kind, latitude: latitude,
                                      longitude: longitude, country: countryIndex,
                                      timeZone: object["time_zone"]?.string ?? "UTC", calendar: calendar,
                                      thirdParty: thirdParty, holdingRatePerYear: holding))
        }
        if locations.isEmpty, log.isClean { node?.report("must define at least one location") }
    }

    func readParts(_ node: JSONNode?) {
        let keys = ["id", "unit_cost", "weight_kg", "refurbished_substitutes", "superseded_by"]
        let entries = identified(node, keys: keys, what: "part")
        for (id, object) in entries {
            partIndex[id] = parts.count
            parts.append(Part(id: id, unitCost: object.required("unit_cost")?.nonNegativeNumber ?? 0,
                              weightKg: object["weight_kg"]?.nonNegativeNumber ?? 1,
                              refurbishedSubstitutes: object["refurbished_substitutes"]?.bool ?? true))
        }
        for (id, object) in entries {
            guard let newer = resolve(object["superseded_by"], in: partIndex, what: "part"), let index = partIndex[id] else {
                continue
            }
            if newer == index { object["superseded_by"]?.report("a part cannot supersede itself") }
            parts[index].supersededBy = newer
        }
        if parts.isEmpty, log.isClean { node?.report("must define at least one part") }
    }

    func readSuppliers(_ node: JSONNode?) {
        for (id, object) in identified(node, keys: ["id", "lead_time", "capacity_per_week"], what: "supplier") {
            if locationIndex[id] != nil {
                object.node.report("supplier id \"\(id)\" is also a location id; stock sources are named by id, so they must differ")
            }
            let leadTime = object.required("lead_time").flatMap(DistributionSpec.read)
            let capacity = object["capacity_per_week"]?.positiveNumber
            supplierIndex[id] = suppliers.count
            suppliers.append(Supplier(id: id, leadTime: leadTime ?? .deterministic(value: 0), capacityPerWeek: capacity))
            if let leadTime, !leadTime.isNonNegative { object["lead_time"]?.report("must not produce negative hours") }
        }
    }
}
