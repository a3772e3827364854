import FSLExperiments
import FSLNetwork

/// `fslsim run SCENARIO`: replications of one strategy pair, a summary table, CSV files.
enum RunCommand {
    static let help = """
        usage: fslsim run SCENARIO [--routing R[:k=v,...]] [--allocation A[:k=v,...]] [--replications N]
                          [--seed S] [--horizon-days D] [--warmup-days W] [--threads T] [--out DIR]
                          [--timeseries] [--quiet]

        Runs N replications (default: the scenario's) and prints metric, mean and 95% CI; writes
        replications.csv, summary.csv (and timeseries.csv) and run.json to DIR.

        --shard k/n runs only replications i with i % n == k (seeded by their global index) into
        DIR/shard-k-of-n/; --shard env reads Slurm, AWS Batch, Google Batch or Kubernetes
        (with --shards n) array variables. Combine shards with `fslsim merge`.

        examples:
          fslsim run scenarios/demo.json
          fslsim run scenarios/demo.json --routing sla-then-cost --replications 20 --out results/demo-slc
        """

    static let options = RunOptions.specs + [
        OptionSpec(name: "routing", kind: .value, help: "routing strategy (default: the scenario's)"),
        OptionSpec(name: "allocation", kind: .value, help: "allocation strategy (default: the scenario's)"),
    ]

    static func run(_ arguments: [String], console: Console) throws(CommandError) {
        let parsed = try ParsedArguments(arguments, options: options)
        guard parsed.positionals.count == 1 else { throw .usage("run takes exactly one scenario file\n\n\(help)") }
        let runOptions = try RunOptions(parsed)
        let network = try ScenarioInput.load(parsed.positionals[0])
        let routing = try parsed.value("routing").map { (text) throws(CommandError) in try StrategyChoice.parse(text, flag: "routing") }
        let allocation = try parsed.value("allocation").map { (text) throws(CommandError) in try StrategyChoice.parse(text, flag: "allocation") }
        if routing == nil || allocation == nil { try ScenarioInput.checkDefaults(of: network) }
        let plan = try runOptions.plan(network: network, routing: routing ?? network.routing,
                                       allocation: allocation ?? network.allocation)
        try ScenarioInput.check(routing: plan.routing, allocation: plan.allocation, network: network)
        let execution = try RunExecution.execute([plan], scenario: network.name, options: runOptions, console: console)
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
        console.out(SummaryTable.render(summary, title: title))
        console.out("results: \(directory)\n")
    }
}
