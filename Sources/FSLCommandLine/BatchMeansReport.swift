import FSLExperiments

/// `fslsim run --batch-means K`: confidence intervals from one long replication, by
/// non-overlapping batch means of its daily series after the warm-up.
enum BatchMeansReport {
    static let header = ["scenario", "routing", "allocation", "metric", "segment", "batches", "batch_days", "mean",
                         "ci_low", "ci_high", "lag1_autocorrelation"]

    /// The daily metrics analysed (time averages of levels, and daily SLA attainment).
    static let metrics = ["backorders_open", "on_hand", "sla_attainment"]

    struct Row {
        var metric: String
        var result: BatchMeansResult
    }

    /// Batch means of each daily metric (segment `all`) from day `firstDay` on.
    static func analyse(_ records: [TimeseriesRecord], firstDay: Int, batches: Int) -> [Row] {
        metrics.compactMap { metric in
            let series = records.filter { $0.metric == metric && $0.segment == "all" && $0.day >= firstDay }
                .sorted { $0.day < $1.day }.map(\.value).filter { !$0.isNaN }
            return BatchMeans.analyse(series, batchCount: batches).map { Row(metric: metric, result: $0) }
        }
    }

    static func csv(_ rows: [Row], scenario: String, label: StrategyLabel) -> String {
        var writer = CSVWriter(header: header)
        for row in rows {
            let s = row.result.summary
            writer.appendRow([.text(scenario), .text(label.routing), .text(label.allocation), .text(row.metric),
                              .text("all"), .integer(row.result.batchMeans.count), .integer(row.result.batchSize),
                              .number(s.mean), .number(s.lowerBound), .number(s.upperBound),
                              .number(row.result.lagOneAutocorrelation)])
        }
        return writer.text
    }

    static func text(_ rows: [Row]) -> String {
        var text = "\nbatch means of the daily series (one replication, after the warm-up):\n"
        for row in rows {
            let s = row.result.summary
            text += "  " + SummaryTable.pad(row.metric, 18) + SummaryTable.pad(SummaryTable.format(s.mean), 14)
            text += "[\(SummaryTable.format(s.lowerBound)), \(SummaryTable.format(s.upperBound))]"
            text += "  \(row.result.batchMeans.count) batches of \(row.result.batchSize) days, lag-1 autocorrelation "
            text += SummaryTable.format(row.result.lagOneAutocorrelation) + "\n"
        }
        return text
    }
}
