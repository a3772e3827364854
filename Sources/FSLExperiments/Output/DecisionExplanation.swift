import Foundation
import FSLNetwork
import FSLSimulation

/// Turns a traced routing decision into words an operations team can check, e.g.
/// `chose DAL: meets the SLA at $38.00; ATL: misses the deadline by 35 min`.
public enum DecisionExplanation {
    /// Why one candidate was or was not chosen.
    public static func note(for entry: (source: Int, usable: Int, candidate: Candidate?), in decision: DecisionTrace,
                            network: Network) -> String {
        let chosen = decision.lines.contains { $0.source == entry.source }
        if chosen { return "chosen: \(decision.reason.text)" }
        guard let candidate = entry.candidate else { return "lane not allowed (cross-border forbidden) or out of every mode's reach" }
        if entry.usable <= 0 { return "no usable stock" }
        if !candidate.meetsSLA {
            return "misses the deadline by \(duration(candidate.eta - decision.order.deadline))"
        }
        if let best = chosenCandidate(decision), best.totalCost < candidate.totalCost {
            return String(format: "meets the SLA but costs $%.2f more", candidate.totalCost - best.totalCost)
        }
        return "meets the SLA; not preferred by the strategy"
    }

    /// One sentence for the whole decision.
    public static func summary(_ decision: DecisionTrace, network: Network) -> String {
        var parts: [String] = []
        if decision.lines.isEmpty {
            let location = decision.backorderLocation.map { network.locations[$0].id } ?? "?"
            parts.append("backordered at \(location): \(decision.reason.text)")
        } else {
            for line in decision.lines {
                let facts = decision.candidates.first { $0.source == line.source }?.candidate
                var text = "chose \(network.locations[line.source].id) (\(line.quantity) \(line.condition.name) by \(network.modes[line.mode].id))"
                if let facts {
                    text += facts.meetsSLA ? ": meets the SLA" : ": misses the SLA by \(duration(facts.eta - decision.order.deadline))"
                    text += String(format: " at $%.2f", facts.totalCost)
                }
                parts.append(text)
            }
        }
        for entry in decision.candidates.prefix(4) where !decision.lines.contains(where: { $0.source == entry.source }) {
            parts.append("\(network.locations[entry.source].id) \(note(for: entry, in: decision, network: network))")
        }
        return parts.joined(separator: "; ")
    }

    static func chosenCandidate(_ decision: DecisionTrace) -> Candidate? {
        guard let first = decision.lines.first else { return nil }
        return decision.candidates.first { $0.source == first.source }?.candidate
    }

    /// `35 min` or `2.5 h`.
    public static func duration(_ hours: Double) -> String {
        hours < 1 ? "\(Int((hours * 60).rounded())) min" : String(format: "%.1f h", hours)
    }
}
