import FSLKernel
import FSLNetwork

/// Computes SLA deadlines in the site's local time, honouring business days (Monday–Friday).
public enum Deadline {
    /// The deadline of an order created at `createdAt` under `level` at a site with `clock`.
    public static func compute(_ level: ServiceLevel, createdAt: Double, clock: LocalClock) -> Double {
        switch level {
        case .hours(let hours):
            return createdAt + hours
        case .nextBusinessDay(let byHour):
            let (day, _) = clock.localDayAndHour(at: createdAt)
            return clock.simTime(day: nextBusinessDay(after: day), hour: byHour)
        case .sameDay(let orderBy, let byHour):
            let (day, hour) = clock.localDayAndHour(at: createdAt)
            if isBusinessDay(day), hour < orderBy { return clock.simTime(day: day, hour: byHour) }
            return clock.simTime(day: nextBusinessDay(after: day), hour: byHour)
        }
    }

    static func isBusinessDay(_ day: Int) -> Bool { LocalClock.weekday(ofDay: day) <= 5 }

    static func nextBusinessDay(after day: Int) -> Int {
        var next = day + 1
        while !isBusinessDay(next) { next += 1 }
        return next
    }
}
