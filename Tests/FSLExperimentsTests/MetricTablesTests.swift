import Testing
@testable import FSLExperiments

private func record(_ routing: String, _ allocation: String, _ replication: Int, _ metric: String,
                    _ value: Double, segment: String = "all", scenario: String = "demo") -> ReplicationRecord {
    ReplicationRecord(scenario: scenario, routing: routing, allocation: allocation, replication: replication,
                      seed: 1000 + UInt64(replication), metric: metric, segment: segment, value: value)
}

@Suite struct MetricTablesTests {
    @Test func headersAreTheContract() {
        #expect(MetricTables.replicationsHeader.joined(separator: ",")
            == "scenario,routing,allocation,replication,seed,metric,segment,value")
        #expect(MetricTables.summaryHeader.joined(separator: ",")
            == "scenario,routing,allocation,metric,segment,n,mean,std,ci_low,ci_high,min,max")
        #expect(MetricTables.pairedHeader.joined(separator: ",")
            == "scenario,metric,segment,candidate,baseline,mean_diff,ci_low,ci_high,significant")
        #expect(MetricTables.timeseriesHeader.joined(separator: ",")
            == "scenario,routing,allocation,replication,day,metric,segment,value")
    }

    @Test func replicationAndTimeseriesRowsKeepTheirOrder() {
        let records = [record("nearest", "fifo", 1, "orders", 120),
                       record("nearest", "fifo", 0, "fill_rate", .nan, segment: "tier=gold")]
        #expect(MetricTables.replicationsCSV(records) == """
            scenario,routing,allocation,replication,seed,metric,segment,value
            demo,nearest,fifo,1,1001,orders,all,120
            demo,nearest,fifo,0,1000,fill_rate,tier=gold,

            """)
        let series = [TimeseriesRecord(scenario: "demo", routing: "nearest", allocation: "fifo", replication: 0,
                                       day: 3, metric: DailyMetric.onHand.rawValue, value: 41.5)]
        #expect(MetricTables.timeseriesCSV(series) == """
            scenario,routing,allocation,replication,day,metric,segment,value
            demo,nearest,fifo,0,3,on_hand,all,41.5

            """)
    }

    @Test func summaryRowsGroupInFirstAppearanceOrder() throws {
        // Interleaved input: keys first appear as (nearest, orders), (cheapest, orders),
        // (nearest, fill_rate[gold]), (nearest, fill_rate[all]).
        let records = [
            record("nearest", "fifo", 0, "orders", 10),
            record("cheapest", "fifo", 0, "orders", 7),
            record("nearest", "fifo", 0, "fill_rate", 0.5, segment: "tier=gold"),
            record("nearest", "fifo", 1, "orders", 14),
            record("nearest", "fifo", 0, "fill_rate", 0.75),
            record("cheapest", "fifo", 1, "orders", 9),
            record("nearest", "fifo", 2, "orders", 12),
        ]
        let rows = MetricTables.summaryRows(from: records)
        #expect(rows.map { "\($0.routing) \($0.metric) \($0.segment)" } == [
            "nearest orders all", "cheapest orders all", "nearest fill_rate tier=gold", "nearest fill_rate all",
        ])
        // nearest orders: 10, 14, 12 → n 3, mean 12, s = 2, h = 4.302652729749464 · 2 / √3.
        let nearest = rows[0].statistics
        #expect(nearest.count == 3 && nearest.mean == 12 && nearest.standardDeviation == 2)
        #expect(abs(nearest.halfWidth - 4.302652729749464 * 2 / 3.0.squareRoot()) < 1e-9)
        #expect(nearest.minimum == 10 && nearest.maximum == 14)
        #expect(rows[1].statistics.count == 2 && rows[1].statistics.mean == 8)
        #expect(rows[2].statistics.count == 1)
        // Deterministic: the same input gives the same bytes.
        #expect(MetricTables.summaryCSV(rows) == MetricTables.summaryCSV(MetricTables.summaryRows(from: records)))
    }

    @Test func summaryCSVLeavesUndefinedStatisticsEmpty() throws {
        let rows = MetricTables.summaryRows(from: [record("nearest", "fifo", 0, "orders", 5),
                                                   record("nearest", "fifo", 0, "units", 2),
                                                   record("nearest", "fifo", 1, "units", 2)])
        #expect(MetricTables.summaryCSV(rows) == """
            scenario,routing,allocation,metric,segment,n,mean,std,ci_low,ci_high,min,max
            demo,nearest,fifo,orders,all,1,5,,,,5,5
            demo,nearest,fifo,units,all,2,2,0,2,2,2,2

            """)
    }

    @Test func pairsByReplicationIndexWhateverTheInputOrder() throws {
        // Baseline listed in reverse replication order; differences are 1, 2, 3 → mean 2, s = 1,
        // h = 4.302652729749464 / √3 = 2.4841, so the interval [−0.48, 4.48] contains 0.
        let records = [
            record("nearest", "fifo", 0, "cost_total", 101), record("nearest", "fifo", 1, "cost_total", 202),
            record("nearest", "fifo", 2, "cost_total", 303),
            record("cheapest", "fifo", 2, "cost_total", 300), record("cheapest", "fifo", 1, "cost_total", 200),
            record("cheapest", "fifo", 0, "cost_total", 100),
            record("nearest", "fifo", 0, "orders", 50), record("nearest", "fifo", 1, "orders", 60),
            record("nearest", "fifo", 2, "orders", 70),
            record("cheapest", "fifo", 0, "orders", 50), record("cheapest", "fifo", 1, "orders", 60),
            record("cheapest", "fifo", 2, "orders", 70),
        ]
        let candidate = StrategyLabel(routing: "nearest", allocation: "fifo")
        let baseline = StrategyLabel(routing: "cheapest", allocation: "fifo")
        let rows = try MetricTables.pairedRows(scenario: "demo", candidate: candidate, baseline: baseline,
                                               records: records)
        #expect(rows.map(\.metric) == ["cost_total", "orders"])
        #expect(rows[0].comparison.meanDifference == 2)
        #expect(rows[0].comparison.differences.standardDeviation == 1)
        #expect(abs(rows[0].comparison.upperBound - (2 + 4.302652729749464 / 3.0.squareRoot())) < 1e-9)
        #expect(!rows[0].comparison.isSignificant)
        #expect(rows[1].comparison.meanDifference == 0 && !rows[1].comparison.isSignificant)

        let csv = MetricTables.pairedCSV(rows)
        #expect(csv.hasPrefix("scenario,metric,segment,candidate,baseline,mean_diff,ci_low,ci_high,significant\n"
            + "demo,cost_total,all,nearest/fifo,cheapest/fifo,2,"))
        #expect(csv.hasSuffix("demo,orders,all,nearest/fifo,cheapest/fifo,0,0,0,false\n"))

        let everything = try MetricTables.pairedRows(against: baseline, records: records)
        #expect(everything == rows)
    }

    @Test func significantWhenEveryReplicationImproves() throws {
        let records = (0..<5).flatMap { r in
            [record("nearest", "fifo", r, "sla_attainment", 0.9 + Double(r) / 100),
             record("cheapest", "fifo", r, "sla_attainment", 0.85 + Double(r) / 100)]
        }
        let rows = try MetricTables.pairedRows(against: StrategyLabel(routing: "cheapest", allocation: "fifo"),
                                               records: records)
        #expect(rows.count == 1)
        #expect(abs(rows[0].comparison.meanDifference - 0.05) < 1e-12)
        #expect(rows[0].comparison.isSignificant)
        #expect(MetricTables.pairedCSV(rows).hasSuffix(",true\n"))
    }

    @Test func differingReplicationSetsAreAnError() {
        let records = [record("nearest", "fifo", 0, "orders", 1), record("nearest", "fifo", 1, "orders", 2),
                       record("cheapest", "fifo", 0, "orders", 1), record("cheapest", "fifo", 2, "orders", 2)]
        #expect {
            try MetricTables.pairedRows(scenario: "demo", candidate: StrategyLabel(routing: "nearest", allocation: "fifo"),
                                        baseline: StrategyLabel(routing: "cheapest", allocation: "fifo"), records: records)
        } throws: { error in
            let message = (error as? PairingError)?.message ?? ""
            return message.contains("only nearest/fifo: [1]") && message.contains("only cheapest/fifo: [2]")
        }
    }

    @Test func missingStrategyOrMetricIsAnError() {
        let candidate = StrategyLabel(routing: "nearest", allocation: "fifo")
        let records = [record("nearest", "fifo", 0, "orders", 1), record("cheapest", "fifo", 0, "units", 1)]
        #expect(throws: PairingError.self) {
            try MetricTables.pairedRows(scenario: "demo", candidate: candidate,
                                        baseline: StrategyLabel(routing: "absent", allocation: "fifo"), records: records)
        }
        #expect(throws: PairingError.self) {
            try MetricTables.pairedRows(scenario: "demo", candidate: candidate,
                                        baseline: StrategyLabel(routing: "cheapest", allocation: "fifo"), records: records)
        }
        let duplicated = [record("nearest", "fifo", 0, "orders", 1), record("nearest", "fifo", 0, "orders", 2),
                          record("cheapest", "fifo", 0, "orders", 1)]
        #expect(throws: PairingError.self) {
            try MetricTables.pairedRows(scenario: "demo", candidate: candidate,
                                        baseline: StrategyLabel(routing: "cheapest", allocation: "fifo"), records: duplicated)
        }
    }

    @Test func metricCatalogueNamesAreTheCSVNames() {
        #expect(Metric.allCases.count == 20)
        #expect(Metric.p95DeliveryHours.rawValue == "p95_delivery_h")
        #expect(Metric.backordersOpenAtEnd.rawValue == "backorders_open_end")
        #expect(Metric.costTotal.unit == "currency")
        #expect(DailyMetric.allCases.map(\.rawValue) == ["backorders_open", "on_hand", "orders", "sla_attainment"])
        #expect(Segment.tier("gold") == "tier=gold" && Segment.location("DAL") == "location=DAL")
    }
}
