import Foundation
import FSLKernel

/// Loads and validates scenario files into a `Network`.
///
/// Reading happens in one pass over a JSON tree that records every problem (wrong type, unknown
/// key with a suggestion, bad value, dangling reference) with its JSON path, so that the analyst
/// sees all mistakes at once. See `docs/scenario-format.md` for the format.
public enum ScenarioLoader {
    /// Top-level keys of a scenario file.
    static let topLevelKeys = [
        "name", "description", "clock", "shipping_modes", "locations", "parts", "suppliers", "stock", "repair",
        "transfers", "cross_border", "contracts", "regions", "sites", "demand", "routing", "allocation", "backorders", "demand_trace", "strategy_variants", "lanes",
    ]

    /// Loads the scenario at `path`.
    /// - Throws: `InputIssues` listing every problem, each with the file and JSON path.
    public static func load(path: String) throws(InputIssues) -> Network {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw InputIssues([InputIssue(file: path, path: "", message: "cannot be read (\(error.localizedDescription)); check the path")])
        }
        return try load(data: data, file: path)
    }

    /// Loads a scenario from JSON text; `file` names it in messages and gives the default name.
    public static func load(data: Data, file: String) throws(InputIssues) -> Network {
        let root = try JSONValue.parse(data, file: file)
        return try load(json: root, file: file)
    }

    /// Loads a scenario from a parsed JSON tree.
    public static func load(json: JSONValue, file: String) throws(InputIssues) -> Network {
        let log = IssueLog(file: file)
        let reader = ScenarioReader(log: log)
        let network = reader.read(JSONNode(root: json, log: log), file: file)
        try log.throwIfAny()
        guard let network else {
            throw InputIssues([InputIssue(file: file, path: "", message: "could not be loaded")])
        }
        return network
    }
}

/// The stateful reader behind `ScenarioLoader`: id tables for resolving references, filled
/// section by section.
final class ScenarioReader {
    let log: IssueLog
    var countries: [String] = []
    var countryIndex: [String: Int] = [:]
    var modeIndex: [String: Int] = [:]
    var modes: [ShippingMode] = []
    var locationIndex: [String: Int] = [:]
    var locations: [Location] = []
    var partIndex: [String: Int] = [:]
    var parts: [Part] = []
    var supplierIndex: [String: Int] = [:]
    var suppliers: [Supplier] = []
    var contractIndex: [String: Int] = [:]
    var contracts: [Contract] = []
    var regionIndex: [String: Int] = [:]
    var regions: [Region] = []
    var siteIndex: [String: Int] = [:]
    var sites: [Site] = []
    var demand: [DemandStream] = []
    /// `"location DAL"`, `"site S1"`: entries that were defined but rejected (already reported),
    /// so that references to them are not misreported as unknown ids.
    var rejectedIDs: Set<String> = []
    var start = Date(timeIntervalSince1970: 0)
    var horizonHours = 365 * 24.0
    var clockSpanHours: Double { horizonHours + 24 * 30 }

    init(log: IssueLog) { self.log = log }

    func read(_ root: JSONNode, file: String) -> Network? {
        guard let top = root.object(keys: ScenarioLoader.topLevelKeys) else { return nil }
        let defaultName = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let name = top["name"]?.nonEmptyString ?? defaultName
        _ = top["description"]?.string
        let clock = readClock(top.required("clock"))
        readModes(top.required("shipping_modes"))
        readLocations(top.required("locations"))
        readParts(top.required("parts"))
        readSuppliers(top["suppliers"])
        readContracts(top.required("contracts"))
        readRegions(top["regions"])
        readSites(top.required("sites"))
        if top.has("demand_trace") {
            readDemand(top["demand"])
        } else {
            readDemand(top.required("demand"))
        }
        let trace = readDemandTrace(top["demand_trace"], scenarioFile: file)
        let variants = readVariants(top["strategy_variants"])
        let lanes = readLanes(top["lanes"])
        let crossBorder = readCrossBorder(top["cross_border"])
        let transfers = readTransfers(top["transfers"])
        let repair = readRepair(top["repair"])
        let slots = readStock(top.required("stock"))
        let routing = readStrategy(top["routing"]) ?? StrategyChoice(name: "nearest")
        let allocation = readStrategy(top["allocation"]) ?? StrategyChoice(name: "fcfs")
        let networkWide = readBackorderSettings(top["backorders"])
        checkDemandIsStocked(slots: slots, node: top.node, trace: trace)
        guard log.isClean, let clock else { return nil }
        return Network(
            name: name, file: file, start: start, horizonHours: horizonHours, warmupHours: clock.warmupHours,
            replications: clock.replications, masterSeed: clock.seed, countries: countries, locations: locations,
            parts: parts, modes: modes, contracts: contracts, regions: regions, sites: sites, suppliers: suppliers,
            stockSlots: slots, demand: demand, repair: repair, transfers: transfers, crossBorder: crossBorder,
            routing: routing, allocation: allocation)
            .with {
                $0.reevaluatesNetworkWide = networkWide
                $0.demandTrace = trace
                $0.siteLanes = lanes
                $0.routingVariants = variants.routing
                $0.allocationVariants = variants.allocation
            }
    }

    /// `"strategy_variants": {"routing": {"name": strategy, ...}, "allocation": {...}}`: named
    /// parameterisations to compare by name (`--routing slc-split`).
    func readVariants(_ node: JSONNode?) -> (routing: [String: StrategyChoice], allocation: [String: StrategyChoice]) {
        guard let object = node?.object(keys: ["routing", "allocation"]) else { return ([:], [:]) }
        func read(_ key: String) -> [String: StrategyChoice] {
            guard let group = object[key], case .object(let fields) = group.value else {
                object[key]?.report("must be an object of variant name to strategy, e.g. {\"slc-split\": {\"name\": \"sla-then-cost\", \"parameters\": {\"split\": true}}}")
                return [:]
            }
            var result: [String: StrategyChoice] = [:]
            let groupObject = JSONObjectNode(fields: fields, node: group)
            for name in fields.keys.sorted() {
                guard let child = groupObject[name], let choice = readStrategy(child) else { continue }
                if choice.name == name { child.report("a variant cannot name itself as its strategy") ; continue }
                result[name] = StrategyChoice(name: choice.name, parameters: choice.parameters)
            }
            return result
        }
        return (read("routing"), read("allocation"))
    }

    /// `"lanes": [{"from": location, "to": site, "mode": mode, "transit_hours": h, "cost": c}]`:
    /// known transit times and costs that replace the mode's distance model for that lane.
    func readLanes(_ node: JSONNode?) -> [Int: LaneOverride] {
        var lanes: [Int: LaneOverride] = [:]
        for item in node?.array ?? [] {
            guard let object = item.object(keys: ["from", "to", "mode", "transit_hours", "cost"]) else { continue }
            let from = resolve(object.required("from"), in: locationIndex, what: "location")
            let to = resolve(object.required("to"), in: siteIndex, what: "site")
            let mode = resolve(object.required("mode"), in: modeIndex, what: "shipping mode")
            let hours = object.required("transit_hours")?.number(in: 0...8760, unit: "hours")
            let cost = object["cost"]?.nonNegativeNumber
            guard let from, let to, let mode, let hours else { continue }
            let key = (from * sites.count + to) * modes.count + mode
            if lanes[key] != nil { item.report("repeats the lane \(locations[from].id) → \(sites[to].id) by \(modes[mode].id); give each lane once") }
            lanes[key] = LaneOverride(transitHours: hours, costPerShipment: cost)
        }
        return lanes
    }

    /// `"backorders": {"reevaluation": "location" | "network"}`.
    func readBackorderSettings(_ node: JSONNode?) -> Bool {
        guard let object = node?.object(keys: ["reevaluation"]), let scope = object["reevaluation"],
              let text = scope.string else { return false }
        switch text {
        case "location": return false
        case "network": return true
        default:
            scope.report("must be \"location\" (supply serves backorders waiting where it arrives) or \"network\" (leftover supply also serves backorders waiting elsewhere); found \"\(text)\"")
            return false
        }
    }

    /// Reads an array of objects with unique `id`s, reporting duplicates.
    func identified(_ node: JSONNode?, keys: [String], what: String) -> [(id: String, object: JSONObjectNode)] {
        guard let items = node?.array else { return [] }
        var seen: [String: String] = [:]
        var result: [(String, JSONObjectNode)] = []
        for item in items {
            guard let object = item.object(keys: keys), let id = object.required("id")?.nonEmptyString else { continue }
            if let first = seen[id] {
                log.add(item.path(of: "id"), "duplicate \(what) id \"\(id)\" (first defined at \(first)); ids must be unique")
                continue
            }
            seen[id] = item.path
            result.append((id, object))
        }
        return result
    }

    /// Resolves a reference to an id, reporting a dangling one with a suggestion.
    func resolve(_ node: JSONNode?, in table: [String: Int], what: String) -> Int? {
        guard let node, let id = node.nonEmptyString else { return nil }
        guard let index = table[id] else {
            if rejectedIDs.contains("\(what) \(id)") { return nil }
            node.report("refers to unknown \(what) \"\(id)\"\(Spelling.didYouMean(id, among: table.keys.sorted()))")
            return nil
        }
        return index
    }

    /// The index of a country code, registering it on first use.
    func country(_ node: JSONNode?) -> Int? {
        guard let node, let code = node.nonEmptyString else { return nil }
        guard code.count == 2, code.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
            node.report("must be a two-letter ISO 3166 country code in capitals, e.g. \"DE\"; found \"\(code)\"")
            return nil
        }
        if let index = countryIndex[code] { return index }
        countryIndex[code] = countries.count
        countries.append(code)
        return countries.count - 1
    }

    /// A local clock for an IANA zone name.
    func localClock(_ node: JSONNode?) -> LocalClock? {
        guard let node, let name = node.nonEmptyString else { return nil }
        guard let zone = TimeZone(identifier: name) else {
            node.report("is not a known IANA time zone (e.g. \"America/Chicago\", \"Europe/Berlin\"); found \"\(name)\"")
            return nil
        }
        return LocalClock(zone: zone, start: start, spanHours: clockSpanHours)
    }

    func readStrategy(_ node: JSONNode?) -> StrategyChoice? {
        guard let node else { return nil }
        if case .string = node.value { return node.nonEmptyString.map { StrategyChoice(name: $0) } }
        guard let object = node.object(keys: ["name", "parameters"]), let name = object.required("name")?.nonEmptyString else {
            return nil
        }
        var parameters: [(String, String)] = []
        if let body = object["parameters"], case .object(let fields) = body.value {
            for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
                switch value {
                case .string(let text): parameters.append((key, text))
                case .number(let x): parameters.append((key, x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)))
                case .bool(let flag): parameters.append((key, String(flag)))
                default: log.add(body.path(of: key), "must be a string, number or boolean")
                }
            }
        } else if let body = object["parameters"] {
            body.report("must be an object of parameter names to values")
        }
        return StrategyChoice(name: name, parameters: parameters)
    }
}
