import FSLExperiments

/// The tables `regress` prints and writes: plain text for the log, Markdown for a CI job summary.
enum RegressionReport {
    static let header = ["strategy", "metric", "baseline", "now", "difference [95% CI]", "verdict"]

    /// The cells of one row.
    static func cells(_ row: MetricRegression) -> [String] {
        let f = SummaryTable.format
        var difference = "–"
        if let c = row.comparison {
            difference = f(c.meanDifference) + (c.lowerBound.isNaN ? "" : " [\(f(c.lowerBound)), \(f(c.upperBound))]")
        }
        var verdict = row.verdict.rawValue
        if row.verdict == .regressed || row.verdict == .worseWithinTolerance { verdict += " (tolerance \(row.tolerance))" }
        return [row.strategy.description, row.metric, f(row.baselineMean), f(row.currentMean), difference, verdict]
    }

    static func title(_ outcome: RegressionOutcome) -> String {
        let b = outcome.baseline
        var text = "\(outcome.scenario): \(b.strategies.count) strateg\(b.strategies.count == 1 ? "y" : "ies") × \(b.replications) replications "
            + "against \(b.directory) (seed \(b.seed), \(DescribeCommand.fmt(b.horizonDays)) days, warm-up \(DescribeCommand.fmt(b.warmupDays)))"
        if outcome.scenarioChanged { text += "\nnote: the scenario file changed since the baseline was written (its hash differs); differences may come from the scenario" }
        return text
    }

    /// Plain-text table for stdout.
    static func text(_ outcome: RegressionOutcome) -> String {
        var text = title(outcome) + "\n"
        if outcome.isIdentical {
            return text + "identical: every value of every replication is bit-identical to the baseline\n\n"
        }
        let rows = [header] + outcome.rows.map(cells)
        let widths = header.indices.map { column in rows.map { $0[column].count }.max()! + 2 }
        for row in rows {
            text += zip(row, widths).map { SummaryTable.pad($0, $1) }.joined().trimmingCharacters(in: .whitespaces) + "\n"
        }
        return text + "\n"
    }

    /// One regressed metric in a sentence, for the error message.
    static func line(scenario: String, _ row: MetricRegression) -> String {
        let c = cells(row)
        return "\(scenario) \(c[0]) \(c[1]): \(c[2]) → \(c[3]), difference \(c[4]), \(row.direction.rawValue), tolerance \(row.tolerance)"
    }

    /// A Markdown report of every scenario.
    static func markdown(_ outcomes: [RegressionOutcome]) -> String {
        let regressed = outcomes.reduce(0) { $0 + $1.rows.filter { $0.verdict == .regressed }.count }
        var text = "## fslsim regress: " + (regressed == 0 ? "nothing regressed" : "\(regressed) metric\(regressed == 1 ? "" : "s") regressed") + "\n\n"
        for outcome in outcomes {
            text += "### \(outcome.scenario)\n\n"
            text += title(outcome).split(separator: "\n").map { "\($0)" }.joined(separator: "  \n") + "\n\n"
            if outcome.isIdentical {
                text += "**identical**: every value of every replication is bit-identical to the baseline.\n\n"
                continue
            }
            text += "| " + header.joined(separator: " | ") + " |\n|" + String(repeating: " --- |", count: header.count) + "\n"
            for row in outcome.rows {
                var c = cells(row).map { $0.replacingOccurrences(of: "|", with: "\\|") }
                if row.verdict == .regressed { c[5] = "**\(c[5])**" }
                text += "| " + c.joined(separator: " | ") + " |\n"
            }
            text += "\n"
        }
        return text
    }
}
