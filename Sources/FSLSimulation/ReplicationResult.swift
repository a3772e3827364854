/// One metric value of one replication, e.g. `sla_attainment` for segment `tier=gold`.
public struct MetricValue: Sendable, Equatable {
    /// Metric name (see docs/outputs.md).
    public var metric: String
    /// `all`, or `tier=<contract>`, `location=<id>`, `country=<code>`.
    public var segment: String
    /// The value.
    public var value: Double

    /// Creates a value.
    public init(metric: String, segment: String, value: Double) {
        self.metric = metric
        self.segment = segment
        self.value = value
    }
}

/// One day of the daily series.
public struct DailyPoint: Sendable, Equatable {
    /// Day number since the start (0-based).
    public var day: Int
    /// Metric name: backorders_open, on_hand, orders, sla_attainment.
    public var metric: String
    /// `all` or `tier=<contract>`.
    public var segment: String
    /// The value.
    public var value: Double
}

/// The outcome of one replication: metrics in a fixed order, plus optional daily series.
public struct ReplicationResult: Sendable {
    /// Replication index.
    public var replication: Int
    /// Seed of the replication's streams (the master seed; streams derive from it).
    public var seed: UInt64
    /// Metrics in a deterministic order.
    public var metrics: [MetricValue]
    /// Daily series (empty unless requested).
    public var daily: [DailyPoint]
    /// Units created/received/shipped per slot and ending stock, for conservation checks.
    public var ledger: StockLedger
    /// The trace, when this replication was traced.
    public var trace: TraceRecorder?

    /// The value of `metric` for `segment`, if present.
    public func value(_ metric: String, segment: String = "all") -> Double? {
        metrics.first { $0.metric == metric && $0.segment == segment }?.value
    }
}

/// Unit flows per stock slot over a whole replication (warm-up included), for conservation:
/// initial + received = shipped + transferred out + ending on hand.
public struct StockLedger: Sendable {
    /// Initial on hand per slot.
    public var initial: [Int]
    /// Units received per slot (replenishment, repair, transfer in).
    public var received: [Int]
    /// Units that left per slot (to customers, to other locations).
    public var shipped: [Int]
    /// Ending on hand per slot.
    public var ending: [Int]

    /// An empty ledger (results whose per-slot flows are not kept).
    public static let empty = StockLedger(initial: [], received: [], shipped: [], ending: [])

    /// Whether initial + received = shipped + ending for every slot.
    public var isConserved: Bool {
        initial.indices.allSatisfy { initial[$0] + received[$0] == shipped[$0] + ending[$0] }
    }
}
