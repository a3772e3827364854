import FSLNetwork
import FSLSimulation

/// The trace files of a traced replication: `orders.csv` (one row per order line) and
/// `decisions.csv` (one row per candidate of each routing decision).
public enum TraceTables {
    /// `orders.csv` columns.
    public static let ordersHeader = [
        "scenario", "routing", "allocation", "replication", "order", "line", "site", "part", "tier", "country",
        "quantity", "created_h", "source", "mode", "condition", "eta_h", "delivered_h", "deadline_h", "on_time",
        "backordered", "backorder_location", "reevaluations", "backorder_wait_h", "cost_shipping", "cost_handling",
        "cost_customs", "cost_penalty",
    ]

    /// `decisions.csv` columns.
    public static let decisionsHeader = [
        "scenario", "routing", "allocation", "replication", "order", "site", "part", "tier", "quantity", "created_h",
        "deadline_h", "candidate", "usable", "mode", "departure_h", "eta_h", "meets_sla", "distance_km",
        "cost_total", "cross_border", "asl_rank", "chosen", "note",
    ]

    /// The text of `orders.csv`. The order's penalty (from its last delivery) stands on line 0.
    public static func ordersCSV(_ trace: TraceRecorder, scenario: String, label: StrategyLabel, replication: Int,
                                 network: Network) -> String {
        var writer = CSVWriter(header: ordersHeader)
        var latest: [Int: Double] = [:]
        for line in trace.orderLines {
            let delivered = line.delivered.isNaN ? Double.infinity : line.delivered
            latest[line.order.number] = max(latest[line.order.number] ?? -.infinity, delivered)
        }
        let sorted = trace.orderLines.enumerated().sorted {
            ($0.element.order.number, $0.element.line, $0.offset) < ($1.element.order.number, $1.element.line, $1.offset)
        }.map(\.element)
        for line in sorted {
            let order = line.order
            let contract = network.contracts[order.contract]
            var penalty = 0.0
            if line.line == 0, let finish = latest[order.number], finish > order.deadline {
                let late = (finish.isFinite ? finish : network.horizonHours) - order.deadline
                penalty = contract.penaltyPerBreach + contract.penaltyPerLateHour * max(0, late)
            }
            let isOpen = line.source < 0
            writer.appendRow([
                .text(scenario), .text(label.routing), .text(label.allocation), .integer(replication),
                .integer(order.number), .integer(line.line), .text(network.sites[order.site].id),
                .text(network.parts[order.part].id), .text(contract.id),
                .text(network.countries[network.sites[order.site].country]), .integer(line.quantity),
                .number(order.createdAt), .text(isOpen ? "" : network.locations[line.source].id),
                .text(isOpen ? "" : network.modes[line.mode].id), .text(isOpen ? "" : line.condition.name),
                .number(line.delivered), .number(line.delivered), .number(order.deadline),
                .boolean(!isOpen && line.delivered <= order.deadline), .boolean(line.wasBackordered),
                .text(line.backorderLocation >= 0 ? network.locations[line.backorderLocation].id : ""),
                .integer(line.reevaluations), .number(line.backorderWaitHours), .number(line.shippingCost),
                .number(line.handlingCost), .number(line.customsCost), .number(penalty),
            ])
        }
        return writer.text
    }

    /// The text of `decisions.csv`.
    public static func decisionsCSV(_ trace: TraceRecorder, scenario: String, label: StrategyLabel, replication: Int,
                                    network: Network) -> String {
        var writer = CSVWriter(header: decisionsHeader)
        for decision in trace.decisions {
            let order = decision.order
            for entry in decision.candidates {
                let c = entry.candidate
                writer.appendRow([
                    .text(scenario), .text(label.routing), .text(label.allocation), .integer(replication),
                    .integer(order.number), .text(network.sites[order.site].id), .text(network.parts[order.part].id),
                    .text(network.contracts[order.contract].id), .integer(order.quantity), .number(order.createdAt),
                    .number(order.deadline), .text(network.locations[entry.source].id), .integer(entry.usable),
                    .text(c.map { network.modes[$0.mode].id } ?? ""), .number(c?.departure ?? .nan),
                    .number(c?.eta ?? .nan), .text(c.map { String($0.meetsSLA) } ?? ""),
                    .number(c?.distanceKm ?? .nan), .number(c?.totalCost ?? .nan),
                    .text(c.map { String($0.isCrossBorder) } ?? ""),
                    .text(c.map { $0.aslRank == Int.max ? "" : String($0.aslRank) } ?? ""),
                    .boolean(decision.lines.contains { $0.source == entry.source }),
                    .text(DecisionExplanation.note(for: entry, in: decision, network: network)),
                ])
            }
        }
        return writer.text
    }
}
