import FSLKernel
import FSLNetwork
@testable import FSLSimulation
import FSLStrategies
import TestSupport

/// Direct access to strategies: a `NetworkState` at a chosen time with the network's initial
/// stock, orders with explicit deadlines, and backorders placed by hand.
struct StrategyHarness {
    var state: NetworkState
    private var orderNumber = 0

    init(_ network: Network, now: Double = 10) {
        state = NetworkState(network: network)
        state.now = now
    }

    var network: Network { state.network }

    /// An order from `site` for `quantity` units due `slaHours` from now.
    func order(site: Int = 0, quantity: Int = 1, slaHours: Double = 24, isUrgent: Bool = true) -> Order {
        Order(number: 0, site: site, part: 0, quantity: quantity, isUrgent: isUrgent,
              contract: network.sites[site].contract, createdAt: state.now, deadline: state.now + slaHours)
    }

    /// The plan the registered routing strategy `name` with `parameters` makes for `order`.
    func route(_ name: String, _ parameters: [(key: String, value: String)] = [], _ order: Order) throws -> FulfilmentPlan {
        var strategy = try StrategyRegistry.makeRouting(StrategyChoice(name: name, parameters: parameters), network: network)
        var plan = FulfilmentPlan()
        strategy.route(order, state: state, into: &plan)
        return plan
    }

    /// Location ids of the plan's lines, in order.
    func sources(_ plan: FulfilmentPlan) -> [String] { plan.lines.map { network.locations[$0.source].id } }

    /// Location id where the plan backorders, if it does.
    func backorderAt(_ plan: FulfilmentPlan) -> String? { plan.backorderLocation.map { network.locations[$0].id } }

    /// Places a backorder of `quantity` units from `site` waiting at `slot` since `since`.
    @discardableResult
    mutating func addBackorder(site: Int, since: Double, deadline: Double, isUrgent: Bool = true, quantity: Int = 1,
                               slot: Int = 0) -> Int32 {
        orderNumber += 1
        let order = Order(number: orderNumber, site: site, part: network.stockSlots[slot].part, quantity: quantity,
                          isUrgent: isUrgent, contract: network.sites[site].contract, createdAt: since, deadline: deadline)
        let id = state.backorderPool.insert(Backorder(order: order, quantity: quantity,
                                                      location: network.stockSlots[slot].location, since: since))
        state.pending[slot].append(id)
        return id
    }

    /// The registered allocation strategy `name` with `parameters`.
    func allocation(_ name: String, _ parameters: [(key: String, value: String)] = []) throws -> any AllocationStrategy {
        try StrategyRegistry.makeAllocation(StrategyChoice(name: name, parameters: parameters), network: network)
    }

    /// The site id of the backorder `strategy` picks at `slot` (nil = hold).
    func pick(_ strategy: inout some AllocationStrategy, slot: Int = 0) -> String? {
        let pending = state.pendingBackorders(slot: slot)
        return strategy.choose(pending: pending, slot: slot, state: state).map {
            network.sites[state.backorder(pending[$0]).order.site].id
        }
    }

    /// Lets `strategy` release `count` times, removing each pick as the simulation would; the
    /// site ids in release order.
    mutating func releaseSequence(_ strategy: inout some AllocationStrategy, count: Int, slot: Int = 0) -> [String] {
        var picked: [String] = []
        for _ in 0..<count {
            let pending = state.pendingBackorders(slot: slot)
            guard let position = strategy.choose(pending: pending, slot: slot, state: state) else { break }
            picked.append(network.sites[state.backorder(pending[position]).order.site].id)
            state.pending[slot].remove(at: position)
        }
        return picked
    }
}
