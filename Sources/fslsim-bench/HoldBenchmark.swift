import FSLKernel

/// The classic hold model for event calendars, with the protocol of `shared/bench/hold_cpp.cpp`:
/// fill the calendar with `pending` events (time ~ U(0,1)·pending), then time `ops` holds: fire
/// the earliest event and schedule one successor at its time plus an exponential increment taken
/// from a pre-generated table (2^20 entries, cycled), so random-number cost is excluded.
struct HoldBenchmark {
    /// The same 8-byte payload as the C++ reference.
    struct Payload { var a: UInt32; var b: UInt32 }

    let pending: Int
    let ops: Int

    func run() -> (seconds: Double, checksum: Double) {
        let mask = (1 << 20) - 1
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func unit() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            return Double(StreamSeed.mix(state &- 0x9E37_79B9_7F4A_7C15) >> 11) * (1.0 / 9_007_199_254_740_992.0)
        }
        var increments = [Double](repeating: 0, count: mask + 1)
        for i in increments.indices { increments[i] = -(1 - unit()).logarithm }
        var calendar = EventCalendar<Payload>(capacity: pending + 1)
        for _ in 0..<pending { calendar.schedule(at: unit() * Double(pending), Payload(a: 0, b: 0)) }
        var checksum = 0.0
        let clock = ContinuousClock()
        let start = clock.now
        increments.withUnsafeBufferPointer { table in
            for k in 0..<ops {
                let entry = calendar.next().unsafelyUnwrapped
                checksum += entry.time
                calendar.schedule(at: entry.time + table[k & mask], entry.payload)
            }
        }
        let elapsed = clock.now - start
        return (elapsed.seconds, checksum)
    }
}

extension Duration {
    /// The duration in seconds as a Double.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}

extension Double {
    var logarithm: Double { Foundation.log(self) }
}

import Foundation
