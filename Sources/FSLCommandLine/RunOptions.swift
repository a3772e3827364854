import Foundation
import FSLExperiments
import FSLNetwork

/// Options shared by `run`, `compare` and `sweep`.
struct RunOptions {
    static let specs: [OptionSpec] = [
        OptionSpec(name: "replications", kind: .value, help: "number of replications (default: the scenario's)"),
        OptionSpec(name: "seed", kind: .value, help: "master seed (default: the scenario's)"),
        OptionSpec(name: "horizon-days", kind: .value, help: "simulated days per replication"),
        OptionSpec(name: "warmup-days", kind: .value, help: "days discarded before metrics start, or auto (MSER-5)"),
        OptionSpec(name: "threads", kind: .value, help: "worker threads (default: all cores)"),
        OptionSpec(name: "out", kind: .value, help: "output folder (default: results/<scenario>-<timestamp>/)"),
        OptionSpec(name: "timeseries", kind: .flag, help: "also write timeseries.csv (daily series)"),
        OptionSpec(name: "quiet", kind: .flag, help: "no progress bar"),
        OptionSpec(name: "trace", kind: .value, help: "write orders.csv and decisions.csv of the first replication to DIR"),
        OptionSpec(name: "shard", kind: .value, help: "run only shard k/n (replications i with i % n == k), or env for array jobs"),
        OptionSpec(name: "shards", kind: .value, help: "the shard count for --shard env where the platform gives none (Kubernetes)"),
    ]

    var replications: Int?
    var seed: UInt64?
    var horizonDays: Double?
    var warmupDays: Double?
    var threads: Int
    var out: String?
    var recordsTimeseries: Bool
    var isQuiet: Bool
    var traceDirectory: String?
    /// `--warmup-days auto`: detect the warm-up with MSER-5 on a pilot replication.
    var detectsWarmup = false
    var shard: Shard?

    init(_ parsed: ParsedArguments) throws(CommandError) {
        replications = try parsed.integer("replications", in: 1...10_000_000)
        if let text = parsed.value("seed") {
            guard let seed = UInt64(text) else { throw .usage("--seed must be a whole number from 0 to 2^64−1; found \"\(text)\"") }
            self.seed = seed
        }
        horizonDays = try parsed.number("horizon-days", in: 0.001...36_500)
        if parsed.value("warmup-days") == "auto" {
            detectsWarmup = true
        } else {
            warmupDays = try parsed.number("warmup-days", in: 0...36_500)
        }
        threads = try parsed.integer("threads", in: 1...4096) ?? ProcessInfo.processInfo.activeProcessorCount
        out = parsed.value("out")
        recordsTimeseries = parsed.flag("timeseries")
        isQuiet = parsed.flag("quiet")
        traceDirectory = parsed.value("trace")
        shard = try Shard.parse(parsed.value("shard"), shards: parsed.integer("shards", in: 1...1_000_000),
                                environment: ProcessInfo.processInfo.environment)
    }

    /// A plan for `network` with these overrides.
    func plan(network: Network, routing: StrategyChoice, allocation: StrategyChoice) throws(CommandError) -> ExperimentPlan {
        let plan = ExperimentPlan(network: network, routing: routing, allocation: allocation,
                                  replications: try shardReplications(network: network), masterSeed: seed,
                                  horizonHours: horizonDays.map { $0 * 24 }, warmupHours: warmupDays.map { $0 * 24 },
                                  recordsDailySeries: recordsTimeseries)
        var traced = plan
        if detectsWarmup {
            let detected = WarmupDetection.detect(plan)
            traced.warmupHours = min(Double(detected.days) * 24, plan.horizonHours / 2)
        }
        if traceDirectory != nil { traced.tracedReplication = plan.replications.first }
        guard traced.warmupHours < traced.horizonHours else {
            throw .usage("the warm-up (\(plan.warmupHours / 24) days) must be shorter than the horizon (\(plan.horizonHours / 24) days); lower --warmup-days or raise --horizon-days")
        }
        return traced
    }

    /// The global replication indices to run: all, or this shard's (nil: the scenario's default).
    func shardReplications(network: Network) throws(CommandError) -> [Int]? {
        guard let shard else { return replications.map { Array(0..<$0) } }
        let total = replications ?? network.replications
        let selected = shard.replications(of: total)
        guard !selected.isEmpty else {
            throw .usage("--shard \(shard.description) gets none of the \(total) replications; use at most \(total) shards")
        }
        return selected
    }

    /// What `run.json` records about sharding, for `fslsim merge`.
    func shardInfo(network: Network) -> [String: Any] {
        guard let shard else { return [:] }
        return ["shard": shard.description, "replications_total": replications ?? network.replications]
    }

    /// The output folder: `--out` or `results/<scenario>-<UTC timestamp>/`, plus
    /// `shard-<k>-of-<n>/` for a shard.
    func outputDirectory(scenario: String) -> String {
        if let shard { return baseOutputDirectory(scenario: scenario) + "/" + shard.folderName }
        return baseOutputDirectory(scenario: scenario)
    }

    private func baseOutputDirectory(scenario: String) -> String {
        if let out { return out.hasSuffix("/") && out.count > 1 ? String(out.dropLast()) : out }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return "results/\(scenario)-\(formatter.string(from: Date()))"
    }
}
