/// Orders not yet fully delivered (some units wait as backorders), with the latest delivery so
/// far, so the order's SLA outcome is recorded when its last unit ships.
struct OpenOrderPool {
    struct Record {
        var order: Order
        var home: Int
        var unitsOutstanding: Int
        var latestDelivery: Double
        var isOpen: Bool
    }

    private var records: [Record] = []
    private var free: [Int32] = []

    mutating func open(_ order: Order, home: Int, outstanding: Int, latestDelivery: Double) -> Int32 {
        let record = Record(order: order, home: home, unitsOutstanding: outstanding, latestDelivery: latestDelivery,
                            isOpen: true)
        if let id = free.popLast() {
            records[Int(id)] = record
            return id
        }
        records.append(record)
        return Int32(records.count - 1)
    }

    /// Records `units` delivered at `time`; returns the finished record when nothing is outstanding.
    mutating func deliver(_ id: Int32, units: Int, at time: Double) -> Record? {
        records[Int(id)].unitsOutstanding -= units
        records[Int(id)].latestDelivery = max(records[Int(id)].latestDelivery, time)
        guard records[Int(id)].unitsOutstanding <= 0 else { return nil }
        records[Int(id)].isOpen = false
        free.append(id)
        return records[Int(id)]
    }

    /// Records still open, in id order (deterministic).
    func openRecords() -> [(Int32, Record)] {
        records.enumerated().filter { $0.element.isOpen }.map { (Int32($0.offset), $0.element) }
    }
}

/// The daily series: levels at each day's end and order outcomes by creation day.
struct DailySeries {
    var backordersOpen: [Double] = []
    var onHand: [Double] = []
    var ordersByDay: [[Double]] = []  // [day][segment]: 0 = all, 1... = tiers
    var onTimeByDay: [[Double]] = []

    mutating func ensureDay(_ day: Int, segments: Int) {
        while ordersByDay.count <= day {
            ordersByDay.append(Array(repeating: 0, count: segments))
            onTimeByDay.append(Array(repeating: 0, count: segments))
        }
    }

    func points(network: Network) -> [DailyPoint] {
        var points: [DailyPoint] = []
        for day in backordersOpen.indices {
            points.append(DailyPoint(day: day, metric: "backorders_open", segment: "all", value: backordersOpen[day]))
            points.append(DailyPoint(day: day, metric: "on_hand", segment: "all", value: onHand[day]))
            guard day < ordersByDay.count else { continue }
            let labels = ["all"] + network.contracts.map { "tier=\($0.id)" }
            for (segment, label) in labels.enumerated() {
                let orders = ordersByDay[day][segment]
                points.append(DailyPoint(day: day, metric: "orders", segment: label, value: orders))
                points.append(DailyPoint(day: day, metric: "sla_attainment", segment: label,
                                         value: orders > 0 ? onTimeByDay[day][segment] / orders : .nan))
            }
        }
        return points
    }
}

import FSLNetwork
