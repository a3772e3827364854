import Testing
@testable import FSLSimulation

/// The radix sort behind the delivery-time percentiles returns exactly what `sorted()` does.
@Suite struct SortedAscendingTests {
    @Test(arguments: [0, 1, 100, 4097, 50_000])
    func matchesSorted(_ count: Int) {
        var state: UInt64 = 0x1234_5678
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(Int64(bitPattern: state) >> 11) / Double(1 << 40)
        }
        var values = (0..<count).map { _ in next() }
        if count > 10 {
            values[3] = 0; values[5] = .infinity; values[7] = -.infinity; values[9] = values[2]
            values[10] = .leastNonzeroMagnitude
        }
        #expect(MetricsCollector.sortedAscending(values) == values.sorted())
        let nonNegative = values.map { abs($0) }
        #expect(MetricsCollector.sortedAscending(nonNegative) == nonNegative.sorted())
    }
}
