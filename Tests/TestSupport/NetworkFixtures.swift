import Foundation
import FSLKernel
import FSLNetwork

/// Hand-built networks for tests.
public enum NetworkFixtures {
    /// 2026-01-05 00:00 UTC, a Monday.
    public static let monday = Date(timeIntervalSince1970: 1_767_571_200)

    /// A local clock in UTC covering `days`.
    public static func utcClock(days: Double = 4000) -> LocalClock {
        LocalClock(zone: TimeZone(identifier: "UTC")!, start: monday, spanHours: days * 24)
    }

    /// A courier that leaves immediately at any hour, every day, 60 km/h with 1 h base.
    public static let courier = ShippingMode(id: "courier", dispatch: .immediate,
                                             transit: .speed(baseHours: 1, speedKmh: 60), fixedCost: 10, costPerKm: 1)

    /// A location open every day around the clock (cutoff 23:59, opens 00:00).
    public static func location(_ id: String, latitude: Double, longitude: Double, country: Int = 0,
                                thirdParty: ThirdPartyHandling? = nil, modes: Int = 1, kind: LocationKind = .fsl) -> Location {
        let calendar = ShippingCalendar(clock: utcClock(), operatingWeekdays: 0b1111111, opensAtHour: 0,
                                        cutoffHours: Array(repeating: 23.99, count: modes))
        return Location(id: id, name: id, kind: kind, latitude: latitude, longitude: longitude, country: country,
                        timeZone: "UTC", calendar: calendar, thirdParty: thirdParty, holdingRatePerYear: 0.25)
    }

    /// Palm's theorem set-up: one location, one site beside it, one part with Poisson demand of
    /// `ordersPerDay`, one-for-one base stock `baseStock` replenished from an unlimited source
    /// with lead time `leadTime` (hours).
    public static func singleLocation(ordersPerDay: Double, leadTime: DistributionSpec, baseStock: Int,
                                      horizonDays: Double = 2000, warmupDays: Double = 50) -> Network {
        Network(
            name: "palm", start: monday, horizonHours: horizonDays * 24, warmupHours: warmupDays * 24, replications: 4,
            masterSeed: 11, countries: ["US"],
            locations: [location("L", latitude: 40, longitude: -100)],
            parts: [Part(id: "P", unitCost: 100)], modes: [courier],
            contracts: [Contract(id: "std", sla: .hours(24), penaltyPerBreach: 100)],
            sites: [Site(id: "S", latitude: 40.1, longitude: -100, country: 0, contract: 0, region: nil, clock: utcClock())],
            stockSlots: [StockSlot(location: 0, part: 0, policy: .baseStock(target: baseStock), initialNew: baseStock,
                                   source: .unlimited, leadTime: leadTime)],
            demand: [DemandStream(ordersPerDay: ordersPerDay, sites: [0], siteWeights: [1], parts: [0], partWeights: [1])])
    }

    /// A line of `count` locations 100 km apart along a parallel, each stocking one part with
    /// base stock `baseStock` from an unlimited source, and `count` sites each next to one
    /// location, with equal demand.
    public static func line(count: Int, baseStock: Int, ordersPerDay: Double, leadTimeHours: Double = 72,
                            horizonDays: Double = 400) -> Network {
        let locations = (0..<count).map { location("L\($0)", latitude: 40, longitude: -100 + 1.18 * Double($0)) }
        let sites = (0..<count).map {
            Site(id: "S\($0)", latitude: 40.05, longitude: -100 + 1.18 * Double($0), country: 0, contract: 0, region: nil,
                 clock: utcClock())
        }
        return Network(
            name: "line", start: monday, horizonHours: horizonDays * 24, warmupHours: 20 * 24, replications: 4,
            masterSeed: 5, countries: ["US"], locations: locations, parts: [Part(id: "P", unitCost: 50)],
            modes: [courier], contracts: [Contract(id: "std", sla: .hours(6), penaltyPerBreach: 10)], sites: sites,
            stockSlots: (0..<count).map {
                StockSlot(location: $0, part: 0, policy: .baseStock(target: baseStock), initialNew: baseStock,
                          source: .unlimited, leadTime: .lognormal(mean: leadTimeHours, cv: 0.5))
            },
            demand: [DemandStream(ordersPerDay: ordersPerDay, sites: Array(0..<count),
                                  siteWeights: Array(repeating: 1, count: count), parts: [0], partWeights: [1])])
    }
}
