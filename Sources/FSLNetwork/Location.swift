import FSLKernel

/// What role a location plays in the network.
public enum LocationKind: String, Sendable, CaseIterable {
    /// A forward stocking location close to customers.
    case fsl
    /// A regional hub.
    case hub
    /// The central distribution centre that replenishes FSLs and is replenished by suppliers.
    case centralDC = "central_dc"
    /// A repair depot where defective returns are refurbished.
    case repairDepot = "repair_depot"
}

/// Handling by a third-party logistics provider at a location.
public struct ThirdPartyHandling: Sendable, Equatable {
    /// Fee charged per pick, in currency units.
    public var handlingFeePerPick: Double
    /// Delay between release of an order and the unit being ready to ship, in hours.
    public var pickDelayHours: Double

    /// Creates the handling terms.
    public init(handlingFeePerPick: Double, pickDelayHours: Double) {
        self.handlingFeePerPick = handlingFeePerPick
        self.pickDelayHours = pickDelayHours
    }
}

/// A stocking or repair location.
public struct Location: Sendable {
    /// Stable identifier from the scenario file, e.g. `DAL`.
    public var id: String
    /// Human-readable name.
    public var name: String
    /// Role in the network.
    public var kind: LocationKind
    /// Latitude in degrees (WGS84).
    public var latitude: Double
    /// Longitude in degrees (WGS84).
    public var longitude: Double
    /// Index into `Network.countries`.
    public var country: Int
    /// IANA time zone identifier, e.g. `America/Chicago`.
    public var timeZone: String
    /// Shipping calendar and cutoffs in local time.
    public var calendar: ShippingCalendar
    /// 3PL handling, if a third party runs the location.
    public var thirdParty: ThirdPartyHandling?
    /// Annual holding-cost rate as a fraction of unit cost per year, e.g. 0.25.
    public var holdingRatePerYear: Double

    /// Creates a location.
    public init(id: String, name: String, kind: LocationKind, latitude: Double, longitude: Double, country: Int,
                timeZone: String, calendar: ShippingCalendar, thirdParty: ThirdPartyHandling? = nil,
                holdingRatePerYear: Double = 0.25) {
        self.id = id
        self.name = name
        self.kind = kind
        self.latitude = latitude
        self.longitude = longitude
        self.country = country
        self.timeZone = timeZone
        self.calendar = calendar
        self.thirdParty = thirdParty
        self.holdingRatePerYear = holdingRatePerYear
    }

    /// Pick delay in hours (0 unless a 3PL runs the location).
    @inlinable public var pickDelayHours: Double { thirdParty?.pickDelayHours ?? 0 }
    /// Handling fee per pick (0 unless a 3PL runs the location).
    @inlinable public var handlingFeePerPick: Double { thirdParty?.handlingFeePerPick ?? 0 }
}
