import FSLNetwork

/// What a stock review reads of a slot, in one 32-byte record: the policy, where the slot is and
/// which lead-time distribution it draws from.
///
/// A `StockSlot` is 104 bytes and the lead-time index lives in another array, so a review at a
/// million slots cost two or three cache misses before it looked at a counter.
struct SlotReview {
    var policy: StockPolicy
    var location: Int32
    var part: Int32
    /// Index into `LeadTimeTable`'s distributions.
    var leadTime: Int32
    /// Whether the slot is replenished from an unlimited source (the common case, handled
    /// without reading the `StockSlot`).
    var isUnlimited: Bool

    /// One record per slot of `network`.
    static func table(network: Network, leadTimes: LeadTimeTable) -> [SlotReview] {
        network.stockSlots.indices.map { index in
            let slot = network.stockSlots[index]
            return SlotReview(policy: slot.policy, location: Int32(slot.location), part: Int32(slot.part),
                              leadTime: Int32(leadTimes.distributionIndex(slot: index)),
                              isUnlimited: slot.source == .unlimited)
        }
    }
}
