import Foundation
import FSLExperiments
import FSLKernel
import FSLNetwork

/// `fslsim sweep SCENARIO --set PATH=v1,v2 ...`: a full grid over scenario values, each point
/// validated and run like `run`.
enum SweepCommand {
    static let help = """
        usage: fslsim sweep SCENARIO --set PATH=V1,V2,... [--set PATH=...] [--routing R] [--allocation A]
                            [run options]

        Runs every combination of the --set values (the first --set varies slowest). PATH is a
        JSON path into the scenario file: key, [index], or [id] for the array element whose "id"
        is id. Values are JSON (2, 0.5, true) or else text (16:00). Each point goes through the
        normal scenario validation before anything runs. Writes DIR/point-<n>/ (n from 0) with
        the files `run` writes, and DIR/sweep.csv: point, one column per PATH, then the
        summary.csv columns. With --shard k/n every point runs its shard's replications into
        DIR/shard-k-of-n/point-<n>/ (merge per point with `fslsim merge`).

        example:
          fslsim sweep scenarios/demo.json --set 'locations[DAL].cutoffs.ground=16:00,18:00' \\
                --set 'stock[0].policy.base_stock.fill_target=0.8,0.9,0.95' --replications 5
        """

    static let options = RunOptions.specs + [
        OptionSpec(name: "set", kind: .repeatable, help: "PATH=V1,V2,...: a grid axis (repeatable)"),
        OptionSpec(name: "routing", kind: .value, help: "routing strategy (default: the scenario's)"),
        OptionSpec(name: "allocation", kind: .value, help: "allocation strategy (default: the scenario's)"),
    ]

    struct Axis {
        var path: ScenarioPath
        var values: [(text: String, json: JSONValue)]
    }

    static func run(_ arguments: [String], console: Console) throws(CommandError) {
        let parsed = try ParsedArguments(arguments, options: options)
        guard parsed.positionals.count == 1 else { throw .usage("sweep takes exactly one scenario file\n\n\(help)") }
        let file = parsed.positionals[0]
        let runOptions = try RunOptions(parsed)
        var axes: [Axis] = []
        for text in parsed.all("set") {
            guard let equals = text.firstIndex(of: "=") else { throw .usage("--set \(text): write PATH=V1,V2,..., e.g. stock[0].policy.base_stock=2,3") }
            let values = text[text.index(after: equals)...].split(separator: ",").map { String($0) }
            guard !values.isEmpty else { throw .usage("--set \(text): give at least one value after =") }
            axes.append(Axis(path: try ScenarioPath(String(text[..<equals])), values: values.map { ($0, ScenarioPath.value($0)) }))
        }
        guard !axes.isEmpty else { throw .usage("sweep needs at least one --set PATH=V1,V2,...\n\n\(help)") }
        let routing = try parsed.value("routing").map { (text) throws(CommandError) in try StrategyChoice.parse(text, flag: "routing") }
        let allocation = try parsed.value("allocation").map { (text) throws(CommandError) in try StrategyChoice.parse(text, flag: "allocation") }

        let root: JSONValue
        do {
            guard let data = FileManager.default.contents(atPath: file) else { throw CommandError.dataError("\(file): cannot be read; check the path") }
            root = try JSONValue.parse(data, file: file)
        } catch let error as CommandError {
            throw error
        } catch {
            throw .dataError("\(error)")
        }
        // Every point is built and validated before anything runs.
        var points: [(values: [String], network: Network)] = []
        for combination in grid(axes.map(\.values.count)) {
            var json = root
            for (axis, choice) in zip(axes, combination) { json = try axis.path.setting(axis.values[choice].json, in: json) }
            let values = zip(axes, combination).map { $0.values[$1].text }
            let label = zip(axes, values).map { "\($0.path)=\($1)" }.joined(separator: ", ")
            do {
                let network = try ScenarioLoader.load(json: json, file: file)
                points.append((values, network))
            } catch {
                throw .dataError("point \(points.count) (\(label)):\n\(error.description)\nfix the --set values or the scenario")
            }
        }
        let base = runOptions.outputDirectory(scenario: points[0].network.name)
        var sweep = CSVWriter(header: ["point"] + axes.map(\.path.description) + MetricTables.summaryHeader)
        var lines = ["\(points[0].network.name): \(points.count) points"]
        for (index, point) in points.enumerated() {
            let network = point.network
            if routing == nil || allocation == nil { try ScenarioInput.checkDefaults(of: network) }
            let plan = try runOptions.plan(network: network, routing: routing ?? network.routing, allocation: allocation ?? network.allocation)
            try ScenarioInput.check(routing: plan.routing, allocation: plan.allocation, network: network)
            let execution = try RunExecution.execute([plan], scenario: network.name, options: runOptions, console: console)
            guard !execution.wasInterrupted else { throw .failure("interrupted at point \(index); points before it are in \(base)") }
            let summary = MetricTables.summaryRows(from: execution.records)
            var info = ResultsWriter.runInfo(arguments: ["sweep"] + arguments, network: network, plans: [plan],
                                             execution: execution, threads: runOptions.threads)
                .merging(runOptions.shardInfo(network: network)) { $1 }
            info["sweep_point"] = index
            info["sweep_values"] = Dictionary(uniqueKeysWithValues: zip(axes.map(\.path.description), point.values))
            try ResultsWriter.write(directory: ResultsReader.join(base, "point-\(index)"), records: execution.records,
                                    summary: summary, paired: nil, timeseries: execution.timeseries, runInfo: info)
            for row in summary {
                let s = row.statistics
                sweep.appendRow([.integer(index)] + point.values.map { .text($0) } + [
                    .text(row.scenario), .text(row.routing), .text(row.allocation), .text(row.metric), .text(row.segment),
                    .integer(s.count), .number(s.mean), .number(s.standardDeviation), .number(s.lowerBound),
                    .number(s.upperBound), .number(s.minimum), .number(s.maximum),
                ])
            }
            func mean(_ metric: String) -> String {
                SummaryTable.format(summary.first { $0.metric == metric && $0.segment == "all" }?.statistics.mean ?? .nan)
            }
            lines.append("  point-\(index)  " + zip(axes, point.values).map { "\($0.path)=\($1)" }.joined(separator: "  ")
                + "  sla_attainment \(mean("sla_attainment"))  cost_total \(mean("cost_total"))")
        }
        do {
            try AtomicFile.write(sweep.text, to: ResultsReader.join(base, "sweep.csv"))
        } catch {
            throw .failure("\(error.description)\nCheck that the folder is writable, or choose another with --out.")
        }
        console.out(lines.joined(separator: "\n") + "\nresults: \(base)\n")
    }

    /// Every combination of choices, the first axis varying slowest.
    static func grid(_ counts: [Int]) -> [[Int]] {
        counts.reduce([[]]) { partial, count in partial.flatMap { prefix in (0..<count).map { prefix + [$0] } } }
    }
}
