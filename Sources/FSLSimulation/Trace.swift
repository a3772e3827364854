import FSLNetwork

/// One shipped or backordered order line, for `orders.csv`.
public struct OrderLineTrace: Sendable {
    /// The order.
    public var order: Order
    /// Line number within the order (0-based, in shipping order).
    public var line: Int
    /// Units on the line.
    public var quantity: Int
    /// Source location, or −1 when the line was still open at the horizon.
    public var source: Int
    /// Shipping mode index (−1 when open).
    public var mode: Int
    /// Condition shipped.
    public var condition: Condition
    /// Delivery time (NaN when open at the horizon).
    public var delivered: Double
    /// Whether the line waited as a backorder.
    public var wasBackordered: Bool
    /// Hours it waited (0 when shipped at once).
    public var backorderWaitHours: Double
    /// Where it waited (−1 when it did not).
    public var backorderLocation: Int
    /// How many supply events looked at it without releasing it.
    public var reevaluations: Int
    /// Shipping cost.
    public var shippingCost: Double
    /// 3PL handling cost.
    public var handlingCost: Double
    /// Brokerage and duty.
    public var customsCost: Double
}

/// One routing decision with every candidate the evaluator saw, for `decisions.csv` and
/// `fslsim explain`.
public struct DecisionTrace: Sendable {
    /// The order.
    public var order: Order
    /// Every location that stocks the part, evaluated with its default condition (nil facts
    /// where the lane is not allowed), nearest first.
    public var candidates: [(source: Int, usable: Int, candidate: Candidate?)]
    /// The plan's lines.
    public var lines: [FulfilmentLine]
    /// Where the uncovered quantity waits, if any.
    public var backorderLocation: Int?
    /// The strategy's reason code.
    public var reason: DecisionReason
}

/// What a traced replication records. Tracing is off unless requested; when off the simulation
/// pays one branch per order and builds no strings.
public struct TraceRecorder: Sendable {
    /// Only this order is traced when set (for `fslsim explain`).
    public var onlyOrder: Int?
    /// Order lines in the order they completed.
    public internal(set) var orderLines: [OrderLineTrace] = []
    /// Routing decisions in order arrival order.
    public internal(set) var decisions: [DecisionTrace] = []
    var linesWritten: [Int32: Int] = [:]

    /// Creates a recorder.
    public init(onlyOrder: Int? = nil) { self.onlyOrder = onlyOrder }

    func wants(_ order: Order) -> Bool { onlyOrder == nil || onlyOrder == order.number }

    mutating func nextLine(of order: Order) -> Int {
        let key = Int32(truncatingIfNeeded: order.number)
        let line = linesWritten[key, default: 0]
        linesWritten[key] = line + 1
        return line
    }
}
