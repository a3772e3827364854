/// Simulated time in hours since the scenario's start instant.
///
/// Hours are the natural unit of service-parts SLAs (4-hour, same-day, next-business-day), and a
/// `Double` keeps sub-second resolution over centuries of simulated time.
public typealias SimTime = Double

/// Unit conversions for simulated time.
public enum Hours {
    /// Hours in one day.
    public static let perDay: Double = 24
    /// Hours in one week.
    public static let perWeek: Double = 168
    /// Hours in a 365-day year, the unit of annual holding-cost rates.
    public static let perYear: Double = 8760

    /// Converts days to hours.
    @inlinable public static func fromDays(_ days: Double) -> SimTime { days * perDay }
    /// Converts hours to days.
    @inlinable public static func toDays(_ hours: SimTime) -> Double { hours / perDay }
    /// Converts minutes to hours.
    @inlinable public static func fromMinutes(_ minutes: Double) -> SimTime { minutes / 60 }
}
