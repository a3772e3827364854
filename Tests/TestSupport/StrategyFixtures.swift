import Foundation
import FSLKernel
import FSLNetwork

/// Hand-built star networks for strategy tests: customer sites and stocking locations placed on
/// one parallel (latitude 40) at given distances east of longitude −100, so every distance, cost
/// and ETA is known by construction.
public enum StrategyFixtures {
    /// Kilometres per degree of longitude at latitude 40 (spherical Earth, R = 6371 km).
    public static let kmPerDegree = 6371 * Double.pi / 180 * cos(40 * Double.pi / 180)

    /// One stocking location of a star network.
    public struct Source: Sendable {
        /// Identifier.
        public var id: String
        /// Kilometres east of longitude −100.
        public var km: Double
        /// Country index (0 = US, 1 = CA).
        public var country = 0
        /// Initial new units.
        public var new = 1
        /// Initial refurbished units.
        public var refurbished = 0
        /// Base-stock target.
        public var target = 1
        /// 3PL handling fee per pick (nil: run in-house).
        public var handlingFee: Double?
        /// Daily cutoff, local (UTC) hours.
        public var cutoffHour = 23.99
        /// Replenishment lead time in hours (deterministic).
        public var leadTimeHours = 72.0

        /// Creates a source.
        public init(_ id: String, km: Double, country: Int = 0, new: Int = 1, refurbished: Int = 0, target: Int = 1,
                    handlingFee: Double? = nil, cutoffHour: Double = 23.99, leadTimeHours: Double = 72) {
            self.id = id
            self.km = km
            self.country = country
            self.new = new
            self.refurbished = refurbished
            self.target = target
            self.handlingFee = handlingFee
            self.cutoffHour = cutoffHour
            self.leadTimeHours = leadTimeHours
        }
    }

    /// One customer site of a star network.
    public struct CustomerSite: Sendable {
        /// Identifier.
        public var id: String
        /// Kilometres east of longitude −100.
        public var km: Double
        /// Contract index.
        public var contract: Int
        /// Region index, if any.
        public var region: Int?
        /// Relative demand weight (0 for none).
        public var weight: Double

        /// Creates a site.
        public init(_ id: String, km: Double = 0, contract: Int = 0, region: Int? = nil, weight: Double = 1) {
            self.id = id
            self.km = km
            self.contract = contract
            self.region = region
            self.weight = weight
        }
    }

    /// A location open around the clock every day with one courier mode and the given cutoff.
    public static func location(_ source: Source) -> Location {
        let calendar = ShippingCalendar(clock: NetworkFixtures.utcClock(), operatingWeekdays: 0b1111111, opensAtHour: 0,
                                        cutoffHours: [source.cutoffHour])
        return Location(id: source.id, name: source.id, kind: .fsl, latitude: 40,
                        longitude: -100 + source.km / kmPerDegree, country: source.country, timeZone: "UTC",
                        calendar: calendar,
                        thirdParty: source.handlingFee.map { ThirdPartyHandling(handlingFeePerPick: $0, pickDelayHours: 0) })
    }

    /// A star network: `sources` each stocking the one part with base stock, `sites` with
    /// `contracts` and `regions`, Poisson demand of `ordersPerDay` spread by site weight, one
    /// courier (1 h + km/60 h, cost 10 + 1/km). Countries: US (0) and CA (1), border open.
    public static func star(sources: [Source], sites: [CustomerSite] = [CustomerSite("S")],
                            contracts: [Contract] = [Contract(id: "std", sla: .hours(24), penaltyPerBreach: 100)],
                            regions: [Region] = [], part: Part = Part(id: "P", unitCost: 100), ordersPerDay: Double = 1,
                            urgentFraction: Double = 1, horizonDays: Double = 100, warmupDays: Double = 10) -> Network {
        let demandSites = sites.indices.filter { sites[$0].weight > 0 }
        return Network(
            name: "star", start: NetworkFixtures.monday, horizonHours: horizonDays * 24, warmupHours: warmupDays * 24,
            replications: 4, masterSeed: 21, countries: ["US", "CA"], locations: sources.map(location),
            parts: [part], modes: [NetworkFixtures.courier], contracts: contracts, regions: regions,
            sites: sites.map {
                Site(id: $0.id, latitude: 40, longitude: -100 + $0.km / kmPerDegree, country: 0, contract: $0.contract,
                     region: $0.region, clock: NetworkFixtures.utcClock())
            },
            stockSlots: sources.indices.map {
                StockSlot(location: $0, part: 0, policy: .baseStock(target: sources[$0].target),
                          initialNew: sources[$0].new, initialRefurbished: sources[$0].refurbished, source: .unlimited,
                          leadTime: .deterministic(value: sources[$0].leadTimeHours))
            },
            demand: demandSites.isEmpty ? [] : [
                DemandStream(ordersPerDay: ordersPerDay, sites: demandSites, siteWeights: demandSites.map { sites[$0].weight },
                             parts: [0], partWeights: [1], urgentFraction: urgentFraction),
            ])
    }

    /// A scarce network for allocation comparisons: one location with base stock `baseStock` and
    /// a long deterministic lead time, serving a gold site (priority 3, penalty 1000) and a silver
    /// site (priority 1, penalty 100) with equal demand and the same `slaHours`.
    public static func scarce(baseStock: Int = 2, ordersPerDay: Double = 2, leadTimeHours: Double = 96,
                              slaHours: Double = 72, horizonDays: Double = 400) -> Network {
        star(sources: [Source("FSL", km: 0, new: baseStock, target: baseStock, leadTimeHours: leadTimeHours)],
             sites: [CustomerSite("GOLD-SITE", km: 5, contract: 0), CustomerSite("SILVER-SITE", km: 10, contract: 1)],
             contracts: [
                Contract(id: "gold", sla: .hours(slaHours), penaltyPerBreach: 1000, priorityWeight: 3),
                Contract(id: "silver", sla: .hours(slaHours), penaltyPerBreach: 100, priorityWeight: 1),
             ],
             ordersPerDay: ordersPerDay, horizonDays: horizonDays, warmupDays: 20)
    }
}
