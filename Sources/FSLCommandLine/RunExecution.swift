import Foundation
import FSLExperiments
import FSLKernel
import FSLNetwork
import FSLSimulation

/// Runs the plans of one command with a progress bar and Ctrl-C handling, and collects records.
struct RunExecution {
    var records: [ReplicationRecord] = []
    var timeseries: [TimeseriesRecord] = []
    var replicationsRun = 0
    var replicationsPlanned = 0
    var wasInterrupted = false
    var wallSeconds = 0.0
    /// Trace files' rows, by plan, when tracing.
    var ordersTrace = ""
    var decisionsTrace = ""

    static func execute(_ plans: [ExperimentPlan], scenario: String, options: RunOptions,
                        console: Console) throws(CommandError) -> RunExecution {
        Interrupt.install()
        var execution = RunExecution()
        let total = plans.reduce(0) { $0 + $1.replications.count }
        execution.replicationsPlanned = total
        let bar = ProgressBar(console: console, total: total, simulatedDaysPerReplication: (plans.first?.horizonHours ?? 0) / 24,
                              quiet: options.isQuiet)
        let clock = ContinuousClock()
        let start = clock.now
        var doneBefore = 0
        for plan in plans {
            let offset = doneBefore
            let results: [ReplicationResult]
            do {
                results = try ExperimentRunner.run(plan, threads: options.threads,
                                                   progress: { bar.update(done: offset + $0) },
                                                   shouldStop: { Interrupt.isRequested })
            } catch {
                throw .usage(error.message)
            }
            doneBefore += results.count
            if let traced = results.first(where: { $0.trace != nil }), let trace = traced.trace {
                let orders = TraceTables.ordersCSV(trace, scenario: scenario, label: plan.label,
                                                   replication: traced.replication, network: plan.network)
                let decisions = TraceTables.decisionsCSV(trace, scenario: scenario, label: plan.label,
                                                         replication: traced.replication, network: plan.network)
                execution.ordersTrace += execution.ordersTrace.isEmpty ? orders : String(orders.drop { $0 != "\n" }.dropFirst())
                execution.decisionsTrace += execution.decisionsTrace.isEmpty ? decisions : String(decisions.drop { $0 != "\n" }.dropFirst())
            }
            execution.records += ExperimentRecords.replications(scenario: scenario, plan: plan, results: results)
            execution.timeseries += ExperimentRecords.timeseries(scenario: scenario, plan: plan, results: results)
            if results.count < plan.replications.count {
                execution.wasInterrupted = true
                break
            }
        }
        execution.replicationsRun = doneBefore
        let elapsed = clock.now - start
        execution.wallSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return execution
    }
}

extension RunExecution {
    /// Adds the records of a later batch of the same run.
    mutating func append(_ later: RunExecution) {
        records += later.records
        timeseries += later.timeseries
        replicationsRun += later.replicationsRun
        replicationsPlanned += later.replicationsPlanned
        wasInterrupted = wasInterrupted || later.wasInterrupted
        wallSeconds += later.wallSeconds
    }

    /// Writes `orders.csv` and `decisions.csv` into the trace folder, atomically.
    func writeTrace(to directory: String?) throws(CommandError) {
        guard let directory else { return }
        do {
            try OutputDirectory(creatingAt: directory).publish([
                OutputFile(name: "orders.csv", contents: ordersTrace),
                OutputFile(name: "decisions.csv", contents: decisionsTrace),
            ])
        } catch {
            throw .failure("\(error.description)\nCheck that the folder is writable, or choose another with --trace.")
        }
    }
}
