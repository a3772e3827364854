import Foundation
import Testing
@testable import FSLKernel

@Suite struct LocalClockTests {
    private func date(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }

    @Test func weekdayOfKnownDates() {
        #expect(LocalClock.weekday(ofDay: 0) == 4)  // 1970-01-01, Thursday
        let day = Int(date("2026-12-07T00:00:00Z").timeIntervalSince1970 / 86_400)
        #expect(LocalClock.weekday(ofDay: day) == 1)  // Monday
    }

    @Test func followsDaylightSavingInChicago() throws {
        let zone = try #require(TimeZone(identifier: "America/Chicago"))
        let start = date("2026-03-01T00:00:00Z")
        let clock = LocalClock(zone: zone, start: start, spanHours: 24 * 60)
        #expect(clock.offset(at: 0) == -6)
        // 2026-03-08 is the switch to CDT (UTC−5) at 08:00 UTC.
        let afterSwitch = date("2026-03-09T12:00:00Z").timeIntervalSince(start) / 3600
        #expect(clock.offset(at: afterSwitch) == -5)
        let (_, hour) = clock.localDayAndHour(at: afterSwitch)
        #expect(hour == 7)
    }

    @Test func simTimeInvertsLocalDayAndHour() throws {
        let zone = try #require(TimeZone(identifier: "Europe/Berlin"))
        let clock = LocalClock(zone: zone, start: date("2026-01-01T00:00:00Z"), spanHours: 24 * 365)
        for t in stride(from: 0.0, to: 24 * 365, by: 37.25) {
            let (day, hour) = clock.localDayAndHour(at: t)
            #expect(abs(clock.simTime(day: day, hour: hour) - t) < 1e-9 || hour < 4)  // DST edges near 02:00-03:00
        }
    }
}
