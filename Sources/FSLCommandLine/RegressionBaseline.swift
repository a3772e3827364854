import Foundation
import FSLExperiments
import FSLKernel
import FSLNetwork

/// A committed baseline: `replications.csv` from a run plus `run.json` recording how to rerun it
/// (strategies, seed, replications 0..<R, horizon, warm-up, scenario hash). No wall times,
/// thread counts or paths that change between machines, so rewriting an unchanged baseline
/// gives the same bytes.
struct RegressionBaseline {
    var directory: String
    var scenario: String
    var scenarioHash: String
    var seed: UInt64
    var replications: Int
    var horizonDays: Double
    var warmupDays: Double
    var strategies: [StrategyLabel]
    var records: [ReplicationRecord]

    /// Loads and checks the baseline in `directory`.
    /// - Throws: `CommandError.dataError` (exit 65) naming the folder or file and what is wrong.
    static func load(_ directory: String, scenarioPath: String) throws(CommandError) -> RegressionBaseline {
        let hint = "rewrite it with `fslsim regress \(scenarioPath) --baseline \(directory) --update-baseline`"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .dataError("baseline folder \(directory) does not exist; create it with `fslsim regress \(scenarioPath) --baseline \(directory) --update-baseline` and commit it")
        }
        let info = try ResultsReader.runInfo(in: directory, hint: hint)
        let fields = RunInfoFields(info: info, file: ResultsReader.join(directory, "run.json"), hint: hint)
        var baseline = RegressionBaseline(
            directory: directory, scenario: try fields.string("scenario"), scenarioHash: try fields.string("scenario_fnv1a64"),
            seed: try fields.unsigned("seed"), replications: try fields.integer("replications"),
            horizonDays: try fields.number("horizon_days"), warmupDays: try fields.number("warmup_days"),
            strategies: try fields.strategies(), records: [])
        guard baseline.replications >= 1 else { throw fields.missing("replications", "at least 1") }
        baseline.records = try ResultsReader.replications(in: directory, hint: hint)
        let csv = ResultsReader.join(directory, "replications.csv")
        guard !baseline.records.isEmpty else { throw .dataError("\(csv): has no rows; \(hint)") }
        for strategy in baseline.strategies {
            let found = Set(baseline.records.lazy.filter { $0.strategy == strategy }.map(\.replication))
            guard found == Set(0..<baseline.replications) else {
                throw .dataError("\(csv): \(strategy) has replications \(found.sorted()), but run.json records \(baseline.replications) (0–\(baseline.replications - 1)); \(hint)")
            }
        }
        if let stray = baseline.records.first(where: { !baseline.strategies.contains($0.strategy) }) {
            throw .dataError("\(csv): strategy \(stray.strategy) is not among run.json's strategies; \(hint)")
        }
        return baseline
    }

    /// Writes `records` and the run settings of `plans` into `directory` atomically (both files
    /// or neither).
    static func write(_ directory: String, network: Network, plans: [ExperimentPlan],
                      records: [ReplicationRecord]) throws(CommandError) {
        let first = plans[0]
        let scenarioBytes = (try? Data(contentsOf: URL(fileURLWithPath: network.file))) ?? Data()
        let info: [String: Any] = [
            "scenario": network.name,
            "scenario_fnv1a64": String(StreamSeed.fnv1a(bytes: scenarioBytes), radix: 16),
            "seed": String(first.masterSeed),
            "replications": first.replications.count,
            "horizon_days": first.horizonHours / 24,
            "warmup_days": first.warmupHours / 24,
            "strategies": plans.map { ["routing": $0.routing.description, "allocation": $0.allocation.description] },
            "fslsim_version": ResultsWriter.version,
            "written_by": "fslsim regress --update-baseline",
        ]
        let json: Data
        do {
            json = try JSONSerialization.data(withJSONObject: info, options: [.prettyPrinted, .sortedKeys])
        } catch {
            throw .failure("could not encode run.json: \(error)")
        }
        do {
            try OutputDirectory(creatingAt: directory).publish([
                OutputFile(name: "replications.csv", contents: MetricTables.replicationsCSV(records)),
                OutputFile(name: "run.json", contents: String(decoding: json, as: UTF8.self) + "\n"),
            ])
        } catch {
            throw .failure("\(error.description)\nCheck that the folder is writable, or choose another with --baseline.")
        }
    }

    /// The hash of the scenario file now, to tell whether it changed since the baseline.
    static func scenarioHash(of network: Network) -> String {
        let bytes = (try? Data(contentsOf: URL(fileURLWithPath: network.file))) ?? Data()
        return String(StreamSeed.fnv1a(bytes: bytes), radix: 16)
    }
}
