import Foundation
import FSLExperiments
import FSLKernel
import FSLNetwork

/// Writes a run's CSV files and `run.json` into its folder, every file atomically.
enum ResultsWriter {
    /// The fslsim version, in `--version` and `run.json`.
    static let version = "0.1.0"

    static func write(directory: String, records: [ReplicationRecord], summary: [SummaryRow], paired: [PairedRow]?,
                      timeseries: [TimeseriesRecord], runInfo: [String: Any]) throws(CommandError) {
        var files = [
            OutputFile(name: "replications.csv", contents: MetricTables.replicationsCSV(records)),
            OutputFile(name: "summary.csv", contents: MetricTables.summaryCSV(summary)),
        ]
        if let paired { files.append(OutputFile(name: "paired.csv", contents: MetricTables.pairedCSV(paired))) }
        if !timeseries.isEmpty {
            files.append(OutputFile(name: "timeseries.csv", contents: MetricTables.timeseriesCSV(timeseries)))
        }
        let json: Data
        do {
            json = try JSONSerialization.data(withJSONObject: runInfo, options: [.prettyPrinted, .sortedKeys])
        } catch {
            throw .failure("could not encode run.json: \(error)")
        }
        files.append(OutputFile(name: "run.json", contents: String(decoding: json, as: UTF8.self) + "\n"))
        do {
            let output = try OutputDirectory(creatingAt: directory)
            try output.publish(files)
        } catch {
            throw .failure("\(error.description)\nCheck that the folder is writable, or choose another with --out.")
        }
    }

    /// The reproducibility record: command, scenario hash, seeds, versions, wall time.
    static func runInfo(arguments: [String], network: Network, plans: [ExperimentPlan], execution: RunExecution,
                        threads: Int) -> [String: Any] {
        let scenarioBytes = (try? Data(contentsOf: URL(fileURLWithPath: network.file))) ?? Data()
        let hash = StreamSeed.fnv1a(bytes: scenarioBytes)
        let first = plans.first
        return [
            "command": ["fslsim"] + arguments,
            "scenario": network.name,
            "scenario_file": network.file,
            "scenario_fnv1a64": String(hash, radix: 16),
            "seed": first.map { String($0.masterSeed) } ?? "",
            "replications_planned": execution.replicationsPlanned,
            "replications_run": execution.replicationsRun,
            "interrupted": execution.wasInterrupted,
            "horizon_days": (first?.horizonHours ?? 0) / 24,
            "warmup_days": (first?.warmupHours ?? 0) / 24,
            "warmup_rule": arguments.contains("auto") ? "MSER-5 on the daily open-backorder and on-hand series of a pilot replication" : "given",
            "strategies": plans.map { ["routing": $0.routing.description, "allocation": $0.allocation.description] },
            "threads": threads,
            "wall_seconds": execution.wallSeconds,
            "fslsim_version": version,
            "gsl_version": GSLRuntime.version,
            "random_generator": "gsl mt19937, full state from SplitMix64(master seed, replication, FNV-1a(stream))",
        ]
    }
}
