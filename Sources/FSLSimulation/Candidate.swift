import FSLNetwork

/// The facts about filling one order from one source, computed once by the shared evaluator so
/// strategies differ only in how they choose.
public struct Candidate: Sendable {
    /// Source location index.
    public var source: Int
    /// Condition of the units that would ship.
    public var condition: Condition
    /// Units of that condition available at the source now.
    public var available: Int
    /// Best shipping mode for this source: the cheapest that meets the SLA, else the earliest ETA.
    public var mode: Int
    /// When the shipment would leave (after pick delay, cutoff and calendar).
    public var departure: Double
    /// Estimated delivery time (customs at its mean).
    public var eta: Double
    /// Whether the ETA is within the order's deadline.
    public var meetsSLA: Bool
    /// Great-circle distance to the site, km.
    public var distanceKm: Double
    /// Shipping cost.
    public var shippingCost: Double
    /// 3PL handling cost.
    public var handlingCost: Double
    /// Brokerage and duty.
    public var customsCost: Double
    /// Whether the lane crosses a border.
    public var isCrossBorder: Bool
    /// Position on the site's region ASL list (0 = primary), or `Int.max` when not on it.
    public var aslRank: Int

    /// Shipping + handling + customs.
    @inlinable public var totalCost: Double { shippingCost + handlingCost + customsCost }
    /// Hours of slack between ETA and deadline (negative when late).
    public func slackHours(deadline: Double) -> Double { deadline - eta }
}
