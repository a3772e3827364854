import FSLExperiments
import FSLNetwork

/// `fslsim run SCENARIO`: replications of one strategy pair, a summary table, CSV files.
enum RunCommand {
    static let help = """
        usage: fslsim run SCENARIO [--routing R[:k=v,...]] [--allocation A[:k=v,...]] [--replications N]
                          [--seed S] [--horizon-days D] [--warmup-days W] [--threads T] [--out DIR]
                          [--timeseries] [--quiet] [--trace DIR] [--target-ci METRIC=HALFWIDTH]
                          [--max-replications N]

        Runs N replications (default: the scenario's) and prints metric, mean and 95% CI; writes
        replications.csv, summary.csv (and timeseries.csv) and run.json to DIR.

        --shard k/n runs only replications i with i % n == k (seeded by their global index) into
        DIR/shard-k-of-n/; --shard env reads Slurm, AWS Batch, Google Batch or Kubernetes
        (with --shards n) array variables. Combine shards with `fslsim merge`.

        examples:
          fslsim run scenarios/demo.json
          fslsim run scenarios/demo.json --routing sla-then-cost --replications 20 --out results/demo-slc
          fslsim run scenarios/demo.json --target-ci sla_attainment=0.005 --warmup-days auto
        """

    static let options = RunOptions.specs + [
        OptionSpec(name: "routing", kind: .value, help: "routing strategy (default: the scenario's)"),
        OptionSpec(name: "allocation", kind: .value, help: "allocation strategy (default: the scenario's)"),
        OptionSpec(name: "target-ci", kind: .repeatable, help: "METRIC=HALFWIDTH: add replications until the 95% CI half-width is reached"),
        OptionSpec(name: "max-replications", kind: .value, help: "cap for --target-ci (default 1000)"),
        OptionSpec(name: "batch-means", kind: .value, help: "K: with --replications 1, CIs from K batch means of the daily series"),
    ]

    static func run(_ arguments: [String], console: Console) throws(CommandError) {
        let parsed = try ParsedArguments(arguments, options: options)
        guard parsed.positionals.count == 1 else { throw .usage("run takes exactly one scenario file\n\n\(help)") }
        var runOptions = try RunOptions(parsed)
        let batchCount = try parsed.integer("batch-means", in: 2...1000)
        if batchCount != nil {
            guard runOptions.replications == 1 else {
                throw .usage("--batch-means analyses one long run: give --replications 1 (and a long --horizon-days)")
            }
            runOptions.recordsTimeseries = true
        }
        let network = try ScenarioInput.load(parsed.positionals[0])
        let routing = try parsed.value("routing").map { (text) throws(CommandError) in try StrategyChoice.parse(text, flag: "routing") }
        let allocation = try parsed.value("allocation").map { (text) throws(CommandError) in try StrategyChoice.parse(text, flag: "allocation") }
        if routing == nil || allocation == nil { try ScenarioInput.checkDefaults(of: network) }
        var plan = try runOptions.plan(network: network, routing: routing ?? network.routing,
                                       allocation: allocation ?? network.allocation)
        try ScenarioInput.check(routing: plan.routing, allocation: plan.allocation, network: network)
        var targets: [PrecisionTarget] = []
        for text in parsed.all("target-ci") {
            do { targets.append(try PrecisionTarget(parsing: text)) } catch { throw .usage(error.message) }
            if let target = targets.last, Metric(rawValue: target.metric) == nil {
                let names = Metric.allCases.map(\.rawValue)
                let hint = ParsedArguments.closest(target.metric, names).map { " (did you mean \($0)?)" } ?? ""
                throw .usage("--target-ci: unknown metric \"\(target.metric)\"\(hint); metrics: \(names.joined(separator: ", "))")
            }
        }
        let cap = try parsed.integer("max-replications", in: 2...10_000_000) ?? 1000
        var execution = try RunExecution.execute([plan], scenario: network.name, options: runOptions, console: console)
        var stopping: StoppingDecision?
        while !targets.isEmpty, !execution.wasInterrupted {
            let decision: StoppingDecision
            do {
                decision = try SequentialStopping.decision(for: targets, summaries: MetricTables.summaryRows(from: execution.records),
                                                           maximumReplications: cap)
            } catch {
                throw .usage(error.message)
            }
            stopping = decision
            guard !decision.isTargetReached, decision.additionalReplications > 0 else { break }
            var more = plan
            let next = (plan.replications.max() ?? -1) + 1
            more.replications = Array(next..<(next + decision.additionalReplications))
            more.tracedReplication = nil
            plan.replications += more.replications
            execution.append(try RunExecution.execute([more], scenario: network.name, options: runOptions, console: console))
        }
        guard execution.replicationsRun > 0 else { throw .failure("interrupted before any replication finished; nothing written") }
        let summary = MetricTables.summaryRows(from: execution.records)
        let directory = runOptions.outputDirectory(scenario: network.name)
        try ResultsWriter.write(directory: directory, records: execution.records, summary: summary, paired: nil,
                                timeseries: execution.timeseries,
                                runInfo: ResultsWriter.runInfo(arguments: ["run"] + arguments, network: network, plans: [plan],
                                                               execution: execution, threads: runOptions.threads)
                                    .merging(runOptions.shardInfo(network: network)) { $1 })
        var title = "\(network.name): \(plan.label), \(execution.replicationsRun) replications"
        if execution.wasInterrupted { title += " (interrupted: \(execution.replicationsRun) of \(execution.replicationsPlanned) ran)" }
        if let stopping {
            title += stopping.isTargetReached ? "; --target-ci reached" : "; --target-ci NOT reached (capped at \(cap) replications)"
        }
        console.out(SummaryTable.render(summary, title: title))
        if let batchCount {
            let rows = BatchMeansReport.analyse(execution.timeseries, firstDay: Int((plan.warmupHours / 24).rounded(.up)),
                                                batches: batchCount)
            guard !rows.isEmpty else {
                throw .usage("--batch-means \(batchCount): the run is too short for \(batchCount) batches of at least one day; lengthen --horizon-days")
            }
            console.out(BatchMeansReport.text(rows))
            do {
                try AtomicFile.write(BatchMeansReport.csv(rows, scenario: network.name, label: plan.label),
                                     to: runOptions.outputDirectory(scenario: network.name) + "/batch_means.csv")
            } catch {
                throw .failure("\(error.description)\nCheck that the output folder is writable.")
            }
        }
        try execution.writeTrace(to: runOptions.traceDirectory)
        console.out("results: \(directory)\n")
    }
}
