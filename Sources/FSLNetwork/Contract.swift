import FSLKernel

/// When an order must be delivered.
public enum ServiceLevel: Sendable, Equatable {
    /// Within this many hours of the order.
    case hours(Double)
    /// By this local hour (hours after midnight) of the next business day (Monday–Friday) in the
    /// site's time zone.
    case nextBusinessDay(byHour: Double)
    /// By this local hour of the same day if ordered before `orderBy`, else of the next business day.
    case sameDay(orderBy: Double, byHour: Double)
}

/// A customer contract tier, e.g. platinum 4-hour or silver next-business-day.
public struct Contract: Sendable {
    /// Identifier, also the tier name in outputs (`tier=gold`).
    public var id: String
    /// Service level for urgent (machine-down) orders.
    public var sla: ServiceLevel
    /// Service level for routine orders (defaults to `sla`).
    public var routineSLA: ServiceLevel
    /// Penalty per order delivered late (or not at all by the horizon).
    public var penaltyPerBreach: Double
    /// Additional penalty per hour late.
    public var penaltyPerLateHour: Double
    /// Whether refurbished units may be shipped.
    public var refurbishedAllowed: Bool
    /// Whether fulfilment may cross a border.
    public var crossBorderAllowed: Bool
    /// Relative priority weight for allocation (higher is more important).
    public var priorityWeight: Double

    /// Creates a contract.
    public init(id: String, sla: ServiceLevel, routineSLA: ServiceLevel? = nil, penaltyPerBreach: Double = 0,
                penaltyPerLateHour: Double = 0, refurbishedAllowed: Bool = true, crossBorderAllowed: Bool = true,
                priorityWeight: Double = 1) {
        self.id = id
        self.sla = sla
        self.routineSLA = routineSLA ?? sla
        self.penaltyPerBreach = penaltyPerBreach
        self.penaltyPerLateHour = penaltyPerLateHour
        self.refurbishedAllowed = refurbishedAllowed
        self.crossBorderAllowed = crossBorderAllowed
        self.priorityWeight = priorityWeight
    }
}

/// A geographic region with its approved-stock-list priorities.
public struct Region: Sendable {
    /// Identifier.
    public var id: String
    /// Locations that serve the region, primary first (ASL priority order).
    public var aslPriority: [Int]
    /// Relative priority for allocation and fair-share (higher is more important).
    public var priorityWeight: Double

    /// Creates a region.
    public init(id: String, aslPriority: [Int], priorityWeight: Double = 1) {
        self.id = id
        self.aslPriority = aslPriority
        self.priorityWeight = priorityWeight
    }
}

/// A customer site where equipment is repaired.
public struct Site: Sendable {
    /// Identifier.
    public var id: String
    /// Latitude in degrees.
    public var latitude: Double
    /// Longitude in degrees.
    public var longitude: Double
    /// Index into `Network.countries`.
    public var country: Int
    /// Index into `Network.contracts`.
    public var contract: Int
    /// Index into `Network.regions`, if the site belongs to one.
    public var region: Int?
    /// The site's local clock, for deadlines.
    public var clock: LocalClock

    /// Creates a site.
    public init(id: String, latitude: Double, longitude: Double, country: Int, contract: Int, region: Int?,
                clock: LocalClock) {
        self.id = id
        self.latitude = latitude
        self.longitude = longitude
        self.country = country
        self.contract = contract
        self.region = region
        self.clock = clock
    }
}
