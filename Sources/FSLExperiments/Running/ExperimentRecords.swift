import FSLSimulation

/// Turns replication results into the tidy records of `replications.csv` and `timeseries.csv`.
public enum ExperimentRecords {
    /// One record per (replication, metric, segment), in replication then metric order.
    public static func replications(scenario: String, plan: ExperimentPlan, results: [ReplicationResult]) -> [ReplicationRecord] {
        let label = plan.label
        return results.flatMap { result in
            result.metrics.map {
                ReplicationRecord(scenario: scenario, routing: label.routing, allocation: label.allocation,
                                  replication: result.replication, seed: result.seed, metric: $0.metric,
                                  segment: $0.segment, value: $0.value)
            }
        }
    }

    /// One record per (replication, day, metric, segment).
    public static func timeseries(scenario: String, plan: ExperimentPlan, results: [ReplicationResult]) -> [TimeseriesRecord] {
        let label = plan.label
        return results.flatMap { result in
            result.daily.map {
                TimeseriesRecord(scenario: scenario, routing: label.routing, allocation: label.allocation,
                                 replication: result.replication, day: $0.day, metric: $0.metric,
                                 segment: $0.segment, value: $0.value)
            }
        }
    }
}
