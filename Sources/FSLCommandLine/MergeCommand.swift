import Foundation
import FSLExperiments

/// `fslsim merge DIR... --out MERGED`: combines shard folders into the files one machine would
/// have written.
enum MergeCommand {
    static let help = """
        usage: fslsim merge DIR... --out MERGED [--expect-replications R]

        Combines the folders written by `run`/`compare --shard k/n` into one results folder:
        replications.csv in strategy order then replication order (byte-identical to an
        unsharded run), summary.csv and paired.csv recomputed from the merged records with the
        same functions, timeseries.csv when every shard has one, and a run.json without wall
        times or thread counts. Rejects shards of different runs, a replication that appears
        twice, and names any missing replication (R defaults to the replications_total that
        the shards recorded).

        example:
          fslsim merge results/demo/shard-*-of-3 --out results/demo-merged
        """

    static let options = [
        OptionSpec(name: "out", kind: .value, help: "the merged results folder (required)"),
        OptionSpec(name: "expect-replications", kind: .value, help: "the replications every strategy must have: 0..<R"),
    ]

    /// The `run.json` keys that must agree between shards of one run.
    static let runKeys = ["scenario", "scenario_fnv1a64", "seed", "horizon_days", "warmup_days", "strategies", "replications_total"]

    static func run(_ arguments: [String], console: Console) throws(CommandError) {
        let parsed = try ParsedArguments(arguments, options: options)
        guard !parsed.positionals.isEmpty else { throw .usage("merge needs at least one shard folder\n\n\(help)") }
        guard let out = parsed.value("out") else { throw .usage("merge needs --out MERGED, the folder to write\n\n\(help)") }
        let expected = try parsed.integer("expect-replications", in: 1...10_000_000)
        let directories = parsed.positionals
        let hint = "rerun that shard, or leave its folder out"

        var infos: [[String: Any]] = []
        var recordSets: [[ReplicationRecord]] = []
        for directory in directories {
            infos.append(try ResultsReader.runInfo(in: directory, hint: hint))
            recordSets.append(try ResultsReader.replications(in: directory, hint: hint))
        }
        for key in runKeys {
            let first = canonical(infos[0][key])
            for (index, info) in infos.enumerated().dropFirst() where canonical(info[key]) != first {
                throw .dataError("\(directories[index]) and \(directories[0]) come from different runs: their run.json differ in \"\(key)\"; merge only shards of one run")
            }
        }
        let fields = RunInfoFields(info: infos[0], file: ResultsReader.join(directories[0], "run.json"), hint: hint)
        let strategies = try fields.strategies()
        var total = expected
        if total == nil, infos[0]["replications_total"] != nil { total = try fields.integer("replications_total") }

        let merged = try mergeRecords(recordSets, directories: directories, strategies: strategies, total: total)
        let summary = MetricTables.summaryRows(from: merged)
        var files = [
            OutputFile(name: "replications.csv", contents: MetricTables.replicationsCSV(merged)),
            OutputFile(name: "summary.csv", contents: MetricTables.summaryCSV(summary)),
        ]
        if let baseline = try pairedBaseline(directories, strategies: strategies) {
            do {
                files.append(OutputFile(name: "paired.csv",
                                        contents: MetricTables.pairedCSV(try MetricTables.pairedRows(against: baseline, records: merged))))
            } catch {
                throw .dataError("cannot pair the merged records: \(error.message)")
            }
        }
        if let timeseries = try mergeTimeseries(directories, strategies: strategies) {
            files.append(OutputFile(name: "timeseries.csv", contents: timeseries))
        }
        var info = infos[0]
        for key in ["wall_seconds", "threads", "shard", "interrupted"] { info[key] = nil }
        let replicationsRun = Set(merged.map { "\($0.routing)/\($0.allocation)/\($0.replication)" }).count
        info["command"] = ["fslsim", "merge"] + arguments
        info["replications_planned"] = (total ?? replicationsRun / strategies.count) * strategies.count
        info["replications_run"] = replicationsRun
        info["merged_shards"] = infos.map { ($0["shard"] as? String) ?? "unsharded" }
        let json: Data
        do {
            json = try JSONSerialization.data(withJSONObject: info, options: [.prettyPrinted, .sortedKeys])
        } catch {
            throw .failure("could not encode run.json: \(error)")
        }
        files.append(OutputFile(name: "run.json", contents: String(decoding: json, as: UTF8.self) + "\n"))
        do {
            try OutputDirectory(creatingAt: out).publish(files)
        } catch {
            throw .failure("\(error.description)\nCheck that the folder is writable, or choose another with --out.")
        }
        console.out("merged \(directories.count) folders: \(strategies.count) strateg\(strategies.count == 1 ? "y" : "ies") × \(replicationsRun / strategies.count) replications\nresults: \(out)\n")
    }

    /// The records of all shards in strategy order, then replication order; within one
    /// replication, in the order its shard wrote them (metric order).
    /// - Throws: `dataError` for a strategy not in run.json, a replication in two shards, or
    ///   missing replications of `0..<total`.
    static func mergeRecords(_ sets: [[ReplicationRecord]], directories: [String], strategies: [StrategyLabel],
                             total: Int?) throws(CommandError) -> [ReplicationRecord] {
        struct Key: Hashable, Comparable {
            var strategy: Int, replication: Int
            static func < (a: Key, b: Key) -> Bool { (a.strategy, a.replication) < (b.strategy, b.replication) }
        }
        var buckets: [Key: (directory: Int, records: [ReplicationRecord])] = [:]
        for (index, records) in sets.enumerated() {
            for record in records {
                guard let strategy = strategies.firstIndex(of: record.strategy) else {
                    throw .dataError("\(ResultsReader.join(directories[index], "replications.csv")): strategy \(record.strategy) is not in its run.json strategies")
                }
                let key = Key(strategy: strategy, replication: record.replication)
                if let existing = buckets[key], existing.directory != index {
                    throw .dataError("replication \(record.replication) of \(record.strategy) appears in both \(directories[existing.directory]) and \(directories[index]); give each shard once")
                }
                buckets[key, default: (index, [])].records.append(record)
            }
        }
        let present = buckets.keys.sorted()
        var problems: [String] = []
        for (s, strategy) in strategies.enumerated() {
            let have = Set(present.filter { $0.strategy == s }.map(\.replication))
            let expected = total ?? ((have.max() ?? -1) + 1)
            let missing = (0..<expected).filter { !have.contains($0) }
            let extra = have.filter { $0 >= expected }.sorted()
            if !missing.isEmpty { problems.append("\(strategy) is missing replication\(missing.count == 1 ? "" : "s") \(ranges(missing)) of 0–\(expected - 1)") }
            if !extra.isEmpty { problems.append("\(strategy) has replication\(extra.count == 1 ? "" : "s") \(ranges(extra)) beyond the expected \(expected)") }
        }
        if !problems.isEmpty {
            throw .dataError(problems.joined(separator: "\n") + "\nGive every shard's folder (is one still running or failed?), or set --expect-replications.")
        }
        return present.flatMap { buckets[$0]!.records }
    }

    /// The baseline of `paired.csv` if the shards were written by `compare`.
    static func pairedBaseline(_ directories: [String], strategies: [StrategyLabel]) throws(CommandError) -> StrategyLabel? {
        let path = ResultsReader.join(directories[0], "paired.csv")
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let rows: [CSVReader.Row]
        rows = try ResultsReader.csvRows(path)
        guard rows.count >= 2, let column = rows[0].fields.firstIndex(of: "baseline"), rows[1].fields.count > column,
              let label = strategies.first(where: { $0.description == rows[1].fields[column] }) else {
            throw .dataError("\(path): no baseline strategy found in its rows; the file is corrupt, rerun that shard")
        }
        return label
    }

    /// `timeseries.csv` rows of all shards in strategy then replication order, when every
    /// shard has the file; nil when none has.
    static func mergeTimeseries(_ directories: [String], strategies: [StrategyLabel]) throws(CommandError) -> String? {
        let paths = directories.map { ResultsReader.join($0, "timeseries.csv") }
        let present = paths.filter { FileManager.default.fileExists(atPath: $0) }
        guard !present.isEmpty else { return nil }
        guard present.count == paths.count else {
            throw .dataError("timeseries.csv exists in some shards only (missing: \(paths.filter { !present.contains($0) }.joined(separator: ", "))); run every shard with the same options")
        }
        var keyed: [(strategy: Int, replication: Int, order: Int, fields: [String])] = []
        for path in paths {
            let rows: [CSVReader.Row]
            rows = try ResultsReader.csvRows(path)
            guard rows.first?.fields == MetricTables.timeseriesHeader else {
                throw .dataError("\(path): header is not \(MetricTables.timeseriesHeader.joined(separator: ",")); the file is corrupt, rerun that shard")
            }
            for row in rows.dropFirst() {
                guard row.fields.count == MetricTables.timeseriesHeader.count, let replication = Int(row.fields[3]),
                      let strategy = strategies.firstIndex(of: StrategyLabel(routing: row.fields[1], allocation: row.fields[2])) else {
                    throw .dataError("\(path):\(row.line): not a timeseries row of this run; the file is corrupt, rerun that shard")
                }
                keyed.append((strategy, replication, keyed.count, row.fields))
            }
        }
        keyed.sort { ($0.strategy, $0.replication, $0.order) < ($1.strategy, $1.replication, $1.order) }
        var text = MetricTables.timeseriesHeader.joined(separator: ",") + "\n"
        for row in keyed { text += row.fields.map(CSVWriter.escape).joined(separator: ",") + "\n" }
        return text
    }

    /// JSON text of a run.json value with sorted keys, for comparing values (a Dictionary's
    /// `description` order is not stable).
    static func canonical(_ value: Any?) -> String {
        guard let value, let data = try? JSONSerialization.data(withJSONObject: [value], options: [.sortedKeys]) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    /// `1–3, 7` for [1, 2, 3, 7].
    static func ranges(_ values: [Int]) -> String {
        var parts: [String] = []
        var start = values.first, previous = values.first
        for value in values.dropFirst() + [Int.min] {
            if let p = previous, value == p + 1 { previous = value; continue }
            if let s = start, let p = previous { parts.append(s == p ? "\(s)" : "\(s)–\(p)") }
            start = value
            previous = value
        }
        return parts.joined(separator: ", ")
    }
}
