import FSLExperiments
import FSLNetwork

/// `fslsim compare SCENARIO --routing a --routing b ...`: every combination on the same random
/// numbers, a ranked table, paired differences against a baseline.
enum CompareCommand {
    static let help = """
        usage: fslsim compare SCENARIO --routing R1 [--routing R2 ...] [--allocation A1 ...]
                              [--baseline R/A] [run options]

        Runs every routing × allocation combination on the same random numbers (common random
        numbers), ranks them by SLA attainment then total cost, and reports paired differences
        against the baseline (default: the first combination) with 95% CIs. Writes the run's
        CSVs plus paired.csv.

        --shard k/n runs only replications i with i % n == k (seeded by their global index) into
        DIR/shard-k-of-n/; --shard env reads Slurm, AWS Batch, Google Batch or Kubernetes
        (with --shards n) array variables. Combine shards with `fslsim merge`.

        example:
          fslsim compare scenarios/demo.json --routing nearest --routing sla-then-cost --allocation fcfs
        """

    static let keyMetrics = ["sla_attainment", "cost_total", "cost_penalty", "avg_backorders", "fill_rate"]

    static let options = RunOptions.specs + [
        OptionSpec(name: "routing", kind: .repeatable, help: "a routing strategy to compare (repeatable)"),
        OptionSpec(name: "allocation", kind: .repeatable, help: "an allocation strategy to compare (repeatable)"),
        OptionSpec(name: "baseline", kind: .value, help: "the baseline combination, routing/allocation"),
        OptionSpec(name: "markdown", kind: .value, help: "also write the comparison as Markdown tables to FILE"),
    ]

    static func run(_ arguments: [String], console: Console) throws(CommandError) {
        let parsed = try ParsedArguments(arguments, options: options)
        guard parsed.positionals.count == 1 else { throw .usage("compare takes exactly one scenario file\n\n\(help)") }
        let runOptions = try RunOptions(parsed)
        let network = try ScenarioInput.load(parsed.positionals[0])
        var plans: [ExperimentPlan] = []
        for (routing, allocation) in try StrategyCombinations.parse(parsed, network: network) {
            plans.append(try runOptions.plan(network: network, routing: routing, allocation: allocation))
        }
        guard plans.count >= 2 else {
            throw .usage("compare needs at least two combinations: give --routing or --allocation more than once")
        }
        let labels = plans.map(\.label)
        let baseline: StrategyLabel
        if let text = parsed.value("baseline") {
            guard let match = labels.first(where: { $0.description == text || $0.routing == text }) else {
                throw .usage("--baseline \(text) is not one of the combinations: \(labels.map(\.description).joined(separator: ", "))")
            }
            baseline = match
        } else {
            baseline = labels[0]
        }
        let execution = try RunExecution.execute(plans, scenario: network.name, options: runOptions, console: console)
        guard !execution.wasInterrupted else {
            throw .failure("interrupted after \(execution.replicationsRun) of \(execution.replicationsPlanned) replications; a comparison needs every combination complete, nothing written")
        }
        let summary = MetricTables.summaryRows(from: execution.records)
        let paired: [PairedRow]
        do {
            paired = try MetricTables.pairedRows(against: baseline, records: execution.records)
        } catch {
            throw .failure(error.message)
        }
        let directory = runOptions.outputDirectory(scenario: network.name)
        try ResultsWriter.write(directory: directory, records: execution.records, summary: summary, paired: paired,
                                timeseries: execution.timeseries,
                                runInfo: ResultsWriter.runInfo(arguments: ["compare"] + arguments, network: network,
                                                               plans: plans, execution: execution, threads: runOptions.threads)
                                    .merging(runOptions.shardInfo(network: network)) { $1 })
        if let file = parsed.value("markdown") {
            let markdown = CompareMarkdown.render(summary: summary, paired: paired, labels: labels, baseline: baseline,
                                                  title: network.name, replications: plans[0].replications.count)
            do { try AtomicFile.write(markdown, to: file) } catch {
                throw .failure("\(error.description)\nCheck that the folder exists and is writable, or choose another --markdown file.")
            }
        }
        console.out(render(summary: summary, paired: paired, labels: labels, baseline: baseline, network: network,
                           replications: plans[0].replications.count))
        try execution.writeTrace(to: runOptions.traceDirectory)
        console.out("results: \(directory)\n")
    }

    static func render(summary: [SummaryRow], paired: [PairedRow], labels: [StrategyLabel], baseline: StrategyLabel,
                       network: Network, replications: Int) -> String {
        func mean(_ label: StrategyLabel, _ metric: String) -> SummaryStatistics? {
            summary.first { $0.routing == label.routing && $0.allocation == label.allocation && $0.metric == metric && $0.segment == "all" }?.statistics
        }
        let ranked = labels.sorted {
            let a = mean($0, "sla_attainment")?.mean ?? 0, b = mean($1, "sla_attainment")?.mean ?? 0
            if a != b { return a > b }
            return (mean($0, "cost_total")?.mean ?? 0) < (mean($1, "cost_total")?.mean ?? 0)
        }
        var text = "\(network.name): \(labels.count) combinations × \(replications) replications, common random numbers\n\n"
        let width = max(30, (labels.map(\.description.count).max() ?? 0) + 2)
        text += "rank  " + SummaryTable.pad("strategy", width) + keyMetrics.map { SummaryTable.pad($0, 16) }.joined() + "\n"
        for (rank, label) in ranked.enumerated() {
            text += SummaryTable.pad("\(rank + 1)", 6) + SummaryTable.pad(label.description, width)
            text += keyMetrics.map { SummaryTable.pad(SummaryTable.format(mean(label, $0)?.mean ?? .nan), 16) }.joined() + "\n"
        }
        text += "\npaired differences against \(baseline) (candidate − baseline, 95% CI):\n"
        for row in paired where row.segment == "all" && keyMetrics.contains(row.metric) {
            let c = row.comparison
            text += "  " + SummaryTable.pad(row.candidate.description, width) + SummaryTable.pad(row.metric, 18)
            text += SummaryTable.pad(SummaryTable.format(c.meanDifference), 14)
            text += "[\(SummaryTable.format(c.lowerBound)), \(SummaryTable.format(c.upperBound))]"
            text += c.isSignificant ? "  significant\n" : "  not significant\n"
        }
        return text
    }
}
