import FSLKernel

/// When a location ships: its operating weekdays, holidays and per-mode cutoffs in local time.
public struct ShippingCalendar: Sendable {
    /// The location's local clock.
    public var clock: LocalClock
    /// Bit (weekday − 1) is set when the location ships on that ISO weekday (Monday = 1).
    public var operatingWeekdays: UInt8
    /// Local day numbers (days since 1970-01-01) on which nothing ships, ascending.
    public var holidays: [Int]
    /// Local opening hour (hours after midnight): immediate dispatch starts then.
    public var opensAtHour: Double
    /// Per shipping mode: the daily cutoff in local hours after midnight, or nil where the mode is
    /// not offered from this location.
    public var cutoffHours: [Double?]

    /// Creates a calendar.
    public init(clock: LocalClock, operatingWeekdays: UInt8 = 0b0011111, holidays: [Int] = [],
                opensAtHour: Double = 8, cutoffHours: [Double?]) {
        self.clock = clock
        self.operatingWeekdays = operatingWeekdays
        self.holidays = holidays.sorted()
        self.opensAtHour = opensAtHour
        self.cutoffHours = cutoffHours
    }

    /// Whether the location ships on local day `day`.
    @inlinable public func isOperating(day: Int) -> Bool {
        let weekday = LocalClock.weekday(ofDay: day)
        guard operatingWeekdays & (1 << UInt8(weekday - 1)) != 0 else { return false }
        return holidays.isEmpty || !holidays.contains(day)
    }

    /// The time a unit ready at `ready` leaves by `mode`, or nil when the mode is not offered here
    /// or the location never operates.
    ///
    /// - Scheduled pick-up: it leaves at the cutoff of the first operating day on which it is
    ///   ready by the cutoff.
    /// - Immediate dispatch: it leaves at once when ready within operating hours (opening to
    ///   cutoff) of an operating day, else at the next opening.
    @inlinable public func departure(readyAt ready: SimTime, mode: Int, dispatch: DispatchRule) -> SimTime? {
        guard let cutoff = cutoffHours[mode], operatingWeekdays != 0 else { return nil }
        let (today, hour) = clock.localDayAndHour(at: ready)
        var day = today
        for _ in 0..<370 {
            if isOperating(day: day) {
                let isToday = day == today
                switch dispatch {
                case .scheduledPickup:
                    if !isToday || hour <= cutoff { return clock.simTime(day: day, hour: cutoff) }
                case .immediate:
                    if isToday && hour <= cutoff {
                        return hour >= opensAtHour ? ready : clock.simTime(day: day, hour: opensAtHour)
                    }
                    if !isToday { return clock.simTime(day: day, hour: min(opensAtHour, cutoff)) }
                }
            }
            day += 1
        }
        return nil
    }
}

/// How a shipping mode leaves a location.
public enum DispatchRule: String, Sendable {
    /// The carrier collects once a day at the cutoff (ground, air next-flight-out).
    case scheduledPickup = "scheduled_pickup"
    /// A courier leaves as soon as the unit is ready, within operating hours.
    case immediate
}
