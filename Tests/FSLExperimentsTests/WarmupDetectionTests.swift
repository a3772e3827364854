import Testing
import FSLExperiments
import FSLNetwork
import TestSupport

@Suite struct WarmupDetectionTests {
    @Test func emptyStartHasAWarmupAndSteadyStartAShortOne() {
        var empty = NetworkFixtures.line(count: 3, baseStock: 6, ordersPerDay: 30, leadTimeHours: 240, horizonDays: 300)
        for i in empty.stockSlots.indices { empty.stockSlots[i].initialNew = 0 }
        let steady = NetworkFixtures.line(count: 3, baseStock: 6, ordersPerDay: 30, leadTimeHours: 240, horizonDays: 300)
        let fromEmpty = WarmupDetection.detect(ExperimentPlan(network: empty))
        let fromSteady = WarmupDetection.detect(ExperimentPlan(network: steady))
        // Starting empty, backorders pile up for about one lead time (10 days) before the
        // pipeline fills: MSER-5 must cut at least that much, and more than for a steady start.
        #expect(fromEmpty.days >= 5)
        #expect(fromEmpty.days < 150)
        #expect(fromEmpty.days >= fromSteady.days)
    }
}
