import Foundation
import FSLKernel

/// A strategy named in a scenario file or on the command line, with its raw parameters.
public struct StrategyChoice: Sendable, Equatable, CustomStringConvertible {
    /// Registered strategy name, e.g. `sla-then-cost`.
    public var name: String
    /// Parameters as key/value text, validated by the strategy's registry entry; sorted by key.
    public var parameters: [(key: String, value: String)]

    /// Creates a choice.
    public init(name: String, parameters: [(key: String, value: String)] = []) {
        self.name = name
        self.parameters = parameters.sorted { $0.key < $1.key }
    }

    /// `name` or `name:key=value,...`, the command-line form.
    public var description: String {
        parameters.isEmpty ? name : name + ":" + parameters.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }

    public static func == (a: StrategyChoice, b: StrategyChoice) -> Bool { a.description == b.description }
}

/// A validated service-parts network, ready for simulation: every reference resolved to a dense
/// integer index, distances precomputed, stock slots in flat arrays.
public struct Network: Sendable {
    /// Scenario name (file stem unless the file names it).
    public var name: String
    /// The file it was loaded from, for messages.
    public var file: String
    /// Simulated time 0 as an instant.
    public var start: Date
    /// Length of a replication in hours.
    public var horizonHours: Double
    /// Warm-up discarded from metrics, in hours.
    public var warmupHours: Double
    /// Default number of replications.
    public var replications: Int
    /// Default master seed.
    public var masterSeed: UInt64

    /// ISO country codes; `Location.country` and `Site.country` index this.
    public var countries: [String]
    /// Stocking and repair locations.
    public var locations: [Location]
    /// Parts.
    public var parts: [Part]
    /// Shipping modes.
    public var modes: [ShippingMode]
    /// Contract tiers.
    public var contracts: [Contract]
    /// Regions with ASL priorities.
    public var regions: [Region]
    /// Customer sites.
    public var sites: [Site]
    /// External suppliers.
    public var suppliers: [Supplier]
    /// Approved-stock-list entries.
    public var stockSlots: [StockSlot]
    /// Demand families.
    public var demand: [DemandStream]
    /// The repair loop, if any.
    public var repair: RepairLoop?
    /// Lateral transfers.
    public var transfers: TransferPolicy?
    /// Cross-border rules, `countries.count × countries.count`, row = origin.
    public var crossBorder: [CrossBorderRule]
    /// Default routing strategy.
    public var routing: StrategyChoice
    /// Default allocation strategy.
    public var allocation: StrategyChoice
    /// Whether supply arriving at one location may serve backorders waiting at others
    /// (`backorders.reevaluation: "network"`).
    public var reevaluatesNetworkWide = false
    /// Named routing variants declared in the scenario (`strategy_variants.routing`), usable by
    /// name wherever a routing strategy is named; looked up, never iterated into output.
    public var routingVariants: [String: StrategyChoice] = [:]
    /// Named allocation variants (`strategy_variants.allocation`).
    public var allocationVariants: [String: StrategyChoice] = [:]
    /// Lane-table overrides of transit and cost from a location to a site, keyed by
    /// (location, site, mode); looked up, never iterated into output.
    public var siteLanes: [Int: LaneOverride] = [:]
    /// Historical orders replayed exactly (`demand_trace`), sorted by time.
    public var demandTrace: [TracedOrder] = []

    /// `slotIndex[location * parts.count + part]` is the stock slot, or −1 where the part is not
    /// on the location's ASL.
    public private(set) var slotIndex: [Int32]
    /// Great-circle km from each site to each location, `site * locations.count + location`.
    public private(set) var siteToLocationKm: [Double]
    /// Great-circle km between locations, `from * locations.count + to`.
    public private(set) var locationToLocationKm: [Double]

    /// Assembles a network and precomputes its lookup tables.
    public init(name: String, file: String = "<memory>", start: Date, horizonHours: Double, warmupHours: Double = 0,
                replications: Int = 10, masterSeed: UInt64 = 1, countries: [String], locations: [Location],
                parts: [Part], modes: [ShippingMode], contracts: [Contract], regions: [Region] = [], sites: [Site],
                suppliers: [Supplier] = [], stockSlots: [StockSlot], demand: [DemandStream], repair: RepairLoop? = nil,
                transfers: TransferPolicy? = nil, crossBorder: [CrossBorderRule]? = nil,
                routing: StrategyChoice = StrategyChoice(name: "nearest"),
                allocation: StrategyChoice = StrategyChoice(name: "fcfs")) {
        self.name = name
        self.file = file
        self.start = start
        self.horizonHours = horizonHours
        self.warmupHours = warmupHours
        self.replications = replications
        self.masterSeed = masterSeed
        self.countries = countries
        self.locations = locations
        self.parts = parts
        self.modes = modes
        self.contracts = contracts
        self.regions = regions
        self.sites = sites
        self.suppliers = suppliers
        self.stockSlots = stockSlots
        self.demand = demand
        self.repair = repair
        self.transfers = transfers
        self.crossBorder = crossBorder
            ?? Array(repeating: CrossBorderRule.domestic, count: countries.count * countries.count)
        self.routing = routing
        self.allocation = allocation
        slotIndex = []
        siteToLocationKm = []
        locationToLocationKm = []
        rebuildTables()
    }

    /// Recomputes slot index and distances after the arrays were edited.
    public mutating func rebuildTables() {
        slotIndex = Array(repeating: -1, count: locations.count * parts.count)
        for (i, slot) in stockSlots.enumerated() { slotIndex[slot.location * parts.count + slot.part] = Int32(i) }
        siteToLocationKm = sites.flatMap { site in
            locations.map { Geo.distanceKm(latitude1: site.latitude, longitude1: site.longitude,
                                           latitude2: $0.latitude, longitude2: $0.longitude) }
        }
        locationToLocationKm = locations.flatMap { from in
            locations.map { Geo.distanceKm(latitude1: from.latitude, longitude1: from.longitude,
                                           latitude2: $0.latitude, longitude2: $0.longitude) }
        }
    }

    /// The stock slot of `part` at `location`, if the part is on that location's ASL.
    @inlinable public func slot(location: Int, part: Int) -> Int? {
        let index = slotIndex[location * parts.count + part]
        return index < 0 ? nil : Int(index)
    }

    /// Distance in km from a site to a location.
    @inlinable public func distanceKm(site: Int, location: Int) -> Double {
        siteToLocationKm[site * locations.count + location]
    }

    /// Distance in km between two locations.
    @inlinable public func distanceKm(from: Int, to: Int) -> Double {
        locationToLocationKm[from * locations.count + to]
    }

    /// The cross-border rule from one country to another.
    @inlinable public func crossBorderRule(from origin: Int, to destination: Int) -> CrossBorderRule {
        crossBorder[origin * countries.count + destination]
    }

    /// Mean orders per day over all demand families and the replayed trace.
    public var totalOrdersPerDay: Double {
        demand.map(\.ordersPerDay).reduce(0, +) + Double(demandTrace.count) / max(horizonHours / 24, 1e-9)
    }
}

extension Network {
    /// A copy with `change` applied.
    public func with(_ change: (inout Network) -> Void) -> Network {
        var copy = self
        change(&copy)
        return copy
    }
}
