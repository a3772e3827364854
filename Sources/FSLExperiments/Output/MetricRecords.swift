/// A routing and allocation strategy pair, written `routing/allocation` in `paired.csv`.
public struct StrategyLabel: Sendable, Hashable, CustomStringConvertible {
    /// The routing strategy's registry name.
    public var routing: String
    /// The allocation strategy's registry name.
    public var allocation: String

    /// Creates a label.
    public init(routing: String, allocation: String) {
        self.routing = routing
        self.allocation = allocation
    }

    /// `routing/allocation`.
    public var description: String { "\(routing)/\(allocation)" }
}

/// One metric value of one replication: a row of `replications.csv`.
public struct ReplicationRecord: Sendable, Equatable {
    /// The scenario name.
    public var scenario: String
    /// The routing strategy.
    public var routing: String
    /// The allocation strategy.
    public var allocation: String
    /// The replication index, from 0; the same index shares random numbers across strategies.
    public var replication: Int
    /// The replication's master seed, for reproducing it alone.
    public var seed: UInt64
    /// The metric name (see ``Metric``).
    public var metric: String
    /// The segment (see ``Segment``).
    public var segment: String
    /// The value, in the metric's unit; NaN when undefined (written as an empty field).
    public var value: Double

    /// Creates a record.
    public init(scenario: String, routing: String, allocation: String, replication: Int, seed: UInt64,
                metric: String, segment: String = Segment.all, value: Double) {
        self.scenario = scenario
        self.routing = routing
        self.allocation = allocation
        self.replication = replication
        self.seed = seed
        self.metric = metric
        self.segment = segment
        self.value = value
    }

    /// The strategy pair that produced the record.
    public var strategy: StrategyLabel { StrategyLabel(routing: routing, allocation: allocation) }
}

/// One metric value of one day of one replication: a row of `timeseries.csv`.
public struct TimeseriesRecord: Sendable, Equatable {
    /// The scenario name.
    public var scenario: String
    /// The routing strategy.
    public var routing: String
    /// The allocation strategy.
    public var allocation: String
    /// The replication index, from 0.
    public var replication: Int
    /// The day index from the start of the run, warm-up included, from 0.
    public var day: Int
    /// The metric name (see ``DailyMetric``).
    public var metric: String
    /// The segment: `all` or `tier=<id>`.
    public var segment: String
    /// The value; NaN when undefined (written as an empty field).
    public var value: Double

    /// Creates a record.
    public init(scenario: String, routing: String, allocation: String, replication: Int, day: Int,
                metric: String, segment: String = Segment.all, value: Double) {
        self.scenario = scenario
        self.routing = routing
        self.allocation = allocation
        self.replication = replication
        self.day = day
        self.metric = metric
        self.segment = segment
        self.value = value
    }
}

/// The statistics of one metric and segment over the replications of one scenario and
/// strategy pair: a row of `summary.csv`.
public struct SummaryRow: Sendable, Equatable {
    /// The scenario name.
    public var scenario: String
    /// The routing strategy.
    public var routing: String
    /// The allocation strategy.
    public var allocation: String
    /// The metric name.
    public var metric: String
    /// The segment.
    public var segment: String
    /// The statistics over replications.
    public var statistics: SummaryStatistics

    /// Creates a row.
    public init(scenario: String, routing: String, allocation: String, metric: String, segment: String,
                statistics: SummaryStatistics) {
        self.scenario = scenario
        self.routing = routing
        self.allocation = allocation
        self.metric = metric
        self.segment = segment
        self.statistics = statistics
    }
}

/// A candidate strategy pair against a baseline on one metric and segment: a row of
/// `paired.csv`.
public struct PairedRow: Sendable, Equatable {
    /// The scenario name.
    public var scenario: String
    /// The metric name.
    public var metric: String
    /// The segment.
    public var segment: String
    /// The candidate strategy pair.
    public var candidate: StrategyLabel
    /// The baseline strategy pair.
    public var baseline: StrategyLabel
    /// The paired statistics of candidate − baseline.
    public var comparison: PairedComparison

    /// Creates a row.
    public init(scenario: String, metric: String, segment: String, candidate: StrategyLabel,
                baseline: StrategyLabel, comparison: PairedComparison) {
        self.scenario = scenario
        self.metric = metric
        self.segment = segment
        self.candidate = candidate
        self.baseline = baseline
        self.comparison = comparison
    }
}

/// Replication records that cannot be paired: a strategy missing, or replication sets that
/// differ between candidate and baseline.
public struct PairingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What does not match, naming scenario, strategies, metric and replications.
    public let message: String
    /// Creates the error.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}
