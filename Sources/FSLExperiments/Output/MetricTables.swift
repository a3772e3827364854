/// The tidy CSV tables of a run, their exact column orders, and the reductions from
/// replication records to summary and paired rows.
///
/// Column orders are a contract with CI and the notebooks: append new columns at the end,
/// never reorder. Every function keeps the order of its input, so the same records give the
/// same bytes.
public enum MetricTables {
    /// `replications.csv`: one value per replication, metric and segment.
    public static let replicationsHeader =
        ["scenario", "routing", "allocation", "replication", "seed", "metric", "segment", "value"]
    /// `summary.csv`: statistics over replications.
    public static let summaryHeader =
        ["scenario", "routing", "allocation", "metric", "segment", "n", "mean", "std", "ci_low", "ci_high", "min", "max"]
    /// `paired.csv`: candidate − baseline differences over common random numbers.
    public static let pairedHeader =
        ["scenario", "metric", "segment", "candidate", "baseline", "mean_diff", "ci_low", "ci_high", "significant"]
    /// `timeseries.csv`: one value per replication, day, metric and segment.
    public static let timeseriesHeader =
        ["scenario", "routing", "allocation", "replication", "day", "metric", "segment", "value"]

    /// The CSV text of `replications.csv`, rows in the order given.
    public static func replicationsCSV(_ records: [ReplicationRecord]) -> String {
        var writer = CSVWriter(header: replicationsHeader)
        for record in records {
            writer.appendRow([.text(record.scenario), .text(record.routing), .text(record.allocation),
                              .integer(record.replication), .unsigned(record.seed), .text(record.metric),
                              .text(record.segment), .number(record.value)])
        }
        return writer.text
    }

    /// The CSV text of `summary.csv`, rows in the order given. With n = 1, `std`, `ci_low` and
    /// `ci_high` are empty.
    public static func summaryCSV(_ rows: [SummaryRow]) -> String {
        var writer = CSVWriter(header: summaryHeader)
        for row in rows {
            let statistics = row.statistics
            writer.appendRow([.text(row.scenario), .text(row.routing), .text(row.allocation), .text(row.metric),
                              .text(row.segment), .integer(statistics.count), .number(statistics.mean),
                              .number(statistics.standardDeviation), .number(statistics.lowerBound),
                              .number(statistics.upperBound), .number(statistics.minimum),
                              .number(statistics.maximum)])
        }
        return writer.text
    }

    /// The CSV text of `paired.csv`, rows in the order given.
    public static func pairedCSV(_ rows: [PairedRow]) -> String {
        var writer = CSVWriter(header: pairedHeader)
        for row in rows {
            let comparison = row.comparison
            writer.appendRow([.text(row.scenario), .text(row.metric), .text(row.segment),
                              .text(row.candidate.description), .text(row.baseline.description),
                              .number(comparison.meanDifference), .number(comparison.lowerBound),
                              .number(comparison.upperBound), .boolean(comparison.isSignificant)])
        }
        return writer.text
    }

    /// The CSV text of `timeseries.csv`, rows in the order given.
    public static func timeseriesCSV(_ records: [TimeseriesRecord]) -> String {
        var writer = CSVWriter(header: timeseriesHeader)
        for record in records {
            writer.appendRow([.text(record.scenario), .text(record.routing), .text(record.allocation),
                              .integer(record.replication), .integer(record.day), .text(record.metric),
                              .text(record.segment), .number(record.value)])
        }
        return writer.text
    }

    /// Groups replication records by (scenario, routing, allocation, metric, segment) and
    /// summarises each group's values.
    ///
    /// Groups appear in the order their key first appears in `records`; values enter each
    /// group's Welford accumulator in input order. The dictionary here only finds a group's
    /// slot, it never decides an order.
    ///
    /// - Precondition: 0 < confidenceLevel < 1.
    /// - Complexity: O(n) expected.
    public static func summaryRows(from records: [ReplicationRecord], confidenceLevel: Double = 0.95) -> [SummaryRow] {
        var slots: [GroupKey: Int] = [:]
        var keys: [GroupKey] = []
        var moments: [RunningMoments] = []
        for record in records {
            let key = GroupKey(record)
            let slot: Int
            if let existing = slots[key] {
                slot = existing
            } else {
                slot = keys.count
                slots[key] = slot
                keys.append(key)
                moments.append(RunningMoments())
            }
            moments[slot].add(record.value)
        }
        return zip(keys, moments).map { key, moments in
            // Every group holds at least one value, so a summary exists.
            SummaryRow(scenario: key.scenario, routing: key.routing, allocation: key.allocation,
                       metric: key.metric, segment: key.segment,
                       statistics: SummaryStatistics(moments, confidenceLevel: confidenceLevel)!)
        }
    }

    /// Pairs `candidate` with `baseline` in `scenario` by replication index, for every metric
    /// and segment, and compares them.
    ///
    /// Rows follow the first appearance of (metric, segment) among the candidate's records;
    /// within a row, pairs are taken in increasing replication order.
    ///
    /// - Throws: ``PairingError`` when either strategy has no records in the scenario, a metric
    ///   and segment exists for one strategy only, a replication appears twice, or the two
    ///   replication sets differ (the message lists the replications missing on each side).
    /// - Precondition: 0 < confidenceLevel < 1.
    public static func pairedRows(scenario: String, candidate: StrategyLabel, baseline: StrategyLabel,
                                  records: [ReplicationRecord],
                                  confidenceLevel: Double = 0.95) throws(PairingError) -> [PairedRow] {
        let context = "scenario '\(scenario)', \(candidate) against \(baseline)"
        let candidateSeries = try series(of: candidate, in: scenario, from: records, context: context)
        let baselineSeries = try series(of: baseline, in: scenario, from: records, context: context)
        for entry in baselineSeries where !candidateSeries.contains(where: { $0.metric == entry.metric && $0.segment == entry.segment }) {
            throw PairingError("\(context): \(baseline) reports \(entry.metric) [\(entry.segment)] but \(candidate) does not")
        }
        var rows: [PairedRow] = []
        for entry in candidateSeries {
            guard let match = baselineSeries.first(where: { $0.metric == entry.metric && $0.segment == entry.segment }) else {
                throw PairingError("\(context): \(candidate) reports \(entry.metric) [\(entry.segment)] but \(baseline) does not")
            }
            let candidateRuns = entry.values.keys.sorted()
            let baselineRuns = match.values.keys.sorted()
            guard candidateRuns == baselineRuns else {
                let onlyCandidate = candidateRuns.filter { match.values[$0] == nil }
                let onlyBaseline = baselineRuns.filter { entry.values[$0] == nil }
                throw PairingError("\(context), \(entry.metric) [\(entry.segment)]: replication sets differ; "
                    + "only \(candidate): \(onlyCandidate), only \(baseline): \(onlyBaseline). "
                    + "Run both strategies on the same replications")
            }
            let comparison = PairedComparison(candidate: candidateRuns.map { entry.values[$0]! },
                                              baseline: candidateRuns.map { match.values[$0]! },
                                              confidenceLevel: confidenceLevel)!
            rows.append(PairedRow(scenario: scenario, metric: entry.metric, segment: entry.segment,
                                  candidate: candidate, baseline: baseline, comparison: comparison))
        }
        return rows
    }

    /// Compares every strategy pair with `baseline` in every scenario of `records`.
    ///
    /// Scenarios and candidates follow their first appearance in `records`; the baseline is
    /// not compared with itself. Scenarios where the baseline did not run are an error.
    ///
    /// - Throws: ``PairingError`` as ``pairedRows(scenario:candidate:baseline:records:confidenceLevel:)``.
    public static func pairedRows(against baseline: StrategyLabel, records: [ReplicationRecord],
                                  confidenceLevel: Double = 0.95) throws(PairingError) -> [PairedRow] {
        var scenarios: [String] = []
        var candidates: [String: [StrategyLabel]] = [:]
        for record in records {
            if candidates[record.scenario] == nil {
                scenarios.append(record.scenario)
                candidates[record.scenario] = []
            }
            let strategy = record.strategy
            if strategy != baseline, !candidates[record.scenario]!.contains(strategy) {
                candidates[record.scenario]!.append(strategy)
            }
        }
        var rows: [PairedRow] = []
        for scenario in scenarios {
            let scenarioRecords = records.filter { $0.scenario == scenario }
            for candidate in candidates[scenario]! {
                rows += try pairedRows(scenario: scenario, candidate: candidate, baseline: baseline,
                                       records: scenarioRecords, confidenceLevel: confidenceLevel)
            }
        }
        return rows
    }

    /// One strategy's values per (metric, segment), keyed by replication, in first-appearance order.
    private static func series(of strategy: StrategyLabel, in scenario: String, from records: [ReplicationRecord],
                               context: String) throws(PairingError)
        -> [(metric: String, segment: String, values: [Int: Double])]
    {
        var result: [(metric: String, segment: String, values: [Int: Double])] = []
        for record in records where record.scenario == scenario && record.strategy == strategy {
            let slot = result.firstIndex { $0.metric == record.metric && $0.segment == record.segment }
                ?? { result.append((record.metric, record.segment, [:])); return result.count - 1 }()
            guard result[slot].values.updateValue(record.value, forKey: record.replication) == nil else {
                throw PairingError("\(context): \(strategy) has replication \(record.replication) of "
                    + "\(record.metric) [\(record.segment)] twice")
            }
        }
        guard !result.isEmpty else { throw PairingError("\(context): \(strategy) has no records in the scenario") }
        return result
    }

    /// The grouping key of `summary.csv`.
    private struct GroupKey: Hashable {
        var scenario, routing, allocation, metric, segment: String
        init(_ record: ReplicationRecord) {
            scenario = record.scenario
            routing = record.routing
            allocation = record.allocation
            metric = record.metric
            segment = record.segment
        }
    }
}
