import Testing
@testable import FSLKernel

@Suite struct EventCalendarTests {
    @Test func firesInTimeOrderAgainstSortedReference() {
        var calendar = EventCalendar<Int>()
        var state: UInt64 = 42
        var reference: [(Double, Int)] = []
        for i in 0..<5_000 {
            state = StreamSeed.mix(state)
            let time = Double(state % 1_000) / 10  // many ties on purpose
            calendar.schedule(at: time, i)
            reference.append((time, i))
        }
        reference.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
        var fired: [(Double, Int)] = []
        while let entry = calendar.next() { fired.append((entry.time, entry.payload)) }
        #expect(fired.map(\.1) == reference.map(\.1))
        #expect(calendar.eventsExecuted == 5_000)
    }

    @Test func equalTimesFireInSchedulingOrder() {
        var calendar = EventCalendar<String>()
        for name in ["a", "b", "c", "d", "e", "f"] { calendar.schedule(at: 3, name) }
        calendar.schedule(at: 1, "first")
        var order: [String] = []
        while let entry = calendar.next() { order.append(entry.payload) }
        #expect(order == ["first", "a", "b", "c", "d", "e", "f"])
    }

    @Test func handlerSchedulingReplacesTopAndKeepsOrder() {
        // The hold model: each fired event schedules one successor. Compare against a plain
        // sorted-array simulation of the same process.
        var calendar = EventCalendar<Int>()
        var reference: [(time: Double, seq: Int, id: Int)] = []
        var seq = 0
        for id in 0..<200 {
            let time = Double((id * 7919) % 200)
            calendar.schedule(at: time, id)
            reference.append((time, seq, id)); seq += 1
        }
        var firedCalendar: [Int] = []
        var firedReference: [Int] = []
        for step in 0..<2_000 {
            let delay = Double((step * 104_729) % 97) / 3
            guard let entry = calendar.next() else { break }
            firedCalendar.append(entry.payload)
            if step % 5 != 0 { calendar.schedule(after: delay, entry.payload) }  // sometimes none
            #expect(calendar.isHeapOrdered())

            reference.sort { $0.time < $1.time || ($0.time == $1.time && $0.seq < $1.seq) }
            let top = reference.removeFirst()
            firedReference.append(top.id)
            if step % 5 != 0 { reference.append((top.time + delay, seq, top.id)); seq += 1 }
            else { seq += 0 }
        }
        #expect(firedCalendar == firedReference)
    }

    @Test func cancelledEventsNeverFire() {
        var calendar = EventCalendar<Int>()
        var ids: [EventID] = []
        for i in 0..<100 { ids.append(calendar.schedule(at: Double(i), i)) }
        for i in stride(from: 0, to: 100, by: 3) { calendar.cancel(ids[i]) }
        var fired: [Int] = []
        while let entry = calendar.next() { fired.append(entry.payload) }
        #expect(fired == (0..<100).filter { $0 % 3 != 0 })
        #expect(calendar.eventsExecuted == fired.count)
    }

    @Test func horizonIsExclusiveAndClockStopsThere() {
        var calendar = EventCalendar<Int>()
        calendar.schedule(at: 5, 1)
        calendar.schedule(at: 10, 2)
        calendar.schedule(at: 12, 3)
        var fired: [Int] = []
        while let entry = calendar.next(before: 10) { fired.append(entry.payload) }
        #expect(fired == [1])
        #expect(calendar.now == 5)
        calendar.advance(to: 10)
        #expect(calendar.now == 10)
        #expect(calendar.pendingCount == 2)
        #expect(calendar.next()?.payload == 2)
    }

    @Test func scheduleAfterUsesTheCurrentClock() {
        var calendar = EventCalendar<Int>(start: 100)
        calendar.schedule(after: 2.5, 7)
        let entry = calendar.next()
        #expect(entry?.time == 102.5)
        #expect(calendar.now == 102.5)
    }
}
