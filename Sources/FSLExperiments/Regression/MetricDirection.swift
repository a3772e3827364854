/// Which way a metric improves, so a regression gate knows which side of a difference is worse.
public enum MetricDirection: String, Sendable {
    /// Larger values are better (fill rate, SLA attainment).
    case higherIsBetter = "higher is better"
    /// Smaller values are better (costs, backorders, delivery times).
    case lowerIsBetter = "lower is better"
    /// Neither way is better by itself (counts of orders, stock on hand): a change is reported,
    /// never called a regression.
    case neutral
}

extension Metric {
    /// The direction in which this metric improves.
    public var direction: MetricDirection {
        switch self {
        case .fillRate, .slaAttainment:
            .higherIsBetter
        case .meanDeliveryHours, .p95DeliveryHours, .backordersCreated, .averageBackorders, .meanBackorderWaitHours,
             .backordersOpenAtEnd, .costShipping, .costHandling, .costCustoms, .costTransfer, .costHolding,
             .costPenalty, .costTotal:
            .lowerIsBetter
        case .orders, .units, .averageOnHand, .averageInventoryValue, .events:
            .neutral
        }
    }
}

/// How much worse a metric may get before a statistically clear worsening counts as a
/// regression: an absolute amount in the metric's unit, or a fraction of the baseline mean.
public enum PracticalTolerance: Sendable, Equatable, CustomStringConvertible {
    /// At most this much worse, in the metric's unit.
    case absolute(Double)
    /// At most this fraction of |baseline mean| worse (0.01 is 1%).
    case relative(Double)

    /// The default: 0.005 absolute for fractions (half a percentage point), 1% relative for
    /// everything else.
    public static func standard(for metric: String) -> PracticalTolerance {
        Metric(rawValue: metric)?.unit == "fraction" ? .absolute(0.005) : .relative(0.01)
    }

    /// The largest worsening tolerated, in the metric's unit, given the baseline mean.
    public func allowance(baselineMean: Double) -> Double {
        switch self {
        case .absolute(let amount): amount
        case .relative(let fraction): fraction * abs(baselineMean)
        }
    }

    /// `0.005` or `1%`.
    public var description: String {
        switch self {
        case .absolute(let amount): CSVWriter.format(amount)
        case .relative(let fraction): CSVWriter.format(fraction * 100) + "%"
        }
    }
}
