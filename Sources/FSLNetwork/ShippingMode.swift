/// A way of moving a part from a location to a customer site (or another location).
public struct ShippingMode: Sendable {
    /// Transit time as a function of distance.
    public enum Transit: Sendable, Equatable {
        /// `baseHours + km / speedKmh`.
        case speed(baseHours: Double, speedKmh: Double)
        /// Transit hours by distance band; `bands` ascending by `maxKm`.
        case bands([DistanceBand])
    }

    /// One distance band: up to `maxKm` the transit takes `hours`.
    public struct DistanceBand: Sendable, Equatable {
        /// Upper end of the band in kilometres (inclusive).
        public var maxKm: Double
        /// Transit time in hours.
        public var hours: Double

        /// Creates a band.
        public init(maxKm: Double, hours: Double) {
            self.maxKm = maxKm
            self.hours = hours
        }
    }

    /// Identifier, e.g. `courier`.
    public var id: String
    /// How the carrier leaves a location.
    public var dispatch: DispatchRule
    /// Transit-time model.
    public var transit: Transit
    /// Longest lane this mode serves, in kilometres (nil = unlimited).
    public var maxKm: Double?
    /// Fixed cost per shipment.
    public var fixedCost: Double
    /// Cost per kilometre.
    public var costPerKm: Double
    /// Cost per kilogram.
    public var costPerKg: Double

    /// Creates a mode.
    public init(id: String, dispatch: DispatchRule, transit: Transit, maxKm: Double? = nil,
                fixedCost: Double = 0, costPerKm: Double = 0, costPerKg: Double = 0) {
        self.id = id
        self.dispatch = dispatch
        self.transit = transit
        self.maxKm = maxKm
        self.fixedCost = fixedCost
        self.costPerKm = costPerKm
        self.costPerKg = costPerKg
    }

    /// Transit hours over `km`, or nil when the lane is beyond this mode's reach.
    @inlinable public func transitHours(km: Double) -> Double? {
        if let maxKm, km > maxKm { return nil }
        switch transit {
        case .speed(let base, let speed): return base + km / speed
        case .bands(let bands):
            for band in bands where km <= band.maxKm { return band.hours }
            return nil
        }
    }

    /// Shipping cost of `quantity` units weighing `weightKg` each over `km`.
    @inlinable public func cost(km: Double, weightKg: Double, quantity: Int) -> Double {
        fixedCost + costPerKm * km + costPerKg * weightKg * Double(quantity)
    }
}
