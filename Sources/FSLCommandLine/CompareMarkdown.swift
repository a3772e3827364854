import FSLExperiments

/// The Markdown tables of a comparison (`fslsim compare --markdown FILE`): each combination's
/// headline metrics with 95% CIs, SLA attainment by tier, and paired differences against the
/// baseline. Used for docs/strategies.md and CI job summaries.
enum CompareMarkdown {
    static let headline = ["sla_attainment", "fill_rate", "cost_total", "cost_penalty", "avg_backorders",
                           "mean_backorder_wait_h", "p95_delivery_h"]

    static func render(summary: [SummaryRow], paired: [PairedRow], labels: [StrategyLabel], baseline: StrategyLabel,
                       title: String, replications: Int) -> String {
        func row(_ label: StrategyLabel, _ metric: String, _ segment: String = "all") -> SummaryStatistics? {
            summary.first {
                $0.routing == label.routing && $0.allocation == label.allocation && $0.metric == metric && $0.segment == segment
            }?.statistics
        }
        func cell(_ s: SummaryStatistics?) -> String {
            guard let s else { return "–" }
            return s.halfWidth.isNaN ? SummaryTable.format(s.mean) : "\(SummaryTable.format(s.mean)) ± \(SummaryTable.format(s.halfWidth))"
        }
        var text = "### \(title)\n\n\(replications) replications per strategy, common random numbers; mean ± 95% CI half-width.\n\n"
        text += "| strategy | " + headline.joined(separator: " | ") + " |\n"
        text += "|---|" + String(repeating: "---|", count: headline.count) + "\n"
        for label in labels {
            text += "| `\(label)` | " + headline.map { cell(row(label, $0)) }.joined(separator: " | ") + " |\n"
        }
        var tiers: [String] = []
        for r in summary where r.metric == "sla_attainment" && r.segment.hasPrefix("tier=") && !tiers.contains(r.segment) {
            tiers.append(r.segment)
        }
        if !tiers.isEmpty {
            text += "\nSLA attainment by tier:\n\n| strategy | " + tiers.map { String($0.dropFirst(5)) }.joined(separator: " | ") + " |\n"
            text += "|---|" + String(repeating: "---|", count: tiers.count) + "\n"
            for label in labels {
                text += "| `\(label)` | " + tiers.map { cell(row(label, "sla_attainment", $0)) }.joined(separator: " | ") + " |\n"
            }
        }
        let shown = paired.filter { $0.segment == "all" && ["sla_attainment", "cost_total", "cost_penalty", "avg_backorders"].contains($0.metric) }
        if !shown.isEmpty {
            text += "\nPaired differences against `\(baseline)` (candidate − baseline, 95% CI):\n\n"
            text += "| candidate | metric | difference | 95% CI | significant |\n|---|---|---|---|---|\n"
            for p in shown {
                let c = p.comparison
                text += "| `\(p.candidate)` | \(p.metric) | \(SummaryTable.format(c.meanDifference)) | "
                text += "[\(SummaryTable.format(c.lowerBound)), \(SummaryTable.format(c.upperBound))] | \(c.isSignificant ? "yes" : "no") |\n"
            }
        }
        return text
    }
}
