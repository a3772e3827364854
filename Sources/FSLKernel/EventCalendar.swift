/// Identifies one scheduled event so it can be cancelled.
public struct EventID: Hashable, Sendable {
    /// The event's insertion sequence number.
    public let sequence: UInt64
    @inlinable init(sequence: UInt64) { self.sequence = sequence }
}

/// The future event list of a discrete-event simulation: a 4-ary min-heap over a contiguous
/// array, ordered by (time, insertion sequence).
///
/// Events at equal times fire in the order they were scheduled, always. The payload is a small
/// value type chosen by the simulation (an enum with integer payloads), so the hot loop makes no
/// allocation per event once the array has grown to the peak population.
///
/// `next(before:)` leaves the fired entry in place and remembers it: if the handler then schedules
/// an event, that event replaces the fired entry with a single sift-down (the replace-top
/// optimisation of the hold model); otherwise the entry is removed on the next call.
///
/// Horizon rule: `next(before: horizon)` fires only events strictly earlier than the horizon;
/// events at exactly the horizon stay pending and the clock does not pass the horizon.
///
/// Complexity: schedule O(log₄ n), next O(log₄ n) amortised, cancel O(1) (lazy: a cancelled
/// entry is skipped when it reaches the top).
public struct EventCalendar<Payload> {
    /// One pending event.
    public struct Entry {
        /// When the event fires, in simulated hours.
        public var time: SimTime
        /// The insertion sequence number that breaks ties between equal times.
        public var sequence: UInt64
        /// What happens.
        public var payload: Payload

        @inlinable init(time: SimTime, sequence: UInt64, payload: Payload) {
            self.time = time
            self.sequence = sequence
            self.payload = payload
        }

        @inlinable func isBefore(_ other: Entry) -> Bool {
            time < other.time || (time == other.time && sequence < other.sequence)
        }
    }

    @usableFromInline var heap: ContiguousArray<Entry> = []
    @usableFromInline var topWasFired = false
    @usableFromInline var nextSequence: UInt64 = 0
    @usableFromInline var cancelled: Set<UInt64> = []

    @usableFromInline var currentTime: SimTime
    @usableFromInline var firedCount: Int = 0

    /// The current simulated time: the time of the last event fired.
    @inlinable public var now: SimTime { currentTime }
    /// Number of events fired so far (cancelled events are not counted).
    @inlinable public var eventsExecuted: Int { firedCount }

    /// Creates an empty calendar whose clock starts at `start`.
    /// - Parameter capacity: expected peak number of pending events, reserved up front.
    public init(start: SimTime = 0, capacity: Int = 0) {
        currentTime = start
        heap.reserveCapacity(capacity)
    }

    /// Number of pending events, including cancelled ones not yet skipped.
    @inlinable public var pendingCount: Int { heap.count - (topWasFired ? 1 : 0) }

    /// Whether no event is pending.
    @inlinable public var isEmpty: Bool { pendingCount == 0 }
}

extension EventCalendar {
    /// Schedules `payload` at absolute time `time`.
    ///
    /// - Precondition: `time >= now` and `time` is finite: the past cannot be scheduled.
    /// - Returns: an identifier for `cancel(_:)`.
    @inlinable @discardableResult
    public mutating func schedule(at time: SimTime, _ payload: Payload) -> EventID {
        precondition(time >= now && time.isFinite, "event scheduled in the past or at a non-finite time")
        let entry = Entry(time: time, sequence: nextSequence, payload: payload)
        nextSequence &+= 1
        if topWasFired {
            topWasFired = false
            siftDown(from: 0, entry)
        } else {
            siftUp(entry)
        }
        return EventID(sequence: entry.sequence)
    }

    /// Schedules `payload` after `delay` hours from now.
    @inlinable @discardableResult
    public mutating func schedule(after delay: SimTime, _ payload: Payload) -> EventID {
        schedule(at: now + delay, payload)
    }

    /// Cancels a pending event. Cancelling an event that already fired or was cancelled does
    /// nothing.
    public mutating func cancel(_ id: EventID) {
        if id.sequence < nextSequence { cancelled.insert(id.sequence) }
    }

    /// Fires the earliest pending event if it is strictly before `horizon`: advances the clock to
    /// its time and returns it. Returns nil (and leaves the event pending) otherwise.
    @inlinable
    public mutating func next(before horizon: SimTime = .infinity) -> Entry? {
        discardFiredTop()
        if !cancelled.isEmpty { skipCancelled() }
        guard let first = heap.first, first.time < horizon else { return nil }
        topWasFired = true
        currentTime = first.time
        firedCount &+= 1
        return first
    }

    /// The earliest pending event, without firing it.
    @inlinable
    public mutating func peek() -> Entry? {
        discardFiredTop()
        if !cancelled.isEmpty { skipCancelled() }
        return heap.first
    }

    /// Advances the clock to `time` without firing anything (used to close a run at its horizon).
    /// - Precondition: no pending event is earlier than `time`.
    public mutating func advance(to time: SimTime) {
        precondition(time >= now, "the clock cannot go back")
        if let first = peek() { precondition(first.time >= time, "advance would skip a pending event") }
        currentTime = time
    }
}

extension EventCalendar {
    @inlinable mutating func discardFiredTop() {
        guard topWasFired else { return }
        topWasFired = false
        let last = heap.removeLast()
        if !heap.isEmpty { siftDown(from: 0, last) }
    }

    @usableFromInline mutating func skipCancelled() {
        while let first = heap.first, cancelled.remove(first.sequence) != nil {
            let last = heap.removeLast()
            if !heap.isEmpty { siftDown(from: 0, last) }
        }
    }

    /// Moves a hole up from the end instead of swapping.
    @inlinable mutating func siftUp(_ entry: Entry) {
        heap.append(entry)
        heap.withUnsafeMutableBufferPointer { h in
            var i = h.count - 1
            while i > 0 {
                let parent = (i - 1) >> 2
                if !entry.isBefore(h[parent]) { break }
                h[i] = h[parent]
                i = parent
            }
            h[i] = entry
        }
    }

    /// Moves a hole down from `start` and drops `entry` where it belongs.
    @inlinable mutating func siftDown(from start: Int, _ entry: Entry) {
        heap.withUnsafeMutableBufferPointer { h in
            let n = h.count
            var i = start
            while true {
                let firstChild = 4 &* i &+ 1
                if firstChild >= n { break }
                var best = firstChild
                let end = min(firstChild &+ 4, n)
                var k = firstChild &+ 1
                while k < end {
                    if h[k].isBefore(h[best]) { best = k }
                    k &+= 1
                }
                if !h[best].isBefore(entry) { break }
                h[i] = h[best]
                i = best
            }
            h[i] = entry
        }
    }

    /// Checks the heap property; used by tests and debug builds.
    public func isHeapOrdered() -> Bool {
        heap.indices.dropFirst().allSatisfy { !heap[$0].isBefore(heap[($0 - 1) >> 2]) }
    }
}
