import FSLExperiments
import FSLNetwork
import FSLSimulation

/// `fslsim explain SCENARIO --order N`: the routing decision for one order, in words.
enum ExplainCommand {
    static let help = """
        usage: fslsim explain SCENARIO --order N [--routing R] [--allocation A] [--replication K] [--seed S]

        Runs replication K (default 0) and prints how order N (0-based arrival number) was routed:
        every location that stocks the part with its stock, mode, ETA, SLA verdict and cost, the
        choice and the reason.

        example:
          fslsim explain scenarios/demo.json --order 120 --routing sla-then-cost
        """

    static let options = [
        OptionSpec(name: "order", kind: .value, help: "order number"),
        OptionSpec(name: "routing", kind: .value, help: "routing strategy"),
        OptionSpec(name: "allocation", kind: .value, help: "allocation strategy"),
        OptionSpec(name: "replication", kind: .value, help: "replication index"),
        OptionSpec(name: "seed", kind: .value, help: "master seed"),
    ]

    static func run(_ arguments: [String], console: Console) throws(CommandError) {
        let parsed = try ParsedArguments(arguments, options: options)
        guard parsed.positionals.count == 1 else { throw .usage("explain takes exactly one scenario file\n\n\(help)") }
        guard let orderNumber = try parsed.integer("order", in: 0...Int.max) else { throw .usage("explain needs --order N") }
        let network = try ScenarioInput.load(parsed.positionals[0])
        let routing = try parsed.value("routing").map { (t) throws(CommandError) in try StrategyChoice.parse(t, flag: "routing") } ?? network.routing
        let allocation = try parsed.value("allocation").map { (t) throws(CommandError) in try StrategyChoice.parse(t, flag: "allocation") } ?? network.allocation
        try ScenarioInput.check(routing: routing, allocation: allocation, network: network)
        let replication = try parsed.integer("replication", in: 0...10_000_000) ?? 0
        var seed: UInt64?
        if let text = parsed.value("seed") {
            guard let value = UInt64(text) else { throw .usage("--seed must be a whole number; found \"\(text)\"") }
            seed = value
        }
        var plan = ExperimentPlan(network: network, routing: routing, allocation: allocation, replications: [replication],
                                  masterSeed: seed)
        plan.tracedReplication = replication
        plan.tracedOrder = orderNumber
        let result = ExperimentRunner.runOne(plan, replication: replication)
        guard let decision = result.trace?.decisions.first else {
            let orders = Int(result.value("orders") ?? 0)
            throw .usage("replication \(replication) has no order \(orderNumber) (about \(orders) orders arrive after the warm-up); choose a smaller --order")
        }
        console.out(render(decision, lines: result.trace?.orderLines ?? [], network: network, label: plan.label))
    }

    static func render(_ decision: DecisionTrace, lines: [OrderLineTrace], network: Network, label: StrategyLabel) -> String {
        let order = decision.order
        let site = network.sites[order.site]
        var text = "order \(order.number) (\(label)): \(order.quantity) × \(network.parts[order.part].id) for \(site.id) "
        text += "(\(network.contracts[order.contract].id), \(order.isUrgent ? "urgent" : "routine")) at \(SummaryTable.format(order.createdAt)) h, "
        text += "due \(SummaryTable.format(order.deadline)) h\n\n"
        let header: [(String, Int)] = [("candidate", 12), ("usable", 8), ("mode", 10), ("eta_h", 12), ("meets", 7), ("cost", 10)]
        text += header.map { SummaryTable.pad($0.0, $0.1) }.joined() + "note\n"
        for entry in decision.candidates {
            let c = entry.candidate
            text += SummaryTable.pad(network.locations[entry.source].id, 12) + SummaryTable.pad("\(entry.usable)", 8)
            text += SummaryTable.pad(c.map { network.modes[$0.mode].id } ?? "–", 10)
            text += SummaryTable.pad(c.map { SummaryTable.format($0.eta) } ?? "–", 12)
            text += SummaryTable.pad(c.map { $0.meetsSLA ? "yes" : "no" } ?? "–", 7)
            text += SummaryTable.pad(c.map { SummaryTable.format($0.totalCost) } ?? "–", 10)
            text += DecisionExplanation.note(for: entry, in: decision, network: network) + "\n"
        }
        text += "\ndecision: \(DecisionExplanation.summary(decision, network: network))\n"
        for line in lines {
            if line.source < 0 {
                text += "outcome: \(line.quantity) unit(s) still backordered at the horizon\n"
            } else {
                let onTime = line.delivered <= order.deadline ? "on time" : "late by \(DecisionExplanation.duration(line.delivered - order.deadline))"
                let waited = line.wasBackordered ? " after waiting \(DecisionExplanation.duration(line.backorderWaitHours)) as a backorder" : ""
                text += "outcome: \(line.quantity) unit(s) from \(network.locations[line.source].id) delivered at \(SummaryTable.format(line.delivered)) h\(waited), \(onTime)\n"
            }
        }
        return text
    }
}
