import Foundation
import FSLExperiments
import FSLNetwork
import FSLSimulation

/// `fslsim regress SCENARIO... [--baseline DIR]`: reruns each scenario exactly as its committed
/// baseline was run and fails (exit 3) when a metric got clearly and materially worse.
enum RegressCommand {
    static let help = """
        usage: fslsim regress SCENARIO... [--baseline DIR] [--metrics m1,m2] [--tolerance metric=0.01|metric=2%]
                              [--report FILE.md] [--threads T] [--quiet]
               fslsim regress SCENARIO... --update-baseline [--baseline DIR] [--routing R ...] [--allocation A ...]
                              [--replications N] [--seed S] [--horizon-days D] [--warmup-days W]

        Reruns the scenario with the baseline's seed, replications, horizon, warm-up and
        strategies. If every value is bit-identical it reports "identical". Otherwise each metric
        gets a paired comparison (replication r now against replication r in the baseline: same
        random numbers) with a 95% CI, and a verdict: REGRESSED when the CI lies entirely on the
        worse side (higher is better for sla_attainment and fill_rate, lower for costs,
        backorders and times) AND the mean worsening exceeds the tolerance (default 0.005
        absolute for fractions, 1% of the baseline mean otherwise).

        The baseline folder holds replications.csv and run.json. Default: results/baselines/<scenario
        name>/; with one scenario --baseline DIR is that folder, with several it is the folder
        holding one <scenario name>/ folder each. --update-baseline (re)writes it from a fresh run
        (the scenario's strategies unless --routing/--allocation are given; 5 replications unless
        --replications).

        default metrics: \(defaultMetrics.joined(separator: ","))
        exit codes: 0 nothing regressed, 3 something regressed, 65 missing or corrupt baseline

        examples:
          fslsim regress scenarios/demo.json scenarios/scarce-supply.json --report regress.md
          fslsim regress scenarios/demo.json --update-baseline --horizon-days 90
        """

    static let defaultMetrics = ["sla_attainment", "fill_rate", "cost_total", "cost_penalty", "avg_backorders", "mean_delivery_h"]

    /// The run options that only make sense when writing a baseline.
    static let updateOnlyOptions = ["routing", "allocation", "replications", "seed", "horizon-days", "warmup-days"]

    static let options = RunOptions.specs.filter { !["out", "timeseries", "shard", "shards"].contains($0.name) } + [
        OptionSpec(name: "baseline", kind: .value, help: "baseline folder (default results/baselines/<scenario>)"),
        OptionSpec(name: "metrics", kind: .value, help: "comma-separated metrics to check"),
        OptionSpec(name: "tolerance", kind: .repeatable, help: "metric=amount or metric=percent% (repeatable, or comma-separated)"),
        OptionSpec(name: "update-baseline", kind: .flag, help: "(re)write the baseline from a fresh run"),
        OptionSpec(name: "report", kind: .value, help: "also write a Markdown report to this file"),
        OptionSpec(name: "require-identical", kind: .flag, help: "fail (exit 3) on any change, not only a regression (CI)"),
        OptionSpec(name: "routing", kind: .repeatable, help: "with --update-baseline: routing strategies"),
        OptionSpec(name: "allocation", kind: .repeatable, help: "with --update-baseline: allocation strategies"),
    ]

    /// Runs the replications of a plan. The command line uses the strategy registry; tests
    /// substitute a changed model to check that the gate catches it.
    struct Simulator: Sendable {
        var run: @Sendable (ExperimentPlan, _ threads: Int) throws(CommandError) -> [ReplicationResult]

        /// The real simulation with the registered strategies.
        static let registry = Simulator(run: runRegistered)

        private static func runRegistered(_ plan: ExperimentPlan, threads: Int) throws(CommandError) -> [ReplicationResult] {
            do {
                return try ExperimentRunner.run(plan, threads: threads, shouldStop: { Interrupt.isRequested })
            } catch {
                throw .usage(error.message)
            }
        }
    }

    static func run(_ arguments: [String], console: Console) throws(CommandError) {
        try run(arguments, console: console, simulator: .registry)
    }

    static func run(_ arguments: [String], console: Console, simulator: Simulator) throws(CommandError) {
        let parsed = try ParsedArguments(arguments, options: options)
        guard !parsed.positionals.isEmpty else { throw .usage("regress needs at least one scenario file\n\n\(help)") }
        var runOptions = try RunOptions(parsed)
        Interrupt.install()
        if parsed.flag("update-baseline") {
            for path in parsed.positionals {
                try updateBaseline(path, parsed: parsed, options: &runOptions, console: console, simulator: simulator)
            }
            return
        }
        if let given = updateOnlyOptions.first(where: { parsed.value($0) != nil }) {
            throw .usage("--\(given) only applies with --update-baseline: regress reruns exactly the baseline's settings")
        }
        let metrics = try parseMetrics(parsed.value("metrics"))
        let tolerances = try parseTolerances(parsed.all("tolerance"))
        var outcomes: [RegressionOutcome] = []
        for path in parsed.positionals {
            let outcome = try check(path, parsed: parsed, metrics: metrics, tolerances: tolerances,
                                    threads: runOptions.threads, simulator: simulator)
            console.out(RegressionReport.text(outcome))
            outcomes.append(outcome)
        }
        if let report = parsed.value("report") {
            do {
                try AtomicFile.write(RegressionReport.markdown(outcomes), to: report)
            } catch {
                throw .failure("\(error.description)\nCheck that the folder exists and is writable, or choose another --report file.")
            }
        }
        let regressed = outcomes.flatMap { outcome in outcome.rows.filter { $0.verdict == .regressed }.map { (outcome, $0) } }
        guard regressed.isEmpty else {
            throw .regression("regression: \(regressed.count) metric\(regressed.count == 1 ? "" : "s") got worse beyond tolerance:\n"
                + regressed.map { "  \(RegressionReport.line(scenario: $0.0.scenario, $0.1))" }.joined(separator: "\n"))
        }
        let identical = outcomes.filter(\.isIdentical).count
        if parsed.flag("require-identical"), identical < outcomes.count {
            let changed = outcomes.filter { !$0.isIdentical }.map(\.scenario)
            throw .regression("results changed for \(changed.joined(separator: ", ")) (no metric regressed beyond tolerance, but --require-identical asks for bit-identical results).\n"
                + "If the change is intended, refresh the baseline in the same commit:\n"
                + changed.map { "  fslsim regress scenarios/\($0).json --update-baseline" }.joined(separator: "\n"))
        }
        console.out("regress: \(outcomes.count) scenario\(outcomes.count == 1 ? "" : "s"), \(identical) identical, nothing regressed\n")
    }

    /// The baseline folder of `network`.
    static func baselineDirectory(for network: Network, given: String?, scenarioCount: Int) -> String {
        guard let given else { return "results/baselines/\(network.name)" }
        return scenarioCount == 1 ? given : ResultsReader.join(given, network.name)
    }

    static func check(_ path: String, parsed: ParsedArguments, metrics: [String], tolerances: [String: PracticalTolerance],
                      threads: Int, simulator: Simulator) throws(CommandError) -> RegressionOutcome {
        let network = try ScenarioInput.load(path)
        let directory = baselineDirectory(for: network, given: parsed.value("baseline"), scenarioCount: parsed.positionals.count)
        let baseline = try RegressionBaseline.load(directory, scenarioPath: path)
        let runJSON = ResultsReader.join(directory, "run.json")
        guard baseline.scenario == network.name else {
            throw .dataError("\(runJSON): this baseline is for scenario \"\(baseline.scenario)\", not \"\(network.name)\" (\(path)); check --baseline")
        }
        guard baseline.warmupDays < baseline.horizonDays else {
            throw .dataError("\(runJSON): warmup_days \(baseline.warmupDays) must be below horizon_days \(baseline.horizonDays)")
        }
        var plans: [ExperimentPlan] = []
        for label in baseline.strategies {
            let routing: StrategyChoice, allocation: StrategyChoice
            do {
                routing = try StrategyChoice.parse(label.routing, flag: "routing")
                allocation = try StrategyChoice.parse(label.allocation, flag: "allocation")
                try ScenarioInput.check(routing: routing, allocation: allocation, network: network)
            } catch {
                throw .dataError("\(runJSON): strategy \(label): \(error.description.split(separator: "\n").first ?? "")")
            }
            plans.append(ExperimentPlan(network: network, routing: routing, allocation: allocation,
                                        replications: Array(0..<baseline.replications), masterSeed: baseline.seed,
                                        horizonHours: baseline.horizonDays * 24, warmupHours: baseline.warmupDays * 24))
        }
        var records: [ReplicationRecord] = []
        for plan in plans {
            let results = try simulator.run(plan, threads)
            guard results.count == plan.replications.count else {
                throw .failure("interrupted after \(results.count) of \(plan.replications.count) replications; no verdict")
            }
            records += ExperimentRecords.replications(scenario: network.name, plan: plan, results: results)
        }
        var outcome = RegressionOutcome(scenario: network.name, baseline: baseline,
                                        scenarioChanged: RegressionBaseline.scenarioHash(of: network) != baseline.scenarioHash)
        if RegressionCheck.isIdentical(baseline: baseline.records, current: records) {
            outcome.isIdentical = true
            return outcome
        }
        let available = Set(baseline.records.map(\.metric))
        if let absent = metrics.first(where: { !available.contains($0) }) {
            throw .dataError("\(ResultsReader.join(directory, "replications.csv")): has no \(absent) values; rewrite the baseline with --update-baseline")
        }
        do {
            outcome.rows = try RegressionCheck.compare(baseline: baseline.records, current: records, metrics: metrics,
                                                       tolerances: tolerances)
        } catch {
            throw .dataError("\(directory): \(error.message)")
        }
        return outcome
    }

    static func updateBaseline(_ path: String, parsed: ParsedArguments, options: inout RunOptions, console: Console,
                               simulator: Simulator) throws(CommandError) {
        let network = try ScenarioInput.load(path)
        options.replications = options.replications ?? 5
        guard options.replications! >= 2 else {
            throw .usage("--replications must be at least 2 for a baseline: a paired CI needs two replications")
        }
        var plans: [ExperimentPlan] = []
        for (routing, allocation) in try StrategyCombinations.parse(parsed, network: network) {
            plans.append(try options.plan(network: network, routing: routing, allocation: allocation))
        }
        var records: [ReplicationRecord] = []
        for plan in plans {
            let results = try simulator.run(plan, options.threads)
            guard results.count == plan.replications.count else { throw .failure("interrupted; baseline not written") }
            records += ExperimentRecords.replications(scenario: network.name, plan: plan, results: results)
        }
        let directory = baselineDirectory(for: network, given: parsed.value("baseline"), scenarioCount: parsed.positionals.count)
        try RegressionBaseline.write(directory, network: network, plans: plans, records: records)
        console.out("baseline written: \(directory) (\(plans.map(\.label.description).joined(separator: ", ")); "
            + "\(plans[0].replications.count) replications, seed \(plans[0].masterSeed), "
            + "\(DescribeCommand.fmt(plans[0].horizonHours / 24)) days, warm-up \(DescribeCommand.fmt(plans[0].warmupHours / 24)))\n")
    }

    static func parseMetrics(_ text: String?) throws(CommandError) -> [String] {
        guard let text else { return defaultMetrics }
        let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !names.isEmpty else { throw .usage("--metrics needs at least one metric name") }
        for name in names { try requireMetric(name, flag: "metrics") }
        return names
    }

    static func parseTolerances(_ texts: [String]) throws(CommandError) -> [String: PracticalTolerance] {
        var tolerances: [String: PracticalTolerance] = [:]
        for text in texts.flatMap({ $0.split(separator: ",").map(String.init) }) {
            let pair = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { throw .usage("--tolerance \(text): write metric=amount or metric=percent%, e.g. sla_attainment=0.01 or cost_total=2%") }
            try requireMetric(pair[0], flag: "tolerance")
            let isPercent = pair[1].hasSuffix("%")
            guard let amount = Double(isPercent ? String(pair[1].dropLast()) : pair[1]), amount.isFinite, amount >= 0 else {
                throw .usage("--tolerance \(text): \"\(pair[1])\" is not a number ≥ 0 (e.g. 0.01 or 2%)")
            }
            tolerances[pair[0]] = isPercent ? .relative(amount / 100) : .absolute(amount)
        }
        return tolerances
    }

    static func requireMetric(_ name: String, flag: String) throws(CommandError) {
        let names = Metric.allCases.map(\.rawValue)
        guard names.contains(name) else {
            let suggestion = ParsedArguments.closest(name, names).map { " (did you mean \($0)?)" } ?? ""
            throw .usage("--\(flag): unknown metric \"\(name)\"\(suggestion); metrics are \(names.joined(separator: ", "))")
        }
    }
}

/// What `regress` found for one scenario.
struct RegressionOutcome {
    var scenario: String
    var baseline: RegressionBaseline
    var scenarioChanged: Bool
    var isIdentical = false
    var rows: [MetricRegression] = []
}
