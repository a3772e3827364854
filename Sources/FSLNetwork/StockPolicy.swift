import FSLKernel

/// How a location keeps a part in stock. Every policy reacts to the inventory position
/// IP = on hand + on order − backorders, after every change.
public enum StockPolicy: Sendable, Equatable {
    /// One-for-one base stock: whenever IP < S, order S − IP.
    case baseStock(target: Int)
    /// Continuous review (s, S): when IP ≤ s, order S − IP.
    case reorderPoint(s: Int, S: Int)
    /// Min/max: when IP < min, order max − IP.
    case minMax(min: Int, max: Int)

    /// The order-up-to level.
    @inlinable public var targetLevel: Int {
        switch self {
        case .baseStock(let target): target
        case .reorderPoint(_, let upTo): upTo
        case .minMax(_, let maximum): maximum
        }
    }

    /// How many units to order when the inventory position is `position` (0 = none).
    @inlinable public func orderQuantity(position: Int) -> Int {
        switch self {
        case .baseStock(let target): position < target ? target - position : 0
        case .reorderPoint(let s, let upTo): position <= s ? upTo - position : 0
        case .minMax(let minimum, let maximum): position < minimum ? maximum - position : 0
        }
    }
}

/// Where a stocked part is replenished from.
public enum ReplenishmentSource: Sendable, Equatable {
    /// Another location (e.g. the central DC), which ships from its own stock or backorders.
    case location(Int)
    /// An external supplier (index into `Network.suppliers`), capacity-limited if it says so.
    case supplier(Int)
    /// An unlimited external source: every order arrives after its lead time.
    case unlimited
}

/// The approved-stock-list entry of one part at one location.
public struct StockSlot: Sendable {
    // Stored compactly: a network can hold millions of slots (4 M in a 199-FSL, 20,000-part
    // scenario), so Int32 fields and the policy and source as a kind byte plus Int32 operands,
    // 56 bytes instead of 104. Every quantity the loader accepts fits (≤ 10,000,000), and the
    // simulation counts units in Int32 anyway. The public properties are unchanged.
    private var location32: Int32
    private var part32: Int32
    private var initialNew32: Int32
    private var initialRefurbished32: Int32
    private var policyFirst: Int32
    private var policySecond: Int32
    private var sourceIndex: Int32
    private var policyKind: UInt8
    private var sourceKind: UInt8
    /// Replenishment lead time in hours (order to receipt), drawn per order.
    public var leadTime: DistributionSpec

    /// Location index.
    public var location: Int {
        get { Int(location32) }
        set { location32 = StockSlot.narrow(newValue, "location") }
    }
    /// Part index.
    public var part: Int {
        get { Int(part32) }
        set { part32 = StockSlot.narrow(newValue, "part") }
    }
    /// The stocking policy.
    public var policy: StockPolicy {
        get {
            switch policyKind {
            case 0: .baseStock(target: Int(policyFirst))
            case 1: .reorderPoint(s: Int(policyFirst), S: Int(policySecond))
            default: .minMax(min: Int(policyFirst), max: Int(policySecond))
            }
        }
        set {
            switch newValue {
            case .baseStock(let target):
                (policyKind, policyFirst, policySecond) = (0, StockSlot.narrow(target, "target"), 0)
            case .reorderPoint(let s, let upTo):
                (policyKind, policyFirst, policySecond) = (1, StockSlot.narrow(s, "s"), StockSlot.narrow(upTo, "S"))
            case .minMax(let minimum, let maximum):
                (policyKind, policyFirst, policySecond) = (2, StockSlot.narrow(minimum, "min"), StockSlot.narrow(maximum, "max"))
            }
        }
    }
    /// Initial on hand, new condition.
    public var initialNew: Int {
        get { Int(initialNew32) }
        set { initialNew32 = StockSlot.narrow(newValue, "initialNew") }
    }
    /// Initial on hand, refurbished condition.
    public var initialRefurbished: Int {
        get { Int(initialRefurbished32) }
        set { initialRefurbished32 = StockSlot.narrow(newValue, "initialRefurbished") }
    }
    /// Where replenishment comes from.
    public var source: ReplenishmentSource {
        get {
            switch sourceKind {
            case 0: .unlimited
            case 1: .location(Int(sourceIndex))
            default: .supplier(Int(sourceIndex))
            }
        }
        set {
            switch newValue {
            case .unlimited: (sourceKind, sourceIndex) = (0, 0)
            case .location(let index): (sourceKind, sourceIndex) = (1, StockSlot.narrow(index, "source"))
            case .supplier(let index): (sourceKind, sourceIndex) = (2, StockSlot.narrow(index, "source"))
            }
        }
    }

    /// Creates a slot.
    /// - Precondition: every index and quantity fits in 32 bits (the loader accepts at most
    ///   10,000,000 units per field).
    public init(location: Int, part: Int, policy: StockPolicy, initialNew: Int, initialRefurbished: Int = 0,
                source: ReplenishmentSource, leadTime: DistributionSpec) {
        (location32, part32) = (StockSlot.narrow(location, "location"), StockSlot.narrow(part, "part"))
        (initialNew32, initialRefurbished32) = (StockSlot.narrow(initialNew, "initialNew"),
                                                StockSlot.narrow(initialRefurbished, "initialRefurbished"))
        (policyKind, policyFirst, policySecond, sourceKind, sourceIndex) = (0, 0, 0, 0, 0)
        self.leadTime = leadTime
        self.policy = policy
        self.source = source
    }

    private static func narrow(_ value: Int, _ name: StaticString) -> Int32 {
        guard let narrowed = Int32(exactly: value) else {
            preconditionFailure("StockSlot.\(name) = \(value) does not fit in 32 bits")
        }
        return narrowed
    }
}

/// An external supplier.
public struct Supplier: Sendable {
    /// Identifier.
    public var id: String
    /// Default lead time in hours for orders placed with it.
    public var leadTime: DistributionSpec
    /// Units per week per part it can ship (nil = unlimited).
    public var capacityPerWeek: Double?

    /// Creates a supplier.
    public init(id: String, leadTime: DistributionSpec, capacityPerWeek: Double? = nil) {
        self.id = id
        self.leadTime = leadTime
        self.capacityPerWeek = capacityPerWeek
    }
}

/// The loop that brings defective parts back, repairs them and stocks them as refurbished.
public struct RepairLoop: Sendable {
    /// Fraction of shipped units whose defective part comes back.
    public var returnFraction: Double
    /// Hours from delivery to the defective part reaching the repair depot.
    public var returnDelay: DistributionSpec
    /// Hours of repair.
    public var repairTime: DistributionSpec
    /// Fraction of repairs that succeed.
    public var yield: Double
    /// Location index of the repair depot.
    public var depot: Int
    /// Location index that receives the refurbished units.
    public var destination: Int

    /// Creates a repair loop.
    public init(returnFraction: Double, returnDelay: DistributionSpec, repairTime: DistributionSpec, yield: Double,
                depot: Int, destination: Int) {
        self.returnFraction = returnFraction
        self.returnDelay = returnDelay
        self.repairTime = repairTime
        self.yield = yield
        self.depot = depot
        self.destination = destination
    }
}

/// Lateral (location-to-location) transfers.
public struct TransferPolicy: Sendable {
    /// Whether FSL-to-FSL transfers are allowed.
    public var isAllowed: Bool
    /// Shipping mode index used for transfers.
    public var mode: Int
    /// Cost per unit transferred, on top of the mode's shipping cost.
    public var costPerUnit: Double

    /// Creates the policy.
    public init(isAllowed: Bool, mode: Int, costPerUnit: Double) {
        self.isAllowed = isAllowed
        self.mode = mode
        self.costPerUnit = costPerUnit
    }
}

/// Rules for shipping between two countries.
public struct CrossBorderRule: Sendable {
    /// Whether the lane may be used at all.
    public var isAllowed: Bool
    /// Customs clearance delay in hours (nil = none).
    public var customsDelay: DistributionSpec?
    /// Brokerage fee per shipment.
    public var brokerageFee: Double
    /// Duty as a fraction of the goods' value.
    public var dutyRate: Double

    /// Creates a rule.
    public init(isAllowed: Bool, customsDelay: DistributionSpec? = nil, brokerageFee: Double = 0, dutyRate: Double = 0) {
        self.isAllowed = isAllowed
        self.customsDelay = customsDelay
        self.brokerageFee = brokerageFee
        self.dutyRate = dutyRate
    }

    /// A domestic lane: allowed, no customs.
    public static let domestic = CrossBorderRule(isAllowed: true)
}
