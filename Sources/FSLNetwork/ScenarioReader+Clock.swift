import Foundation
import FSLKernel

/// The run-length settings of a scenario.
struct ClockSettings {
    var warmupHours: Double
    var replications: Int
    var seed: UInt64
}

extension ScenarioReader {
    func readClock(_ node: JSONNode?) -> ClockSettings? {
        guard let object = node?.object(keys: ["start", "horizon_days", "warmup_days", "replications", "seed"]) else {
            return nil
        }
        if let startNode = object.required("start"), let text = startNode.nonEmptyString {
            if let date = ISO8601DateFormatter().date(from: text) {
                start = date
            } else {
                startNode.report("must be an ISO 8601 instant with zone, e.g. \"2026-01-05T00:00:00Z\"; found \"\(text)\"")
            }
        }
        let horizonDays = object.required("horizon_days")?.number(in: 1...36_500, unit: "days")
        horizonHours = (horizonDays ?? 365) * 24
        let warmupDays = object["warmup_days"]?.number(in: 0...36_500, unit: "days") ?? 0
        if let horizonDays, warmupDays >= horizonDays {
            object["warmup_days"]?.report("must be shorter than horizon_days (\(horizonDays)); metrics are taken after the warm-up")
        }
        let replications = object["replications"]?.integer(in: 1...1_000_000) ?? 10
        let seed = object["seed"]?.integer(in: 0...Int.max) ?? 1
        return ClockSettings(warmupHours: warmupDays * 24, replications: replications, seed: UInt64(seed))
    }

    /// Parses `HH:MM` (00:00–23:59) into hours after midnight.
    func timeOfDay(_ node: JSONNode?) -> Double? {
        guard let node, let text = node.string else { return nil }
        let pieces = text.split(separator: ":", omittingEmptySubsequences: false)
        guard pieces.count == 2, let hours = Int(pieces[0]), let minutes = Int(pieces[1]), pieces[1].count == 2,
              (0...23).contains(hours), (0...59).contains(minutes) else {
            node.report("must be a local time between 00:00 and 23:59 as \"HH:MM\"; found \"\(text)\"")
            return nil
        }
        return Double(hours) + Double(minutes) / 60
    }

    /// Parses `YYYY-MM-DD` into a day number (days since 1970-01-01).
    func dayNumber(_ node: JSONNode) -> Int? {
        guard let text = node.string else { return nil }
        let pieces = text.split(separator: "-", omittingEmptySubsequences: false)
        guard pieces.count == 3, let year = Int(pieces[0]), let month = Int(pieces[1]), let day = Int(pieces[2]),
              (1...12).contains(month), (1...CivilDate.daysIn(month: month, year: year)).contains(day) else {
            node.report("must be a date as \"YYYY-MM-DD\"; found \"\(text)\"")
            return nil
        }
        return CivilDate.daysSinceEpoch(year: year, month: month, day: day)
    }

    /// Parses weekday names into a bit set (bit 0 = Monday).
    func weekdays(_ node: JSONNode?) -> UInt8? {
        guard let items = node?.array else { return nil }
        let names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        let fullNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        var bits: UInt8 = 0
        for item in items {
            guard let text = item.string?.lowercased() else { continue }
            guard let index = names.firstIndex(of: text) ?? fullNames.firstIndex(of: text) else {
                item.report("must be a weekday name such as \"mon\" or \"monday\"; found \"\(text)\"")
                continue
            }
            bits |= 1 << UInt8(index)
        }
        return bits
    }
}

/// Proleptic Gregorian calendar arithmetic (Howard Hinnant's days-from-civil algorithm).
enum CivilDate {
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Days in `month` (1–12) of `year`, leap years included.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
