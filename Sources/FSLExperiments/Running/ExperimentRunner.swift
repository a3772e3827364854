import Dispatch
import FSLNetwork
import FSLSimulation
import FSLStrategies
import Synchronization

/// Runs the replications of a plan on a bounded number of threads.
///
/// Each worker builds its own strategies and simulation (and so its own GSL generators);
/// results are stored by position in the plan, never in completion order, so any thread count
/// gives bit-identical output.
public enum ExperimentRunner {
    /// Runs `plan` on `threads` workers.
    ///
    /// - Parameters:
    ///   - progress: called after each finished replication with the number finished so far.
    ///   - shouldStop: polled before each replication starts; when it returns true no further
    ///     replication starts and the finished ones are returned (Ctrl-C).
    /// - Returns: the finished results in plan order (all of them unless stopped early).
    /// - Throws: `StrategyError` when a strategy name or parameter is invalid (checked before
    ///   anything runs).
    public static func run(_ plan: ExperimentPlan, threads: Int,
                           progress: (@Sendable (Int) -> Void)? = nil,
                           shouldStop: @escaping @Sendable () -> Bool = { false }) throws(StrategyError) -> [ReplicationResult] {
        _ = try StrategyRegistry.makeRouting(plan.routing, network: plan.network)
        _ = try StrategyRegistry.makeAllocation(plan.allocation, network: plan.network)
        let count = plan.replications.count
        let slots = Mutex<[ReplicationResult?]>(Array(repeating: nil, count: count))
        let finished = Atomic<Int>(0)
        let nextIndex = Atomic<Int>(0)
        let workers = max(1, min(threads, count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while !shouldStop() {
                let position = nextIndex.wrappingAdd(1, ordering: .relaxed).oldValue
                guard position < count else { return }
                var result = runOne(plan, replication: plan.replications[position])
                // Keep memory flat as replications grow: the per-slot ledger is for tests.
                result.ledger = .empty
                slots.withLock { $0[position] = result }
                let done = finished.wrappingAdd(1, ordering: .relaxed).newValue
                progress?(done)
            }
        }
        return slots.withLock { $0.compactMap { $0 } }
    }

    /// Runs one replication of `plan` (the global index `replication`).
    public static func runOne(_ plan: ExperimentPlan, replication: Int) -> ReplicationResult {
        // Validated in `run`; a failure here is a programming error.
        let routing = try! StrategyRegistry.makeRouting(plan.routing, network: plan.network)
        let allocation = try! StrategyRegistry.makeAllocation(plan.allocation, network: plan.network)
        let settings = ReplicationSettings(network: plan.network, replication: replication, masterSeed: plan.masterSeed,
                                           horizonHours: plan.horizonHours, warmupHours: plan.warmupHours,
                                           recordsDailySeries: plan.recordsDailySeries)
        let trace = plan.tracedReplication == replication ? TraceRecorder(onlyOrder: plan.tracedOrder) : nil
        return simulate(network: plan.network, routing: routing, allocation: allocation, settings: settings, trace: trace)
    }
}
