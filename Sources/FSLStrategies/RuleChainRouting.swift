import FSLNetwork
import FSLSimulation

/// `rule-chain`: sourcing rules an operations team writes in a scenario file, without Swift:
///
/// ```json
/// "routing": {"name": "rule-chain",
///             "parameters": {"filters": "no_stock+misses_sla+cross_border", "criteria": "eta+cost"}}
/// ```
///
/// Candidates are (location, condition) pairs for every location stocking the part on an allowed
/// lane: new units, plus refurbished units where the part and contract accept them. Filters
/// remove candidates; criteria then rank the rest in order, each scoring a candidate 0…1 (1 =
/// best), and a criterion decides only when two scores differ by more than `tie`, otherwise the
/// next criterion breaks the tie; after the last one the nearer location wins.
///
/// Filters: `misses_sla` (ETA after the deadline), `cross_border`, `not_on_asl` (not on the site's
/// region ASL list), `no_stock` (fewer units of that condition than ordered), `refurbished`.
/// Criteria: `eta` `1/(1 + hours to ETA / 24)`, `cost` `1/(1 + total cost / 100)`, `distance`
/// `1/(1 + km / 500)`, `excess` (on hand above target, as a fraction of the target, capped at 1),
/// `asl_rank` `1/(1 + rank)` (0 off the list), `condition` (refurbished 1, new 0: use repaired
/// stock first).
///
/// The winner ships what it has of its condition, up to the quantity; the rest waits there (so a
/// chain without `no_stock` can deliberately wait for its preferred source). If every candidate
/// is filtered out, the order is backordered at the nearest stocking location.
public struct RuleChainRouting: RoutingStrategy {
    /// A rule that removes candidates.
    public enum Filter: String, Sendable, CaseIterable {
        /// Removes candidates whose ETA is after the deadline.
        case missesSLA = "misses_sla"
        /// Removes cross-border lanes.
        case crossBorder = "cross_border"
        /// Removes locations not on the site's region ASL list.
        case notOnASL = "not_on_asl"
        /// Removes candidates with fewer units of their condition than ordered.
        case noStock = "no_stock"
        /// Removes refurbished candidates.
        case refurbished
    }

    /// A criterion that scores candidates 0…1.
    public enum Criterion: String, Sendable, CaseIterable {
        /// Earlier ETA scores higher.
        case eta
        /// Lower shipping + handling + customs scores higher.
        case cost
        /// Shorter distance scores higher.
        case distance
        /// More stock above the target level scores higher.
        case excess
        /// Higher on the region's ASL list scores higher.
        case aslRank = "asl_rank"
        /// Refurbished scores 1, new 0.
        case condition
    }

    let filters: [Filter]
    let criteria: [Criterion]
    let tie: Double

    static let entry = RoutingEntry(
        name: "rule-chain", summary: "scenario-defined filters, then scoring criteria in order (ties go to the next)",
        parameters: [
            StrategyParameter("filters", .list(Filter.allCases.map(\.rawValue)), default: "no_stock",
                              "filters removing candidates, e.g. no_stock+misses_sla+cross_border"),
            StrategyParameter("criteria", .list(Criterion.allCases.map(\.rawValue)), default: "eta+cost",
                              "scoring criteria in order of precedence, e.g. eta+cost"),
            StrategyParameter("tie", .number(0...1), default: "0.01", "scores closer than this are a tie"),
        ],
        make: { parameters, _ in
            // Validated against the vocabularies by the registry, so every word maps.
            RuleChainRouting(filters: parameters.list("filters").compactMap(Filter.init(rawValue:)),
                             criteria: parameters.list("criteria").compactMap(Criterion.init(rawValue:)),
                             tie: parameters.number("tie"))
        })

    /// Creates the strategy.
    public init(filters: [Filter], criteria: [Criterion], tie: Double = 0.01) {
        self.filters = filters
        self.criteria = criteria
        self.tie = tie
    }

    func passes(_ candidate: Candidate, order: Order) -> Bool {
        for filter in filters {
            switch filter {
            case .missesSLA: if !candidate.meetsSLA { return false }
            case .crossBorder: if candidate.isCrossBorder { return false }
            case .notOnASL: if candidate.aslRank == Int.max { return false }
            case .noStock: if candidate.available < order.quantity { return false }
            case .refurbished: if candidate.condition == .refurbished { return false }
            }
        }
        return true
    }

    /// The score of `candidate` under `criterion`, 0…1 with 1 best.
    func score(_ candidate: Candidate, _ criterion: Criterion, order: Order, state: borrowing NetworkState) -> Double {
        switch criterion {
        case .eta: return 1 / (1 + max(0, candidate.eta - state.now) / 24)
        case .cost: return 1 / (1 + candidate.totalCost / 100)
        case .distance: return 1 / (1 + candidate.distanceKm / 500)
        case .excess:
            guard let slot = state.network.slot(location: candidate.source, part: order.part) else { return 0 }
            let target = state.network.stockSlots[slot].policy.targetLevel
            return min(1, max(0, Double(state.onHand(slot: slot) - target) / Double(max(1, target))))
        case .aslRank: return candidate.aslRank == Int.max ? 0 : 1 / (1 + Double(candidate.aslRank))
        case .condition: return candidate.condition == .refurbished ? 1 : 0
        }
    }

    func prefers(_ challenger: Candidate, over incumbent: Candidate, order: Order, state: borrowing NetworkState) -> Bool {
        for criterion in criteria {
            let a = score(challenger, criterion, order: order, state: state)
            let b = score(incumbent, criterion, order: order, state: state)
            if abs(a - b) > tie { return a > b }
        }
        return false
    }

    public mutating func route(_ order: Order, state: borrowing NetworkState, into plan: inout FulfilmentPlan) {
        var best: Candidate?
        let refurbishedAccepted = state.acceptsRefurbished(order)
        for source32 in state.sourcesByDistance(site: order.site) {
            let source = Int(source32)
            guard state.network.slot(location: source, part: order.part) != nil,
                  var candidate = state.evaluate(order, source: source, condition: .new)
            else { continue }
            for rawCondition in 0..<(refurbishedAccepted ? 2 : 1) {
                let condition = Condition(rawValue: rawCondition) ?? .new
                candidate.condition = condition
                candidate.available = state.onHand(location: source, part: order.part, condition: condition)
                guard passes(candidate, order: order) else { continue }
                if let incumbent = best, !prefers(candidate, over: incumbent, order: order, state: state) { continue }
                best = candidate
            }
        }
        plan.reason = .ruleChain
        guard let best else {
            plan.backorderLocation = state.nearestStockingLocation(for: order)
            plan.reason = .noStockBackordered
            return
        }
        let units = min(order.quantity, best.available)
        if units > 0 { plan.ship(from: best.source, condition: best.condition, mode: best.mode, quantity: units) }
        if units < order.quantity { plan.backorderLocation = best.source }
    }
}
