/// Everything that can happen in a replication: a small enum with integer payloads, so calendar
/// entries stay value types and the hot loop never allocates.
public enum SimEvent: Sendable {
    /// The next customer order arrives (the demand process reschedules itself).
    case demandArrival
    /// Replenishment of `quantity` units arrives at stock slot `slot`.
    case replenishmentArrival(slot: Int32, quantity: Int32)
    /// A defective unit of `part` reaches the repair depot.
    case returnArrival(part: Int32)
    /// A repair of `part` finishes.
    case repairDone(part: Int32)
    /// A lateral transfer of `quantity` units arrives at stock slot `slot`.
    case transferArrival(slot: Int32, quantity: Int32, condition: Int8)
    /// A lateral (location-to-location) transfer of new units arrives at stock slot `slot`.
    case lateralTransferArrival(slot: Int32, quantity: Int32)
    /// Order `index` of the scenario's demand trace arrives.
    case tracedOrderArrival(index: Int32)
    /// End of a simulated day: record the daily series.
    case dayEnd
}
