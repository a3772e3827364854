import FSLKernel
import FSLNetwork

/// The live state of the network during a replication, read-only to strategies: stock by
/// condition, pipeline, backorders, the clock, and the shared candidate evaluator.
///
/// Per stock slot (see `Network.slot(location:part:)`) the counts live in flat arrays.
public struct NetworkState {
    /// The network being simulated.
    public let network: Network
    /// The current simulated time.
    public internal(set) var now: Double = 0

    /// The counters of each slot in one 16-byte record: a stock review reads all four, and in
    /// four parallel arrays that cost four cache misses per slot at a million slots.
    @usableFromInline var counts: [SlotCounts]
    /// Backordered units at each slot whose orders cannot take refurbished units (rarely non-zero,
    /// so kept apart from the counters a review reads every time).
    @usableFromInline var newOnlyBackorderedUnits: [Int32]
    /// Backorder ids waiting at each slot, oldest first.
    var pending: [[Int32]]
    var backorderPool = BackorderPool()

    /// Customer-serving locations sorted by distance from each site (`site * sourceCount + k`).
    @usableFromInline let sourcesBySite: [Int32]
    /// Number of customer-serving locations.
    public let sourceCount: Int
    /// Mean customs delay in hours per country pair (origin * countries + destination).
    @usableFromInline let customsMeanHours: [Double]
    /// Mean local demand in units per hour per slot (sites whose nearest source is the slot's location).
    public let localDemandPerHour: [Double]
    /// Each location's shipping calendar behind a class reference, so that a departure query
    /// borrows it: called on `network.locations[i].calendar` it copied the calendar (four
    /// retains and releases of its arrays) twice per order.
    @usableFromInline let calendars: [CalendarReference]
    /// Units on hand by (part, location), part-major (`part * locations + location`), 0 where the
    /// part is not stocked: mirrors of `onHandNew` and `onHandRefurbished`, kept in step by
    /// `add(new:refurbished:slot:location:part:)`, so that a scan of one part's sources reads one
    /// short contiguous row instead of missing the cache once per location.
    @usableFromInline var newByPartLocation: [Int32]
    @usableFromInline var refurbishedByPartLocation: [Int32]
    /// Units on hand of each part over all locations, by condition (sums of the mirrors' rows):
    /// when no location has any, a stocked-out order needs no scan at all.
    @usableFromInline var newByPart: [Int]
    @usableFromInline var refurbishedByPart: [Int]
    /// Per (location, mode), `location * modes + mode`: the shortcut through `departure` for the
    /// common calendar (see `DepartureShortcut`).
    @usableFromInline let departureShortcuts: [DepartureShortcut]

    init(network: Network) {
        self.network = network
        let slots = network.stockSlots
        counts = slots.map {
            SlotCounts(onHandNew: Int32($0.initialNew), onHandRefurbished: Int32($0.initialRefurbished), onOrder: 0, backordered: 0)
        }
        newOnlyBackorderedUnits = Array(repeating: 0, count: slots.count)
        pending = Array(repeating: [], count: slots.count)
        let sources = network.locations.indices.filter { network.locations[$0].kind != .repairDepot }
        sourceCount = sources.count
        var sorted: [Int32] = []
        sorted.reserveCapacity(network.sites.count * sources.count)
        for site in network.sites.indices {
            let order = sources.sorted {
                let a = network.distanceKm(site: site, location: $0), b = network.distanceKm(site: site, location: $1)
                return a < b || (a == b && $0 < $1)
            }
            sorted += order.map { Int32($0) }
        }
        sourcesBySite = sorted
        customsMeanHours = network.crossBorder.map { $0.customsDelay?.mean ?? 0 }
        localDemandPerHour = NetworkState.localDemand(network: network, nearest: sorted, sourceCount: sources.count)
        calendars = network.locations.map { CalendarReference($0.calendar) }
        var newMirror = Array(repeating: Int32(0), count: network.locations.count * network.parts.count)
        var refurbishedMirror = newMirror
        for slot in slots {
            newMirror[slot.part * network.locations.count + slot.location] = Int32(slot.initialNew)
            refurbishedMirror[slot.part * network.locations.count + slot.location] = Int32(slot.initialRefurbished)
        }
        var newTotals = Array(repeating: 0, count: network.parts.count), refurbishedTotals = newTotals
        for slot in slots {
            newTotals[slot.part] += slot.initialNew
            refurbishedTotals[slot.part] += slot.initialRefurbished
        }
        newByPart = newTotals
        refurbishedByPart = refurbishedTotals
        newByPartLocation = newMirror
        refurbishedByPartLocation = refurbishedMirror
        departureShortcuts = network.locations.flatMap { location in
            network.modes.indices.map { DepartureShortcut(calendar: location.calendar, mode: $0, dispatch: network.modes[$0].dispatch) }
        }
    }

    /// When a unit ready at `ready` at `location` leaves by `mode`
    /// (`ShippingCalendar.departure` with the mode's dispatch rule), or nil when the mode is not
    /// offered there.
    @inlinable func departure(location: Int, readyAt ready: Double, mode: Int) -> Double? {
        if let ready = departureShortcuts[location * network.modes.count + mode].leavesAtOnce(readyAt: ready) {
            return ready
        }
        return calendars[location].departure(readyAt: ready, mode: mode, dispatch: network.modes[mode].dispatch)
    }

    /// Mean units per hour of each slot's local demand: a site's demand counts at its nearest
    /// customer-serving location. Aggregated by location first, so the cost is
    /// O(families × (sites + locations × parts)).
    private static func localDemand(network: Network, nearest: [Int32], sourceCount: Int) -> [Double] {
        var rates = Array(repeating: 0.0, count: network.stockSlots.count)
        guard sourceCount > 0 else { return rates }
        for stream in network.demand {
            let siteTotal = stream.siteWeights.reduce(0, +), partTotal = stream.partWeights.reduce(0, +)
            let unitsPerHour = stream.ordersPerDay * stream.quantity.mean / 24
            var shareByLocation = Array(repeating: 0.0, count: network.locations.count)
            for (site, siteWeight) in zip(stream.sites, stream.siteWeights) {
                shareByLocation[Int(nearest[site * sourceCount])] += siteWeight / siteTotal
            }
            for (location, share) in shareByLocation.enumerated() where share > 0 {
                for (part, partWeight) in zip(stream.parts, stream.partWeights) {
                    if let slot = network.slot(location: location, part: part) {
                        rates[slot] += unitsPerHour * share * partWeight / partTotal
                    }
                }
            }
        }
        return rates
    }
}

extension NetworkState {
    /// Units of `part` on hand at `location` in `condition` (0 when not stocked there).
    @inlinable public func onHand(location: Int, part: Int, condition: Condition) -> Int {
        guard let slot = network.slot(location: location, part: part) else { return 0 }
        return Int(condition == .new ? counts[slot].onHandNew : counts[slot].onHandRefurbished)
    }

    /// Units on hand at a slot, both conditions.
    @inlinable public func onHand(slot: Int) -> Int { Int(counts[slot].onHandNew + counts[slot].onHandRefurbished) }

    /// Units on order for a slot.
    @inlinable public func onOrder(slot: Int) -> Int { Int(counts[slot].onOrder) }

    /// Units backordered at a slot.
    @inlinable public func backordered(slot: Int) -> Int { Int(counts[slot].backordered) }

    /// Inventory position of a slot: on hand + on order − backorders.
    @inlinable public func inventoryPosition(slot: Int) -> Int {
        Int(counts[slot].onHandNew + counts[slot].onHandRefurbished + counts[slot].onOrder - counts[slot].backordered)
    }

    /// The position the stock policy reviews: the inventory position, less the new-only
    /// backorders (orders that cannot take refurbished units) that new stock on hand and on order
    /// does not cover. Refurbished units on the shelf count in the inventory position but can never
    /// fill those backorders; without this correction they would stop the policy from ordering the
    /// new units the backorders wait for.
    @inlinable public func reorderPosition(slot: Int) -> Int {
        // New-only backorders are a subset of the slot's backorders: none waiting, nothing to read.
        guard counts[slot].backordered > 0 else { return inventoryPosition(slot: slot) }
        let uncoveredNewOnly = Int(newOnlyBackorderedUnits[slot]) - Int(counts[slot].onHandNew + counts[slot].onOrder)
        return inventoryPosition(slot: slot) - max(0, uncoveredNewOnly)
    }

    /// Whether `order` may take refurbished units (part and contract both allow it).
    @inlinable public func acceptsRefurbished(_ order: Order) -> Bool {
        network.parts[order.part].refurbishedSubstitutes && network.contracts[order.contract].refurbishedAllowed
    }

    /// Units at `location` that could fill `order`: new, plus refurbished where accepted.
    @inlinable public func usableStock(location: Int, for order: Order) -> Int {
        guard let slot = network.slot(location: location, part: order.part) else { return 0 }
        return Int(counts[slot].onHandNew) + (acceptsRefurbished(order) ? Int(counts[slot].onHandRefurbished) : 0)
    }

    /// The condition to ship from `location`: new first, refurbished when no new and accepted.
    @inlinable public func defaultCondition(location: Int, for order: Order) -> Condition {
        onHand(location: location, part: order.part, condition: .new) > 0 ? .new : .refurbished
    }

    /// Customer-serving locations ordered by distance from `site` (nearest first).
    @inlinable public func sourcesByDistance(site: Int) -> ArraySlice<Int32> {
        sourcesBySite[(site * sourceCount)..<((site + 1) * sourceCount)]
    }

    /// The first customer-serving location, from position `start` of `sourcesByDistance(site:)`
    /// on, holding at least `minimumUsable` (and at least one) units that could fill `order` (new,
    /// plus refurbished where accepted): its position and location, or nil when there is none.
    ///
    /// The same test as `usableStock(location:for:)` per source, in a tight loop over the
    /// part-major mirrors: a stocked-out order scans every source, unless the part has too few
    /// units in the whole network (O(1)). Complexity: O(sources).
    @inlinable public func firstSourceWithStock(for order: Order, from start: Int, minimumUsable: Int)
        -> (position: Int, location: Int)? {
        let accepts = acceptsRefurbished(order)
        let minimum = max(1, minimumUsable)
        // Counts are never negative: no location can hold more than the part's total.
        guard newByPart[order.part] + (accepts ? refurbishedByPart[order.part] : 0) >= minimum else { return nil }
        let base = order.site * sourceCount, count = sourceCount
        let row = order.part * network.locations.count
        return sourcesBySite.withUnsafeBufferPointer { sources in
            newByPartLocation.withUnsafeBufferPointer { new in
                refurbishedByPartLocation.withUnsafeBufferPointer { refurbished in
                    var position = start
                    while position < count {
                        let location = Int(sources[base &+ position])
                        let usable = Int(new[row &+ location]) + (accepts ? Int(refurbished[row &+ location]) : 0)
                        if usable >= minimum { return (position, location) }
                        position &+= 1
                    }
                    return nil
                }
            }
        }
    }

    /// Changes the units on hand at `slot` (of `part` at `location`) by `new` and `refurbished`,
    /// in the per-slot arrays and their part-major mirrors. Every on-hand change goes through here.
    @inline(__always) mutating func add(new: Int32 = 0, refurbished: Int32 = 0, slot: Int, location: Int, part: Int) {
        let mirror = part * network.locations.count + location
        if new != 0 {
            counts[slot].onHandNew += new
            newByPartLocation[mirror] += new
            newByPart[part] += Int(new)
        }
        if refurbished != 0 {
            counts[slot].onHandRefurbished += refurbished
            refurbishedByPartLocation[mirror] += refurbished
            refurbishedByPart[part] += Int(refurbished)
        }
    }

    /// The backorders waiting at a slot, oldest first (ids for `backorder(_:)`).
    public func pendingBackorders(slot: Int) -> [Int32] { pending[slot] }

    /// A waiting backorder.
    public func backorder(_ id: Int32) -> Backorder { backorderPool[id] }
}

/// Units of one stock slot: on hand by condition, on order, backordered.
@usableFromInline struct SlotCounts {
    @usableFromInline var onHandNew: Int32
    @usableFromInline var onHandRefurbished: Int32
    @usableFromInline var onOrder: Int32
    @usableFromInline var backordered: Int32

    @usableFromInline init(onHandNew: Int32, onHandRefurbished: Int32, onOrder: Int32, backordered: Int32) {
        self.onHandNew = onHandNew
        self.onHandRefurbished = onHandRefurbished
        self.onOrder = onOrder
        self.backordered = backordered
    }
}

/// `ShippingCalendar.departure` for a calendar that ships every weekday and has no holidays, one
/// UTC offset for the whole period and immediate dispatch by the mode: a unit ready within the
/// opening hours of its local day leaves at once. The same arithmetic in the same order as
/// `LocalClock.localDayAndHour` and the first iteration of `departure`, so the answer is
/// bit-identical; in a trivial struct, so no class reference is retained and no calendar scanned.
@usableFromInline struct DepartureShortcut {
    @usableFromInline let isApplicable: Bool
    @usableFromInline let startEpochHours: Double
    @usableFromInline let offsetHours: Double
    @usableFromInline let opensAtHour: Double
    @usableFromInline let cutoffHour: Double

    init(calendar: ShippingCalendar, mode: Int, dispatch: DispatchRule) {
        let cutoff = mode < calendar.cutoffHours.count ? calendar.cutoffHours[mode] : nil
        let offset = calendar.clock.constantOffsetHours
        isApplicable = cutoff != nil && offset != nil && dispatch == .immediate
            && calendar.operatingWeekdays & 0b111_1111 == 0b111_1111 && calendar.holidays.isEmpty
        startEpochHours = calendar.clock.startEpochHours
        offsetHours = offset ?? 0
        opensAtHour = calendar.opensAtHour
        cutoffHour = cutoff ?? 0
    }

    /// `ready` when the unit leaves at once, nil when the full calendar must decide.
    @inlinable func leavesAtOnce(readyAt ready: Double) -> Double? {
        guard isApplicable else { return nil }
        let local = startEpochHours + ready + offsetHours
        let day = (local / 24).rounded(.down)
        let hour = local - day * 24
        return hour <= cutoffHour && hour >= opensAtHour ? ready : nil
    }
}

/// An immutable shipping calendar shared by reference (see `NetworkState.calendars`).
@usableFromInline final class CalendarReference {
    @usableFromInline let calendar: ShippingCalendar
    init(_ calendar: ShippingCalendar) { self.calendar = calendar }

    /// `calendar.departure(...)`, reading the immutable calendar in place.
    @usableFromInline func departure(readyAt ready: Double, mode: Int, dispatch: DispatchRule) -> Double? {
        calendar.departure(readyAt: ready, mode: mode, dispatch: dispatch)
    }
}
