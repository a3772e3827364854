/// A lane whose transit time and cost are known from contracts or history rather than from the
/// mode's distance model (`lanes[]` in the scenario).
public struct LaneOverride: Sendable, Equatable {
    /// Transit time in hours (replaces the mode's distance model).
    public var transitHours: Double
    /// Cost per shipment (replaces fixed + per-km); nil keeps the mode's cost.
    public var costPerShipment: Double?

    /// Creates an override.
    public init(transitHours: Double, costPerShipment: Double?) {
        self.transitHours = transitHours
        self.costPerShipment = costPerShipment
    }
}

extension Network {
    /// Key of a location-to-site lane by mode.
    @inlinable func siteLaneKey(location: Int, site: Int, mode: Int) -> Int {
        (location * sites.count + site) * modes.count + mode
    }

    /// Transit hours by `mode` from a location to a site: the lane table's value if it has the
    /// lane, else the mode's distance model (nil when out of the mode's reach).
    @inlinable public func transitHours(mode: Int, location: Int, site: Int, km: Double) -> Double? {
        if !siteLanes.isEmpty, let lane = siteLanes[siteLaneKey(location: location, site: site, mode: mode)] {
            return lane.transitHours
        }
        return modes[mode].transitHours(km: km)
    }

    /// Shipping cost by `mode` from a location to a site for `quantity` units of `part`.
    @inlinable public func shippingCost(mode: Int, location: Int, site: Int, km: Double, part: Int, quantity: Int) -> Double {
        if !siteLanes.isEmpty, let cost = siteLanes[siteLaneKey(location: location, site: site, mode: mode)]?.costPerShipment {
            return cost + modes[mode].costPerKg * parts[part].weightKg * Double(quantity)
        }
        return modes[mode].cost(km: km, weightKg: parts[part].weightKg, quantity: quantity)
    }
}
