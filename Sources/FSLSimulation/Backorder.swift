/// A customer order line waiting for stock at a location.
public struct Backorder: Sendable {
    /// The order it belongs to.
    public var order: Order
    /// Units still waiting.
    public var quantity: Int
    /// Location where it waits.
    public var location: Int
    /// When it started waiting.
    public var since: Double
    /// The open-order record this backorder belongs to.
    public var openOrder: Int32 = -1
    /// How many times allocation looked at it without releasing it.
    public var reevaluations: Int = 0

    /// Creates a backorder.
    public init(order: Order, quantity: Int, location: Int, since: Double) {
        self.order = order
        self.quantity = quantity
        self.location = location
        self.since = since
    }
}

/// A pool of backorder records with a free list, so records are reused instead of allocated.
struct BackorderPool {
    private(set) var records: [Backorder] = []
    private var free: [Int32] = []

    mutating func insert(_ backorder: Backorder) -> Int32 {
        if let id = free.popLast() {
            records[Int(id)] = backorder
            return id
        }
        records.append(backorder)
        return Int32(records.count - 1)
    }

    mutating func remove(_ id: Int32) { free.append(id) }

    subscript(id: Int32) -> Backorder {
        get { records[Int(id)] }
        set { records[Int(id)] = newValue }
    }
}
