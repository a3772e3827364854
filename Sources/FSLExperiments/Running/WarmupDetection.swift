import FSLSimulation

/// `--warmup-days auto`: the warm-up chosen by MSER-5 on a pilot replication's daily series.
public enum WarmupDetection {
    /// The detected warm-up with the evidence behind it.
    public struct Result: Sendable {
        /// Warm-up in days (the larger of the two series' truncation points).
        public var days: Int
        /// MSER-5 truncation of the daily open-backorder series, in days.
        public var backorderDays: Int
        /// MSER-5 truncation of the daily on-hand series, in days.
        public var onHandDays: Int
    }

    /// Runs replication 0 with no warm-up, records the daily series of open
    /// backorders and on-hand units, and truncates each with MSER-5; the warm-up is the later
    /// of the two truncation points.
    public static func detect(_ plan: ExperimentPlan) -> Result {
        var pilot = plan
        pilot.warmupHours = 0
        pilot.recordsDailySeries = true
        pilot.tracedReplication = nil
        // Always global replication 0, so every shard of a run detects the same warm-up.
        let result = ExperimentRunner.runOne(pilot, replication: 0)
        func series(_ metric: String) -> [Double] {
            result.daily.filter { $0.metric == metric && $0.segment == "all" }.sorted { $0.day < $1.day }.map(\.value)
        }
        let backorders = MSER.truncation(of: series("backorders_open"))?.truncatedObservations ?? 0
        let onHand = MSER.truncation(of: series("on_hand"))?.truncatedObservations ?? 0
        return Result(days: max(backorders, onHand), backorderDays: backorders, onHandDays: onHand)
    }
}
