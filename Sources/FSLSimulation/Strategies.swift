/// The routing plug-in point: decides which location fills each order.
///
/// Called once per order with a read-only view of the network; writes its decision into the
/// simulation's reusable plan. Strategies never schedule events and never draw random numbers
/// from the demand streams, so every strategy sees the same demand (common random numbers).
public protocol RoutingStrategy {
    /// Fills `plan` for `order`: lines to ship now and, for any uncovered quantity, a backorder
    /// location that stocks the part.
    mutating func route(_ order: Order, state: borrowing NetworkState, into plan: inout FulfilmentPlan)
}

/// The allocation plug-in point: decides which waiting backorder gets supply when it arrives.
///
/// Called whenever stock becomes available at a slot (replenishment, repair, transfer) while
/// backorders wait there; it is asked again after each release, so it re-evaluates the whole
/// pending set on every unit.
public protocol AllocationStrategy {
    /// Chooses among the backorders waiting at `slot` (ids oldest first): the position in
    /// `pending` to release next, or nil to hold the remaining supply (a reservation).
    mutating func choose(pending: [Int32], slot: Int, state: borrowing NetworkState) -> Int?
}
