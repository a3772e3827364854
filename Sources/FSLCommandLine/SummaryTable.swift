import Foundation
import FSLExperiments

/// The summary table printed by `run`: metric, mean and 95% confidence interval.
enum SummaryTable {
    static func render(_ rows: [SummaryRow], title: String) -> String {
        var lines = [title]
        let shown = rows.filter { $0.segment == "all" || ($0.metric == "sla_attainment" && $0.segment.hasPrefix("tier=")) }
        let labels = shown.map { $0.segment == "all" ? $0.metric : "\($0.metric) [\($0.segment)]" }
        let width = max(28, (labels.map(\.count).max() ?? 0) + 2)
        lines.append(pad("metric", width) + pad("mean", 16) + "95% CI")
        for (row, label) in zip(shown, labels) {
            let s = row.statistics
            let interval = s.halfWidth.isNaN ? "(n = \(s.count))" : "[\(format(s.lowerBound)), \(format(s.upperBound))]"
            lines.append(pad(label, width) + pad(format(s.mean), 16) + interval)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    static func format(_ x: Double) -> String {
        if x.isNaN { return "–" }
        if x != 0, abs(x) < 1e-3 || abs(x) >= 1e7 { return String(format: "%.4g", x) }
        if abs(x) >= 1000 { return String(format: "%.1f", x) }
        return String(format: "%.4f", x)
    }
}
