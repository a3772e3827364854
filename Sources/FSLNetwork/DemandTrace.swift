/// One historical order replayed exactly from a demand trace CSV.
public struct TracedOrder: Sendable, Equatable {
    /// Arrival time in simulated hours.
    public var time: Double
    /// Site index.
    public var site: Int
    /// Part index.
    public var part: Int
    /// Units ordered.
    public var quantity: Int
    /// Whether the order is urgent (machine down).
    public var isUrgent: Bool

    /// Creates a traced order.
    public init(time: Double, site: Int, part: Int, quantity: Int, isUrgent: Bool) {
        self.time = time
        self.site = site
        self.part = part
        self.quantity = quantity
        self.isUrgent = isUrgent
    }
}
