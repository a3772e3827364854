import Foundation
import FSLKernel
import FSLNetwork
import FSLSimulation
import FSLStrategies

/// The whole-model benchmark: one replication of a scenario (default: bench model v1 generated
/// in memory) with routing `nearest` and allocation `fcfs` on one thread, timed after a warm-up.
///
/// Prints `key=value` lines: the size, `orders`, `events`, `wall_s` (median of `--repeat` runs of
/// `simulate`, which includes the replication's own set-up: streams, state arrays, initial
/// reviews), `orders_per_s`, `events_per_s`, `peak_rss_mb` (getrusage, whole process) and the
/// model's key statistics, to compare with `shared/bench/cpp_ref --reorder demand` output.
///
///     fslsim-bench model [--scenario FILE] [--days D] [--repeat N] [--replication K]
///                        [--fsls F --parts P --sites C --rate R --seed S]   (bench-v1 in memory)
enum ModelBenchmark {
    static func main(arguments: [String]) -> Int32 {
        func value(_ name: String) -> String? {
            guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
            return arguments[i + 1]
        }
        var network: Network
        var source: String
        if let path = value("--scenario") {
            do {
                network = try ScenarioLoader.load(path: path)
            } catch {
                FileHandle.standardError.write(Data("\(error.description)\n".utf8))
                return 65
            }
            source = path
        } else {
            var size = ScenarioGenerator.Size()
            size.fsls = value("--fsls").flatMap { Int($0) } ?? size.fsls
            size.parts = value("--parts").flatMap { Int($0) } ?? size.parts
            size.sites = value("--sites").flatMap { Int($0) } ?? size.sites
            size.ordersPerDay = value("--rate").flatMap { Double($0) } ?? size.ordersPerDay
            size.seed = value("--seed").flatMap { UInt64($0) } ?? size.seed
            let json = ScenarioGenerator.generate(.benchV1, size: size)
            network = try! ScenarioLoader.load(json: json, file: "bench-v1")
            source = "bench-v1 F=\(size.fsls) P=\(size.parts) C=\(size.sites) R=\(ScenarioGenerator.formatted(size.ordersPerDay)) seed=\(size.seed)"
        }
        if let days = value("--days").flatMap({ Double($0) }) { network.horizonHours = days * 24 }
        let repetitions = max(1, value("--repeat").flatMap { Int($0) } ?? 5)
        let replication = value("--replication").flatMap { Int($0) } ?? 0
        let settings = ReplicationSettings(network: network, replication: replication)

        func once() -> (seconds: Double, result: ReplicationResult) {
            let clock = ContinuousClock()
            let start = clock.now
            let result = simulate(network: network, routing: NearestRouting(), allocation: FirstComeFirstServed(),
                                  settings: settings)
            return ((clock.now - start).seconds, result)
        }
        let warmUp = once()
        var times: [Double] = []
        for _ in 0..<repetitions {
            let run = once()
            times.append(run.seconds)
            // Bit patterns, so that NaN metrics (e.g. a wait with no backorders) compare equal.
            let same = run.result.metrics.count == warmUp.result.metrics.count
                && zip(run.result.metrics, warmUp.result.metrics).allSatisfy {
                    $0.metric == $1.metric && $0.segment == $1.segment && $0.value.bitPattern == $1.value.bitPattern
                }
            if !same {
                FileHandle.standardError.write(Data("results differ between repetitions of the same replication\n".utf8))
                return 1
            }
        }
        let result = warmUp.result
        let seconds = median(times)
        let orders = result.value("orders") ?? 0
        let events = result.value("events") ?? 0
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let peakMB = Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
        #else
        getrusage(RUSAGE_SELF, &usage)
        let peakMB = Double(usage.ru_maxrss) / 1_048_576  // bytes on Darwin
        #endif
        let slots = network.stockSlots.count
        let lines: [(String, String)] = [
            ("impl", "fslsim"), ("scenario", source), ("locations", "\(network.locations.count)"),
            ("parts", "\(network.parts.count)"), ("sites", "\(network.sites.count)"), ("slots", "\(slots)"),
            ("rate_per_day", ScenarioGenerator.formatted(network.totalOrdersPerDay)),
            ("H_days", ScenarioGenerator.formatted(network.horizonHours / 24)), ("replication", "\(replication)"),
            ("repeat", "\(repetitions)"),
            ("base_stock_total", "\(network.stockSlots.reduce(0) { $0 + $1.initialNew })"),
            ("orders", "\(Int(orders))"), ("events", "\(Int(events))"),
            ("fill_rate", "\(result.value("fill_rate") ?? .nan)"),
            ("sla_attainment", "\(result.value("sla_attainment") ?? .nan)"),
            ("backorders_created", "\(Int(result.value("backorders_created") ?? 0))"),
            ("mean_backorder_wait_h", "\(result.value("mean_backorder_wait_h") ?? .nan)"),
            ("backorders_open_end", "\(Int(result.value("backorders_open_end") ?? 0))"),
            ("stock_conserved", "\(result.ledger.isConserved)"),
            ("wall_s", String(format: "%.4f", seconds)),
            ("wall_s_min", String(format: "%.4f", times.min()!)), ("wall_s_max", String(format: "%.4f", times.max()!)),
            ("orders_per_s", String(format: "%.1f", orders / seconds)),
            ("events_per_s", String(format: "%.1f", events / seconds)),
            ("peak_rss_mb", String(format: "%.1f", peakMB)),
        ]
        for (key, text) in lines { print("\(key)=\(text)") }
        return 0
    }
}
