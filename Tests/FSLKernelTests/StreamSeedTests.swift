import Testing
@testable import FSLKernel

@Suite struct StreamSeedTests {
    @Test func fnv1aMatchesPublishedVectors() {
        #expect(StreamSeed.fnv1a("") == 0xcbf2_9ce4_8422_2325)
        #expect(StreamSeed.fnv1a("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(StreamSeed.fnv1a("foobar") == 0x8594_4171_f739_67e8)
    }

    @Test func derivedSeedsAreDistinctAcrossManyStreams() {
        var seen = Set<UInt64>()
        for replication in 0..<20 {
            for stream in 0..<5_000 {
                seen.insert(StreamSeed.derive(masterSeed: 1, replication: replication, stream: "demand/\(stream)"))
            }
        }
        #expect(seen.count == 100_000)
    }

    @Test func sameSeedGivesTheSameSequence() {
        let a = RandomStream(masterSeed: 7, replication: 3, stream: "lead-time")
        let b = RandomStream(masterSeed: 7, replication: 3, stream: "lead-time")
        let first = (0..<1_000).map { _ in a.uniform() }
        let second = (0..<1_000).map { _ in b.uniform() }
        #expect(first == second)
    }

    @Test func seedsDifferingOnlyInHighBitsGiveDifferentSequences() {
        // gsl_rng_set would keep only the low 32 bits; the full-state fill must not.
        let low = RandomStream(seed: 0x0000_0000_1234_5678)
        let high = RandomStream(seed: 0xFFFF_0000_1234_5678)
        let a = (0..<16).map { _ in low.uniform() }
        let b = (0..<16).map { _ in high.uniform() }
        #expect(a != b)
    }

    @Test func replicationsAndStreamsAreIndependentOfEachOther() {
        let base = StreamSeed.derive(masterSeed: 1, replication: 0, stream: "x")
        #expect(base != StreamSeed.derive(masterSeed: 1, replication: 1, stream: "x"))
        #expect(base != StreamSeed.derive(masterSeed: 2, replication: 0, stream: "x"))
        #expect(base != StreamSeed.derive(masterSeed: 1, replication: 0, stream: "y"))
    }

    @Test func uniformDrawsLookUniform() {
        let stream = RandomStream(seed: 99)
        var counts = [Int](repeating: 0, count: 10)
        let n = 100_000
        for _ in 0..<n { counts[Int(stream.uniform() * 10)] += 1 }
        // Chi-square with 9 degrees of freedom: the 99.9% quantile is 27.88.
        let expected = Double(n) / 10
        let chiSquare = counts.map { (Double($0) - expected) * (Double($0) - expected) / expected }.reduce(0, +)
        #expect(chiSquare < 27.88)
    }
}
