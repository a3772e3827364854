import FSLNetwork
import FSLSimulation

/// `fcfs`: the oldest waiting backorder first. The baseline allocation.
public struct FirstComeFirstServed: AllocationStrategy {
    static let entry = AllocationEntry(
        name: "fcfs", summary: "oldest backorder first (the baseline)", parameters: [],
        make: { _, _ in FirstComeFirstServed() })

    /// Creates the strategy.
    public init() {}

    public mutating func choose(pending: [Int32], slot: Int, state: borrowing NetworkState) -> Int? {
        pending.isEmpty ? nil : 0
    }
}
