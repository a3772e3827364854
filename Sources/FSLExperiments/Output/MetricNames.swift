/// The per-replication metrics the simulation reports, with their names in the CSV files.
///
/// `docs/outputs.md` defines each one. Costs are in the scenario's currency; times in hours;
/// fractions between 0 and 1; everything counts only the measurement window after warm-up,
/// except `events`.
public enum Metric: String, CaseIterable, Sendable {
    case orders
    case units
    case fillRate = "fill_rate"
    case slaAttainment = "sla_attainment"
    case meanDeliveryHours = "mean_delivery_h"
    case p95DeliveryHours = "p95_delivery_h"
    case backordersCreated = "backorders_created"
    case averageBackorders = "avg_backorders"
    case meanBackorderWaitHours = "mean_backorder_wait_h"
    case backordersOpenAtEnd = "backorders_open_end"
    case averageOnHand = "avg_on_hand"
    case averageInventoryValue = "avg_inventory_value"
    case costShipping = "cost_shipping"
    case costHandling = "cost_handling"
    case costCustoms = "cost_customs"
    case costTransfer = "cost_transfer"
    case costHolding = "cost_holding"
    case costPenalty = "cost_penalty"
    case costTotal = "cost_total"
    case events

    /// The unit of the metric's values, as written in `docs/outputs.md`.
    public var unit: String {
        switch self {
        case .orders, .backordersCreated, .events: "count"
        case .units, .averageBackorders, .backordersOpenAtEnd, .averageOnHand: "units"
        case .fillRate, .slaAttainment: "fraction"
        case .meanDeliveryHours, .p95DeliveryHours, .meanBackorderWaitHours: "hours"
        case .averageInventoryValue, .costShipping, .costHandling, .costCustoms, .costTransfer,
             .costHolding, .costPenalty, .costTotal: "currency"
        }
    }
}

/// The per-day metrics of `timeseries.csv`.
public enum DailyMetric: String, CaseIterable, Sendable {
    /// Backordered units still open at the end of the day.
    case backordersOpen = "backorders_open"
    /// On-hand units over all locations at the end of the day.
    case onHand = "on_hand"
    /// Orders that arrived during the day.
    case orders
    /// Fraction of the orders delivered during the day that met their SLA; NaN (an empty
    /// field) on a day without deliveries.
    case slaAttainment = "sla_attainment"
}

/// Segment labels: which slice of the orders or network a value describes.
public enum Segment {
    /// The whole network and every order.
    public static let all = "all"

    /// Orders of one service tier, such as `tier=gold`.
    public static func tier(_ id: String) -> String { "tier=\(id)" }

    /// One stocking location, such as `location=DAL`.
    public static func location(_ id: String) -> String { "location=\(id)" }

    /// Orders shipped to one country (ISO 3166-1 alpha-2), such as `country=DE`.
    public static func country(_ code: String) -> String { "country=\(code)" }
}
