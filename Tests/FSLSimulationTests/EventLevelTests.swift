import Foundation
import Testing
import FSLKernel
import FSLNetwork
import FSLSimulation
import FSLStrategies
import TestSupport

/// Single orders replayed at exact times through the whole engine, checked against hand-computed
/// delivery times and costs: cutoffs, weekends, time zones, 3PL pick delay, customs.
@Suite struct EventLevelTests {
    /// One location L beside one site S (10 km), one part in stock, orders from a trace.
    private func network(cutoff: Double = 17, dispatch: DispatchRule = .scheduledPickup, zone: String = "UTC",
                         thirdParty: ThirdPartyHandling? = nil, siteCountry: Int = 0,
                         crossBorder: CrossBorderRule? = nil, orders: [Double]) -> Network {
        let clock = LocalClock(zone: TimeZone(identifier: zone)!, start: NetworkFixtures.monday, spanHours: 24 * 60)
        let mode = ShippingMode(id: "van", dispatch: dispatch, transit: .speed(baseHours: 3, speedKmh: 50), fixedCost: 20)
        let calendar = ShippingCalendar(clock: clock, operatingWeekdays: 0b0011111, opensAtHour: 8, cutoffHours: [cutoff])
        let location = Location(id: "L", name: "L", kind: .fsl, latitude: 40, longitude: -90, country: 0, timeZone: zone,
                                calendar: calendar, thirdParty: thirdParty)
        let km = 10.0
        let siteLatitude = 40 + km / 111.19
        var rules = Array(repeating: CrossBorderRule.domestic, count: 4)
        if let crossBorder { rules[0 * 2 + 1] = crossBorder }
        var net = Network(
            name: "events", start: NetworkFixtures.monday, horizonHours: 24 * 30, countries: ["US", "CA"],
            locations: [location], parts: [Part(id: "P", unitCost: 1000)], modes: [mode],
            contracts: [Contract(id: "std", sla: .hours(48))],
            sites: [Site(id: "S", latitude: siteLatitude, longitude: -90, country: siteCountry, contract: 0, region: nil, clock: clock)],
            stockSlots: [StockSlot(location: 0, part: 0, policy: .baseStock(target: 5), initialNew: 5, source: .unlimited,
                                   leadTime: .deterministic(value: 1))],
            demand: [], crossBorder: rules)
        net.warmupHours = 0
        net.demandTrace = orders.map { TracedOrder(time: $0, site: 0, part: 0, quantity: 1, isUrgent: true) }
        return net
    }

    private func deliveries(_ network: Network) -> [Double] {
        let result = simulate(network: network, routing: NearestRouting(), allocation: FirstComeFirstServed(),
                              settings: ReplicationSettings(network: network, replication: 0), trace: TraceRecorder())
        return result.trace!.orderLines.sorted { $0.order.number < $1.order.number }.map(\.delivered)
    }

    private func transit(_ network: Network) -> Double {
        3 + network.distanceKm(site: 0, location: 0) / 50
    }

    @Test func orderBeforeCutoffLeavesTodayAfterCutoffTomorrow() {
        // Monday 16:59 and 17:01 UTC with a 17:00 cutoff.
        let net = network(orders: [16 + 59.0 / 60, 17 + 1.0 / 60])
        let t = transit(net)
        let times = deliveries(net)
        #expect(abs(times[0] - (17 + t)) < 1e-9)
        #expect(abs(times[1] - (24 + 17 + t)) < 1e-9)
    }

    @Test func fridayAfterCutoffLeavesMonday() {
        let friday = 4 * 24.0
        let net = network(orders: [friday + 18])
        #expect(abs(deliveries(net)[0] - (7 * 24 + 17 + transit(net))) < 1e-9)
    }

    @Test func cutoffIsLocalTime() {
        // Chicago is UTC−6 in January: a 17:00 local cutoff is 23:00 UTC. An order at 20:00 UTC
        // (14:00 local) still leaves the same day.
        let net = network(zone: "America/Chicago", orders: [20])
        #expect(abs(deliveries(net)[0] - (23 + transit(net))) < 1e-9)
    }

    @Test func thirdPartyPickDelayCanMissTheCutoff() {
        // Ready at 16:30 + 1 h pick = 17:30: misses the 17:00 cutoff; handling fee charged.
        let tpl = ThirdPartyHandling(handlingFeePerPick: 7.5, pickDelayHours: 1)
        let net = network(thirdParty: tpl, orders: [16.5])
        #expect(abs(deliveries(net)[0] - (24 + 17 + transit(net))) < 1e-9)
        let result = simulate(network: net, routing: NearestRouting(), allocation: FirstComeFirstServed(),
                              settings: ReplicationSettings(network: net, replication: 0))
        #expect(result.value("cost_handling") == 7.5)
    }

    @Test func immediateDispatchLeavesAtOnceWithinOpeningHours() {
        // Listed out of order on purpose: the trace is replayed in time order.
        let net = network(dispatch: .immediate, orders: [10, 6])
        let t = transit(net)
        let times = deliveries(net)
        #expect(abs(times[0] - (8 + t)) < 1e-9)  // 06:00, before opening: leaves at 08:00
        #expect(abs(times[1] - (10 + t)) < 1e-9)
    }

    @Test func crossBorderAddsCustomsDelayAndCharges() {
        let rule = CrossBorderRule(isAllowed: true, customsDelay: .deterministic(value: 5), brokerageFee: 30, dutyRate: 0.1)
        let net = network(siteCountry: 1, crossBorder: rule, orders: [9])
        #expect(abs(deliveries(net)[0] - (17 + transit(net) + 5)) < 1e-9)
        let result = simulate(network: net, routing: NearestRouting(), allocation: FirstComeFirstServed(),
                              settings: ReplicationSettings(network: net, replication: 0))
        #expect(result.value("cost_customs") == 30 + 0.1 * 1000)
    }

    @Test func nextBusinessDayDeadlineSkipsTheWeekendInTheSiteZone() throws {
        let zone = try #require(TimeZone(identifier: "America/New_York"))
        let clock = LocalClock(zone: zone, start: NetworkFixtures.monday, spanHours: 24 * 30)
        // Friday 2026-01-09 20:00 UTC = 15:00 New York; next business day Monday 17:00 NY = 22:00 UTC.
        let friday = 4 * 24.0 + 20
        #expect(Deadline.compute(.nextBusinessDay(byHour: 17), createdAt: friday, clock: clock) == 7 * 24 + 22)
        // Same-day by 20:00 if ordered before 12:00 local: Tuesday 16:00 UTC = 11:00 NY → Tuesday 20:00 NY.
        let tuesday = 24.0 + 16
        #expect(Deadline.compute(.sameDay(orderBy: 12, byHour: 20), createdAt: tuesday, clock: clock) == 24 + 25)
        // …and at 13:00 local it rolls to Wednesday 20:00 NY.
        #expect(Deadline.compute(.sameDay(orderBy: 12, byHour: 20), createdAt: tuesday + 2, clock: clock) == 48 + 25)
    }
}
