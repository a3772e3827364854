import Foundation
import FSLKernel
import FSLNetwork
import Testing

/// Departures from a Chicago location open Monday–Friday 08:00, ground cutoff 17:00 (scheduled
/// pick-up), courier cutoff 20:00 (immediate dispatch), no air service.
@Suite struct ShippingCalendarTests {
    static let start = ISO8601DateFormatter().date(from: "2026-01-05T00:00:00Z")!
    /// Local day number of Monday 2026-01-05.
    static let monday = Int(start.timeIntervalSince1970 / 86_400)
    static let ground = 0, courier = 1, air = 2

    let clock = LocalClock(zone: TimeZone(identifier: "America/Chicago")!, start: start, spanHours: 24 * 120)

    func calendar(holidays: [Int] = [], weekdays: UInt8 = 0b0011111) -> ShippingCalendar {
        ShippingCalendar(clock: clock, operatingWeekdays: weekdays, holidays: holidays, opensAtHour: 8,
                         cutoffHours: [17, 20, nil])
    }

    /// Simulated time of local `hour:minute` on the day `offset` days after Monday 2026-01-05.
    func at(_ offset: Int, _ hour: Int, _ minute: Int = 0) -> SimTime {
        clock.simTime(day: Self.monday + offset, hour: Double(hour) + Double(minute) / 60)
    }

    struct Departure: Sendable, CustomTestStringConvertible {
        var label: String
        var readyDay: Int, readyHour: Int, readyMinute: Int
        var mode: Int
        var leavesDay: Int, leavesHour: Int, leavesMinute: Int = 0
        var testDescription: String { label }
    }

    static let departures: [Departure] = [
        .init(label: "16:59 Monday leaves at 17:00 Monday", readyDay: 0, readyHour: 16, readyMinute: 59, mode: ground,
              leavesDay: 0, leavesHour: 17),
        .init(label: "17:00 sharp makes the cutoff", readyDay: 0, readyHour: 17, readyMinute: 0, mode: ground,
              leavesDay: 0, leavesHour: 17),
        .init(label: "17:01 Monday leaves Tuesday", readyDay: 0, readyHour: 17, readyMinute: 1, mode: ground,
              leavesDay: 1, leavesHour: 17),
        .init(label: "before opening still leaves at the cutoff", readyDay: 2, readyHour: 3, readyMinute: 0, mode: ground,
              leavesDay: 2, leavesHour: 17),
        .init(label: "Friday after cutoff leaves Monday", readyDay: 4, readyHour: 18, readyMinute: 30, mode: ground,
              leavesDay: 7, leavesHour: 17),
        .init(label: "Saturday leaves Monday", readyDay: 5, readyHour: 10, readyMinute: 0, mode: ground,
              leavesDay: 7, leavesHour: 17),
        .init(label: "courier within hours leaves at once", readyDay: 1, readyHour: 10, readyMinute: 15, mode: courier,
              leavesDay: 1, leavesHour: 10, leavesMinute: 15),
        .init(label: "courier before opening leaves at opening", readyDay: 1, readyHour: 6, readyMinute: 0, mode: courier,
              leavesDay: 1, leavesHour: 8),
        .init(label: "courier after its cutoff leaves next opening", readyDay: 1, readyHour: 20, readyMinute: 30,
              mode: courier, leavesDay: 2, leavesHour: 8),
        .init(label: "courier on Sunday leaves Monday opening", readyDay: 6, readyHour: 12, readyMinute: 0, mode: courier,
              leavesDay: 7, leavesHour: 8),
    ]

    @Test(arguments: departures)
    func departureTime(_ d: Departure) throws {
        let dispatch: DispatchRule = d.mode == Self.courier ? .immediate : .scheduledPickup
        let leaves = try #require(calendar().departure(readyAt: at(d.readyDay, d.readyHour, d.readyMinute), mode: d.mode,
                                                       dispatch: dispatch))
        #expect(abs(leaves - at(d.leavesDay, d.leavesHour, d.leavesMinute)) < 1e-9)
    }

    @Test func holidayIsSkipped() throws {
        let tuesday = Self.monday + 1
        let leaves = try #require(calendar(holidays: [tuesday]).departure(readyAt: at(0, 17, 1), mode: Self.ground,
                                                                          dispatch: .scheduledPickup))
        #expect(abs(leaves - at(2, 17)) < 1e-9)
        let courier = try #require(calendar(holidays: [tuesday]).departure(readyAt: at(1, 11), mode: Self.courier,
                                                                           dispatch: .immediate))
        #expect(abs(courier - at(2, 8)) < 1e-9)
    }

    @Test func cutoffIsLocalAcrossDaylightSaving() throws {
        // Chicago moves to UTC−5 on Sunday 2026-03-08: Monday's 17:00 is 22:00 UTC, not 23:00.
        let friday = Self.monday + 60  // 2026-03-06
        let ready = clock.simTime(day: friday, hour: 18)
        let leaves = try #require(calendar().departure(readyAt: ready, mode: Self.ground, dispatch: .scheduledPickup))
        let expected = ISO8601DateFormatter().date(from: "2026-03-09T22:00:00Z")!.timeIntervalSince(Self.start) / 3600
        #expect(abs(leaves - expected) < 1e-9)
    }

    @Test func modeNotOfferedHasNoDeparture() {
        #expect(calendar().departure(readyAt: at(0, 9), mode: Self.air, dispatch: .scheduledPickup) == nil)
        #expect(calendar(weekdays: 0).departure(readyAt: at(0, 9), mode: Self.ground, dispatch: .scheduledPickup) == nil)
    }

    @Test func loadedHolidayAndCutoffsDriveDepartures() throws {
        // The fixture's DAL is closed on Monday 2026-01-19; ground cutoff 17:00, courier 20:00, MEM has no courier.
        let network = try ScenarioFixtures.network()
        let dal = network.locations[0].calendar
        let ground = try #require(network.modes.firstIndex { $0.id == "ground" })
        let friday = clock.simTime(day: Self.monday + 11, hour: 17 + 1.0 / 60)
        let leaves = try #require(dal.departure(readyAt: friday, mode: ground, dispatch: .scheduledPickup))
        #expect(abs(leaves - at(15, 17)) < 1e-9)  // Tuesday 2026-01-20
        #expect(dal.cutoffHours == [20, 17])
        #expect(network.locations[2].calendar.cutoffHours == [nil, 21])
        #expect(network.locations[2].calendar.operatingWeekdays == 0b0011111, "Monday–Friday by default")
        #expect(network.locations[1].calendar.opensAtHour == 8, "opens at 08:00 by default")
    }

    @Test func locationWithoutCutoffsShipsEveryModeAtFive() throws {
        let network = try ScenarioFixtures.network(after: [.remove("locations[1].cutoffs")])
        #expect(network.locations[1].calendar.cutoffHours == [17, 17])
    }
}
