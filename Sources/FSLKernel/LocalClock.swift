import Foundation

/// Wall-clock time of one IANA time zone, as seen from simulated hours.
///
/// Foundation's `Calendar` is far too slow for the hot loop, so the zone's UTC offsets are
/// tabulated once for the simulated period (daylight-saving transitions included) and every
/// conversion afterwards is arithmetic plus a short scan.
public struct LocalClock: Sendable {
    /// Hours from the Unix epoch (UTC) to simulated time 0.
    public let startEpochHours: Double
    /// Simulated times at which the offset changes, ascending; `offsetHours[i]` applies from
    /// `transitions[i]` (and `offsetHours[0]` before the first).
    @usableFromInline let transitions: [SimTime]
    @usableFromInline let offsetHours: [Double]

    /// Tabulates `zone` from `start` for `spanHours` simulated hours (plus a week of margin).
    public init(zone: TimeZone, start: Date, spanHours: Double) {
        startEpochHours = start.timeIntervalSince1970 / 3600
        var transitions: [SimTime] = [-.infinity]
        var offsets = [Double(zone.secondsFromGMT(for: start)) / 3600]
        let end = start.addingTimeInterval((spanHours + Hours.perWeek) * 3600)
        var cursor = start
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next < end {
            transitions.append(next.timeIntervalSince(start) / 3600)
            offsets.append(Double(zone.secondsFromGMT(for: next)) / 3600)
            cursor = next
        }
        self.transitions = transitions
        offsetHours = offsets
    }

    /// The one UTC offset in hours that applies throughout the tabulated period, or nil when the
    /// offset changes in it (daylight saving).
    public var constantOffsetHours: Double? { transitions.count == 1 ? offsetHours[0] : nil }

    /// The zone's UTC offset in hours at simulated time `t`.
    @inlinable public func offset(at t: SimTime) -> Double {
        var i = transitions.count - 1
        while transitions[i] > t { i -= 1 }
        return offsetHours[i]
    }

    /// Local hours since 1970-01-01 00:00 local time at simulated time `t`.
    @inlinable public func localEpochHours(at t: SimTime) -> Double { startEpochHours + t + offset(at: t) }

    /// The local calendar day (days since 1970-01-01) and the hour of that day at `t`.
    @inlinable public func localDayAndHour(at t: SimTime) -> (day: Int, hour: Double) {
        let local = localEpochHours(at: t)
        let day = (local / 24).rounded(.down)
        return (Int(day), local - day * 24)
    }

    /// The simulated time at which the local wall clock shows `hour` on local day `day`. In a
    /// daylight-saving gap the hour does not exist and the instant one offset earlier is used.
    @inlinable public func simTime(day: Int, hour: Double) -> SimTime {
        let local = Double(day) * 24 + hour
        let guess = local - startEpochHours - offset(at: local - startEpochHours)
        return local - startEpochHours - offset(at: guess)
    }

    /// ISO weekday of a local day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday).
    @inlinable public static func weekday(ofDay day: Int) -> Int {
        let r = (day + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }
}
