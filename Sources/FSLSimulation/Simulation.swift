import CGSL
import FSLKernel
import FSLNetwork

/// What a replication runs: its index, seed and run-length overrides.
public struct ReplicationSettings: Sendable {
    /// Replication index (0-based); with the master seed it determines every random stream.
    public var replication: Int
    /// The master seed.
    public var masterSeed: UInt64
    /// Length in hours.
    public var horizonHours: Double
    /// Warm-up discarded from metrics, hours.
    public var warmupHours: Double
    /// Whether to record the daily series.
    public var recordsDailySeries: Bool
    /// Whether supply left after a location's own backorders is offered to backorders of the
    /// same part waiting at other locations (network-wide re-evaluation).
    public var reevaluatesNetworkWide: Bool

    /// Settings from the network's defaults.
    public init(network: Network, replication: Int, masterSeed: UInt64? = nil, horizonHours: Double? = nil,
                warmupHours: Double? = nil, recordsDailySeries: Bool = false, reevaluatesNetworkWide: Bool? = nil) {
        self.replication = replication
        self.masterSeed = masterSeed ?? network.masterSeed
        self.horizonHours = horizonHours ?? network.horizonHours
        self.warmupHours = warmupHours ?? network.warmupHours
        self.recordsDailySeries = recordsDailySeries
        self.reevaluatesNetworkWide = reevaluatesNetworkWide ?? network.reevaluatesNetworkWide
    }
}

/// One replication of a network under a routing and an allocation strategy.
///
/// Generic over both strategies so that every call is statically dispatched: the hot loop has no
/// existential boxing. Random streams: `demand` (arrivals, sites, parts, quantities, urgency),
/// `lead-time/<location>` (replenishment), `repair` (returns, repair times, yields), `customs`.
/// The demand stream is consumed identically whatever the strategies do (common random numbers).
public struct Simulation<Routing: RoutingStrategy, Allocation: AllocationStrategy> {
    var state: NetworkState
    var routing: Routing
    var allocation: Allocation
    var calendar: EventCalendar<SimEvent>
    let settings: ReplicationSettings
    let demand: DemandGenerator
    let demandRandom: RandomStream
    let leadTimeRandom: [RandomStream]
    /// `leadTimeRandom[i].generator`, owned by those streams: a draw through a raw pointer
    /// retains and releases nothing.
    let leadTimeGenerators: [UnsafeMutablePointer<gsl_rng>]
    let repairRandom: RandomStream
    let customsRandom: RandomStream
    let leadTimes: LeadTimeTable
    /// Per slot: what a stock review reads.
    let reviews: [SlotReview]
    let customsDelays: [Distribution?]
    let repairDistributions: (returnDelay: Distribution, repairTime: Distribution)?
    var supplierNextFree: [Double]
    /// FSL replenishment requests waiting at a supplying location's slot: (requesting slot, units).
    var internalRequests: [[(slot: Int32, quantity: Int32)]]
    var openOrders = OpenOrderPool()
    var plan = FulfilmentPlan()
    var scratch: [Int32] = []
    var metrics: MetricsCollector
    var ledger: StockLedger
    var daily = DailySeries()
    var orderCount = 0
    /// Stock slots of each part, for transfers and network-wide re-evaluation.
    let slotsByPart: [[Int]]
    /// Units in lateral transfer towards each slot.
    var transferInbound: [Int32]
    /// The scenario's demand trace in time order (equal times keep their order).
    let tracedOrders: [TracedOrder]
    /// The trace being recorded, if tracing is on.
    public var trace: TraceRecorder?

    /// Prepares replication `settings.replication` of `network`.
    public init(network: Network, routing: Routing, allocation: Allocation, settings: ReplicationSettings,
                trace: TraceRecorder? = nil) {
        self.settings = settings
        self.trace = trace
        self.routing = routing
        self.allocation = allocation
        state = NetworkState(network: network)
        calendar = EventCalendar(capacity: 1024)
        demand = DemandGenerator(network: network)
        func stream(_ name: String) -> RandomStream {
            RandomStream(masterSeed: settings.masterSeed, replication: settings.replication, stream: name)
        }
        demandRandom = stream("demand")
        leadTimeRandom = network.locations.map { stream("lead-time/\($0.id)") }
        leadTimeGenerators = leadTimeRandom.map(\.generator)
        repairRandom = stream("repair")
        customsRandom = stream("customs")
        let leadTimes = LeadTimeTable(network: network)
        self.leadTimes = leadTimes
        reviews = SlotReview.table(network: network, leadTimes: leadTimes)
        // Specs were validated when the scenario was loaded.
        customsDelays = network.crossBorder.map { rule in rule.customsDelay.map { try! Distribution($0) } }
        repairDistributions = network.repair.map {
            (try! Distribution($0.returnDelay), try! Distribution($0.repairTime))
        }
        supplierNextFree = Array(repeating: 0, count: network.suppliers.count * network.parts.count)
        internalRequests = Array(repeating: [], count: network.stockSlots.count)
        var slotsByPart = Array(repeating: [Int](), count: network.parts.count)
        for (index, slot) in network.stockSlots.enumerated() { slotsByPart[slot.part].append(index) }
        self.slotsByPart = slotsByPart
        transferInbound = Array(repeating: 0, count: network.stockSlots.count)
        tracedOrders = network.demandTrace.enumerated()
            .sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(\.element)
        metrics = MetricsCollector(network: network, warmup: settings.warmupHours)
        let initial = network.stockSlots.map { $0.initialNew + $0.initialRefurbished }
        ledger = StockLedger(initial: initial, received: Array(repeating: 0, count: initial.count),
                             shipped: Array(repeating: 0, count: initial.count), ending: [])
        for slot in network.stockSlots {
            metrics.changeOnHand(location: slot.location, part: slot.part, by: slot.initialNew + slot.initialRefurbished)
        }
    }

    /// Runs the replication to its horizon and returns its metrics.
    public mutating func run() -> ReplicationResult {
        let horizon = settings.horizonHours
        for slot in state.network.stockSlots.indices { reviewStock(slot: slot) }
        if demand.hasDemand { calendar.schedule(at: demand.nextArrival(after: 0, demandRandom), .demandArrival) }
        if let first = tracedOrders.first { calendar.schedule(at: first.time, .tracedOrderArrival(index: 0)) }
        if settings.recordsDailySeries { calendar.schedule(at: 24, .dayEnd) }
        while let entry = calendar.next(before: horizon) {
            state.now = entry.time
            metrics.advance(to: entry.time)
            switch entry.payload {
            case .demandArrival:
                calendar.schedule(at: demand.nextArrival(after: entry.time, demandRandom), .demandArrival)
                if let drawn = demand.draw(at: entry.time, demandRandom) {
                    handleOrder(site: drawn.site, part: drawn.part, quantity: drawn.quantity, isUrgent: drawn.isUrgent)
                }
            case .tracedOrderArrival(let index):
                let order = tracedOrders[Int(index)]
                if Int(index) + 1 < tracedOrders.count {
                    calendar.schedule(at: tracedOrders[Int(index) + 1].time, .tracedOrderArrival(index: index + 1))
                }
                handleOrder(site: order.site, part: order.part, quantity: order.quantity, isUrgent: order.isUrgent)
            case .replenishmentArrival(let slot, let quantity):
                receive(slot: Int(slot), quantity: Int(quantity), condition: .new, wasOnOrder: true)
            case .transferArrival(let slot, let quantity, let condition):
                receive(slot: Int(slot), quantity: Int(quantity), condition: Condition(rawValue: Int(condition)) ?? .new,
                        wasOnOrder: true)
            case .lateralTransferArrival(let slot, let quantity):
                receiveLateralTransfer(slot: Int(slot), quantity: Int(quantity))
            case .returnArrival(let part):
                handleReturn(part: Int(part))
            case .repairDone(let part):
                handleRepaired(part: Int(part))
            case .dayEnd:
                recordDay()
                calendar.schedule(after: 24, .dayEnd)
            }
        }
        state.now = horizon
        metrics.advance(to: horizon)
        return finish(horizon: horizon)
    }

    private mutating func finish(horizon: Double) -> ReplicationResult {
        for (_, record) in openOrders.openRecords() {
            metrics.recordOutcome(record.order, home: record.home, delivered: nil, horizon: horizon)
        }
        let openUnits = Int(metrics.backorderUnits)
        recordOpenLines()
        ledger.ending = state.network.stockSlots.indices.map { state.onHand(slot: $0) }
        return ReplicationResult(
            replication: settings.replication, seed: settings.masterSeed,
            metrics: metrics.values(events: calendar.eventsExecuted, horizon: horizon, openBackorderUnits: openUnits),
            daily: daily.points(network: state.network), ledger: ledger, trace: trace)
    }
}
