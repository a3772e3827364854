import FSLNetwork

/// One customer order as the routing strategy sees it.
public struct Order: Sendable {
    /// Sequence number of the order in this replication (0-based, in arrival order).
    public var number: Int
    /// Customer site index.
    public var site: Int
    /// Part index.
    public var part: Int
    /// Units ordered.
    public var quantity: Int
    /// Whether the equipment is down (urgent) rather than a routine order.
    public var isUrgent: Bool
    /// Contract index of the site.
    public var contract: Int
    /// Arrival time in simulated hours.
    public var createdAt: Double
    /// When the order must be delivered to meet its SLA.
    public var deadline: Double

    /// Creates an order.
    public init(number: Int, site: Int, part: Int, quantity: Int, isUrgent: Bool, contract: Int, createdAt: Double,
                deadline: Double) {
        self.number = number
        self.site = site
        self.part = part
        self.quantity = quantity
        self.isUrgent = isUrgent
        self.contract = contract
        self.createdAt = createdAt
        self.deadline = deadline
    }
}

/// One line of a fulfilment plan: ship `quantity` units of `condition` from `source` by `mode`.
public struct FulfilmentLine: Sendable, Equatable {
    /// Source location index.
    public var source: Int
    /// Condition of the units.
    public var condition: Condition
    /// Shipping mode index.
    public var mode: Int
    /// Units on this line.
    public var quantity: Int

    /// Creates a line.
    public init(source: Int, condition: Condition, mode: Int, quantity: Int) {
        self.source = source
        self.condition = condition
        self.mode = mode
        self.quantity = quantity
    }
}

/// A lateral transfer a routing strategy asks for: move units of a part between two locations
/// (carried out only when the scenario allows transfers and the donor still has the units).
public struct TransferRequest: Sendable, Equatable {
    /// Part index.
    public var part: Int
    /// Donor location index.
    public var from: Int
    /// Receiving location index.
    public var to: Int
    /// Units to move.
    public var quantity: Int

    /// Creates a request.
    public init(part: Int, from: Int, to: Int, quantity: Int) {
        self.part = part
        self.from = from
        self.to = to
        self.quantity = quantity
    }
}

/// What a routing strategy decided for an order: lines to ship now and, for any quantity not
/// covered, the location where the remainder waits as a backorder.
///
/// The simulation owns one plan and reuses its storage for every order, so routing allocates
/// nothing per order.
public struct FulfilmentPlan: Sendable {
    /// Lines to ship now.
    public var lines: [FulfilmentLine] = []
    /// Where the uncovered quantity is backordered (required when lines do not cover the order).
    public var backorderLocation: Int?
    /// A short machine-readable reason code, for traces.
    public var reason: DecisionReason = .none
    /// Lateral transfers the strategy asks for alongside the order (e.g. to refill the source it
    /// just drew down from a location holding excess).
    public var transfers: [TransferRequest] = []

    /// Creates an empty plan.
    public init() { lines.reserveCapacity(4) }

    /// Empties the plan, keeping its storage.
    public mutating func reset() {
        // One O(1) removeLast per line (usually one) instead of removeAll(keepingCapacity:),
        // whose replaceSubrange costs more than the rest of the reset.
        while !lines.isEmpty { lines.removeLast() }
        backorderLocation = nil
        reason = .none
        if !transfers.isEmpty { transfers.removeAll(keepingCapacity: true) }
    }

    /// Asks for a lateral transfer of `quantity` units of `part` from `from` to `to`.
    public mutating func requestTransfer(part: Int, from: Int, to: Int, quantity: Int) {
        transfers.append(TransferRequest(part: part, from: from, to: to, quantity: quantity))
    }

    /// Adds a line.
    public mutating func ship(from source: Int, condition: Condition, mode: Int, quantity: Int) {
        lines.append(FulfilmentLine(source: source, condition: condition, mode: mode, quantity: quantity))
    }

    /// Units covered by the lines.
    public var shippedQuantity: Int { lines.reduce(0) { $0 + $1.quantity } }
}

/// Why a routing strategy chose what it did (kept as a code so tracing costs nothing when off).
public enum DecisionReason: UInt8, Sendable {
    case none
    case nearestWithStock
    case aslPriority
    case cheapest
    case meetsSLACheapest
    case noneMeetsSLAEarliest
    case excessMeetsSLA
    case refurbishedMeetsSLA
    case bestScore
    case lowestRisk
    case ruleChain
    case noStockBackordered
    case split

    /// Words for traces and `fslsim explain`.
    public var text: String {
        switch self {
        case .none: "no decision"
        case .nearestWithStock: "nearest location with stock"
        case .aslPriority: "first location on the region's ASL priority list with stock"
        case .cheapest: "lowest total fulfilment cost among locations with stock (SLA ignored)"
        case .meetsSLACheapest: "cheapest source that meets the SLA"
        case .noneMeetsSLAEarliest: "no source meets the SLA: earliest ETA"
        case .excessMeetsSLA: "source with stock above target that meets the SLA"
        case .refurbishedMeetsSLA: "refurbished stock that meets the SLA"
        case .bestScore: "highest weighted score"
        case .lowestRisk: "lowest cost including the expected future penalty of depleting the source"
        case .ruleChain: "first candidate by the scenario's rule chain"
        case .noStockBackordered: "no location has stock: backordered"
        case .split: "no single source had the whole quantity: split across sources"
        }
    }
}
