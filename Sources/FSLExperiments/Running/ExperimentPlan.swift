import FSLNetwork

/// What to run: one scenario under one routing and allocation strategy for a set of
/// replications. A `Sendable` value, so the plan crosses threads and the simulation and its
/// random streams are created inside each worker.
public struct ExperimentPlan: Sendable {
    /// The validated network.
    public var network: Network
    /// Routing strategy and parameters.
    public var routing: StrategyChoice
    /// Allocation strategy and parameters.
    public var allocation: StrategyChoice
    /// Global replication indices to run (a shard runs a subset).
    public var replications: [Int]
    /// Master seed.
    public var masterSeed: UInt64
    /// Length of a replication in hours.
    public var horizonHours: Double
    /// Warm-up in hours.
    public var warmupHours: Double
    /// Whether to record daily series.
    public var recordsDailySeries: Bool
    /// The replication whose order lines and decisions are traced (`--trace`), if any.
    public var tracedReplication: Int?
    /// Trace only this order number (for `fslsim explain`).
    public var tracedOrder: Int?

    /// A plan with the network's defaults for anything not given.
    public init(network: Network, routing: StrategyChoice? = nil, allocation: StrategyChoice? = nil,
                replications: [Int]? = nil, masterSeed: UInt64? = nil, horizonHours: Double? = nil,
                warmupHours: Double? = nil, recordsDailySeries: Bool = false) {
        self.network = network
        self.routing = routing ?? network.routing
        self.allocation = allocation ?? network.allocation
        self.replications = replications ?? Array(0..<network.replications)
        self.masterSeed = masterSeed ?? network.masterSeed
        self.horizonHours = horizonHours ?? network.horizonHours
        self.warmupHours = warmupHours ?? network.warmupHours
        self.recordsDailySeries = recordsDailySeries
    }

    /// `routing/allocation` as written in outputs.
    public var label: StrategyLabel { StrategyLabel(routing: routing.description, allocation: allocation.description) }
}
