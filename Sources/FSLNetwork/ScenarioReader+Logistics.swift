import FSLKernel

extension ScenarioReader {
    func readCrossBorderRule(_ object: JSONObjectNode, base: CrossBorderRule) -> CrossBorderRule {
        var rule = base
        rule.isAllowed = object["allowed"]?.bool ?? base.isAllowed
        if let delay = object["customs_delay"] { rule.customsDelay = DistributionSpec.read(delay) }
        rule.brokerageFee = object["brokerage_fee"]?.nonNegativeNumber ?? base.brokerageFee
        rule.dutyRate = object["duty_rate"]?.number(in: 0...10) ?? base.dutyRate
        return rule
    }

    func readCrossBorder(_ node: JSONNode?) -> [CrossBorderRule] {
        let ruleKeys = ["allowed", "customs_delay", "brokerage_fee", "duty_rate"]
        var fallback = CrossBorderRule(isAllowed: true)
        var lanes: [(from: Int, to: Int, rule: CrossBorderRule)] = []
        if let object = node?.object(keys: ["default", "lanes"]) {
            if let defaults = object["default"]?.object(keys: ruleKeys) {
                fallback = readCrossBorderRule(defaults, base: fallback)
            }
            for lane in object["lanes"]?.array ?? [] {
                guard let fields = lane.object(keys: ["from", "to", "symmetric"] + ruleKeys) else { continue }
                let from = knownCountry(fields.required("from"))
                let to = knownCountry(fields.required("to"))
                let rule = readCrossBorderRule(fields, base: fallback)
                guard let from, let to else { continue }
                if from == to { lane.report("from and to are the same country; domestic lanes have no customs") }
                lanes.append((from, to, rule))
                if fields["symmetric"]?.bool ?? true { lanes.append((to, from, rule)) }
            }
        }
        let n = countries.count
        var table = Array(repeating: fallback, count: n * n)
        for i in 0..<n { table[i * n + i] = .domestic }
        for lane in lanes { table[lane.from * n + lane.to] = lane.rule }
        return table
    }

    private func knownCountry(_ node: JSONNode?) -> Int? {
        guard let node, let code = node.nonEmptyString else { return nil }
        guard let index = countryIndex[code] else {
            node.report("country \"\(code)\" has no location or site in this scenario\(Spelling.didYouMean(code, among: countries))")
            return nil
        }
        return index
    }

    func readTransfers(_ node: JSONNode?) -> TransferPolicy? {
        guard let object = node?.object(keys: ["allowed", "mode", "cost_per_unit"]) else { return nil }
        let allowed = object["allowed"]?.bool ?? true
        let mode = resolve(object.required("mode"), in: modeIndex, what: "shipping mode")
        guard let mode else { return nil }
        return TransferPolicy(isAllowed: allowed, mode: mode, costPerUnit: object["cost_per_unit"]?.nonNegativeNumber ?? 0)
    }

    func readRepair(_ node: JSONNode?) -> RepairLoop? {
        let keys = ["return_fraction", "return_delay", "repair_time", "yield", "depot", "refurbished_to"]
        guard let object = node?.object(keys: keys) else { return nil }
        let fraction = object.required("return_fraction")?.number(in: 0...1)
        let delay = object.required("return_delay").flatMap(DistributionSpec.read)
        let time = object.required("repair_time").flatMap(DistributionSpec.read)
        let yield = object["yield"]?.number(in: 0...1) ?? 1
        let depot = resolve(object.required("depot"), in: locationIndex, what: "location")
        let destination = resolve(object.required("refurbished_to"), in: locationIndex, what: "location")
        guard let fraction, let delay, let time, let depot, let destination else { return nil }
        return RepairLoop(returnFraction: fraction, returnDelay: delay, repairTime: time, yield: yield, depot: depot,
                          destination: destination)
    }
}
