/// A spare part.
public struct Part: Sendable {
    /// Identifier from the scenario, e.g. a part number.
    public var id: String
    /// Unit cost of a new unit, in currency units.
    public var unitCost: Double
    /// Weight of one unit in kilograms.
    public var weightKg: Double
    /// Whether a refurbished unit may fill an order for this part (when the contract allows it).
    public var refurbishedSubstitutes: Bool
    /// Index of the newer part that may fill orders for this one, if superseded.
    public var supersededBy: Int?

    /// Creates a part.
    public init(id: String, unitCost: Double, weightKg: Double = 1, refurbishedSubstitutes: Bool = true,
                supersededBy: Int? = nil) {
        self.id = id
        self.unitCost = unitCost
        self.weightKg = weightKg
        self.refurbishedSubstitutes = refurbishedSubstitutes
        self.supersededBy = supersededBy
    }
}

/// Condition of a unit in stock.
public enum Condition: Int, Sendable, CaseIterable {
    /// A new unit from a supplier.
    case new = 0
    /// A repaired unit from the repair loop.
    case refurbished = 1

    /// The name used in outputs.
    public var name: String { self == .new ? "new" : "refurbished" }
}
