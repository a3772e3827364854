extension Simulation {
    mutating func recordDay() {
        daily.backordersOpen.append(metrics.backorderUnits)
        daily.onHand.append(metrics.onHandUnits)
    }

    mutating func recordDailyArrival(_ order: Order) {
        guard settings.recordsDailySeries else { return }
        let day = Int(order.createdAt / 24)
        daily.ensureDay(day, segments: 1 + state.network.contracts.count)
        daily.ordersByDay[day][0] += 1
        daily.ordersByDay[day][1 + order.contract] += 1
    }

    mutating func recordDailyOutcome(_ order: Order, delivered: Double) {
        guard settings.recordsDailySeries, delivered <= order.deadline else { return }
        let day = Int(order.createdAt / 24)
        daily.ensureDay(day, segments: 1 + state.network.contracts.count)
        daily.onTimeByDay[day][0] += 1
        daily.onTimeByDay[day][1 + order.contract] += 1
    }
}
