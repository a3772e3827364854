/// The per-replication metrics the simulation reports, with their names in the CSV files.
///
/// `docs/outputs.md` defines each one. Costs are in the scenario's currency; times in hours;
/// fractions between 0 and 1; everything counts only the measurement window after warm-up,
/// except `events`.
public enum Metric: String, CaseIterable, Sendable {
    /// Customer orders that arrived (count).
    case orders
    /// Units demanded by those orders (units).
    case units
    /// Fraction of demanded units filled at once from on-hand stock.
    case fillRate = "fill_rate"
    /// Fraction of orders delivered within their tier's SLA.
    case slaAttainment = "sla_attainment"
    /// Mean time from order to delivery (hours).
    case meanDeliveryHours = "mean_delivery_h"
    /// 95th percentile of order-to-delivery time (hours).
    case p95DeliveryHours = "p95_delivery_h"
    /// Units placed on backorder (units).
    case backordersCreated = "backorders_created"
    /// Time-average backordered units open (units).
    case averageBackorders = "avg_backorders"
    /// Mean time a backordered unit waited for supply (hours).
    case meanBackorderWaitHours = "mean_backorder_wait_h"
    /// Backordered units still open at the end of the run (units).
    case backordersOpenAtEnd = "backorders_open_end"
    /// Time-average on-hand units over all locations (units).
    case averageOnHand = "avg_on_hand"
    /// Time-average value of on-hand stock (currency).
    case averageInventoryValue = "avg_inventory_value"
    /// Outbound shipping cost (currency).
    case costShipping = "cost_shipping"
    /// Pick, pack and handling cost (currency).
    case costHandling = "cost_handling"
    /// Duties and customs fees on cross-border shipments (currency).
    case costCustoms = "cost_customs"
    /// Cost of moving stock between locations (currency).
    case costTransfer = "cost_transfer"
    /// Inventory holding cost (currency).
    case costHolding = "cost_holding"
    /// SLA breach penalties (currency).
    case costPenalty = "cost_penalty"
    /// Sum of the six costs above (currency).
    case costTotal = "cost_total"
    /// Events the calendar processed, warm-up included (count).
    case events

    /// The unit of the metric's values, as written in `docs/outputs.md`.
    public var unit: String {
        switch self {
        case .orders, .events: "count"
        case .units, .backordersCreated, .averageBackorders, .backordersOpenAtEnd, .averageOnHand: "units"
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
