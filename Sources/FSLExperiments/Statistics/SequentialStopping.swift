/// A precision goal for one metric, from `--target-ci METRIC=HALFWIDTH`: run replications until
/// the confidence interval of the metric's mean is at most `halfWidth` either side, for every
/// scenario and strategy.
public struct PrecisionTarget: Sendable, Equatable {
    /// The metric name, such as `sla_attainment`.
    public var metric: String
    /// The segment the target applies to, `all` unless set otherwise.
    public var segment: String
    /// The largest acceptable half-width, in the metric's unit.
    public var halfWidth: Double

    /// Creates a target.
    ///
    /// - Precondition: halfWidth is finite and positive.
    public init(metric: String, segment: String = "all", halfWidth: Double) {
        precondition(halfWidth.isFinite && halfWidth > 0, "target half-width must be positive, got \(halfWidth)")
        self.metric = metric
        self.segment = segment
        self.halfWidth = halfWidth
    }

    /// Parses `METRIC=HALFWIDTH`, such as `sla_attainment=0.005`, for segment `all`.
    ///
    /// - Throws: ``PrecisionTargetError`` naming the text when there is no `=`, the metric is
    ///   empty, or the half-width is not a positive finite number.
    public init(parsing text: String) throws(PrecisionTargetError) {
        guard let equals = text.firstIndex(of: "=") else {
            throw PrecisionTargetError("'\(text)' is not METRIC=HALFWIDTH (for example sla_attainment=0.005)")
        }
        let metric = String(text[..<equals])
        let number = String(text[text.index(after: equals)...])
        guard !metric.isEmpty else {
            throw PrecisionTargetError("'\(text)' names no metric; write METRIC=HALFWIDTH")
        }
        guard let halfWidth = Double(number), halfWidth.isFinite, halfWidth > 0 else {
            throw PrecisionTargetError("'\(text)': the half-width '\(number)' must be a positive number")
        }
        self.init(metric: metric, halfWidth: halfWidth)
    }
}

/// A problem with a precision target: unparseable, or naming a metric the run does not produce.
public struct PrecisionTargetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong and what to do.
    public let message: String
    /// Creates the error.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}

/// What sequential stopping says after a round of replications.
///
/// Not reached with 0 additional replications means stop anyway: either the cap is hit
/// (`isCapped`) or the metric is NaN and no number of replications will help.
public struct StoppingDecision: Sendable, Equatable {
    /// Whether every target's half-width is at most its goal.
    public let isTargetReached: Bool
    /// How many replications to add before looking again; 0 when the target is reached or the
    /// cap is hit.
    public let additionalReplications: Int
    /// The estimated total n = ⌈(t · s / h)²⌉ needed, before capping; nil when it cannot be
    /// estimated yet (fewer than two replications) or at all (the metric is NaN).
    public let estimatedReplications: Int?
    /// Whether the cap on replications stopped the run short of the estimate.
    public let isCapped: Bool
}

/// Sequential stopping on confidence-interval half-width (the relative-precision procedure of
/// Law & Kelton, in its absolute form).
///
/// After n replications with standard deviation s, the half-width is t(n − 1) · s / √n. If it
/// exceeds the goal h, the total needed is estimated as n* = ⌈(t · s / h)²⌉ with the current t
/// and s, and n* − n replications are added (at least one), never beyond the cap. The caller
/// runs them and asks again, since s and t change. Fewer than two replications give no s; the
/// decision is then to reach two.
public enum SequentialStopping {
    /// The decision for one summary against one half-width goal.
    ///
    /// - Parameters:
    ///   - summary: the metric's summary so far; nil when no replication has run.
    ///   - halfWidth: the goal, positive.
    ///   - maximumReplications: the cap on the total number of replications.
    /// - Precondition: halfWidth > 0; maximumReplications ≥ 1.
    public static func decision(for summary: SummaryStatistics?, halfWidth: Double,
                                maximumReplications: Int) -> StoppingDecision {
        precondition(halfWidth > 0, "target half-width must be positive, got \(halfWidth)")
        precondition(maximumReplications >= 1, "replication cap must be at least 1, got \(maximumReplications)")
        let count = summary?.count ?? 0
        let remaining = max(0, maximumReplications - count)
        guard let summary, count >= 2 else {
            let wanted = 2 - count
            return StoppingDecision(isTargetReached: false, additionalReplications: min(wanted, remaining),
                                    estimatedReplications: nil, isCapped: wanted > remaining)
        }
        guard !summary.halfWidth.isNaN else {
            return StoppingDecision(isTargetReached: false, additionalReplications: 0,
                                    estimatedReplications: nil, isCapped: false)
        }
        if summary.halfWidth <= halfWidth {
            return StoppingDecision(isTargetReached: true, additionalReplications: 0,
                                    estimatedReplications: count, isCapped: false)
        }
        let ratio = summary.criticalValue * summary.standardDeviation / halfWidth
        // Clamp before converting: a tiny goal must not overflow Int.
        let needed = Int(min((ratio * ratio).rounded(.up), Double(Int32.max)))
        let wanted = max(needed - count, 1)
        return StoppingDecision(isTargetReached: false, additionalReplications: min(wanted, remaining),
                                estimatedReplications: max(needed, count + 1), isCapped: wanted > remaining)
    }

    /// The combined decision for several targets over summary rows of every scenario and
    /// strategy: reached only when every matching row meets its goal; otherwise the largest
    /// number of additional replications any row asks for.
    ///
    /// - Parameters:
    ///   - targets: the goals, such as those from `--target-ci`.
    ///   - summaries: the current summary rows (see ``MetricTables/summaryRows(from:confidenceLevel:)``).
    ///   - maximumReplications: the cap on the total number of replications.
    /// - Throws: ``PrecisionTargetError`` when a target's metric and segment match no row.
    /// - Complexity: O(targets × rows).
    public static func decision(for targets: [PrecisionTarget], summaries: [SummaryRow],
                                maximumReplications: Int) throws(PrecisionTargetError) -> StoppingDecision {
        var isReached = true
        var additional = 0
        var estimate: Int? = nil
        var isCapped = false
        for target in targets {
            let rows = summaries.filter { $0.metric == target.metric && $0.segment == target.segment }
            guard !rows.isEmpty else {
                var known: [String] = []
                for row in summaries where !known.contains(row.metric) { known.append(row.metric) }
                throw PrecisionTargetError("--target-ci names metric '\(target.metric)' (segment '\(target.segment)'), "
                    + "which this run does not produce; known metrics: \(known.joined(separator: ", "))")
            }
            for row in rows {
                let one = decision(for: row.statistics, halfWidth: target.halfWidth,
                                   maximumReplications: maximumReplications)
                isReached = isReached && one.isTargetReached
                additional = max(additional, one.additionalReplications)
                if let total = one.estimatedReplications { estimate = max(estimate ?? 0, total) }
                isCapped = isCapped || one.isCapped
            }
        }
        return StoppingDecision(isTargetReached: isReached, additionalReplications: additional,
                                estimatedReplications: estimate, isCapped: isCapped)
    }
}
