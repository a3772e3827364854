import CGSL
import FSLKernel
import FSLNetwork

/// The replenishment lead-time distribution of every stock slot, built once per distinct
/// specification: a network with millions of ASL entries usually has a handful of lead times.
struct LeadTimeTable {
    private let distributions: [Distribution]
    private let indexBySlot: [Int32]

    init(network: Network) {
        var distributions: [Distribution] = []
        var indexBySpec: [DistributionSpec: Int32] = [:]
        indexBySlot = network.stockSlots.map { slot in
            if let index = indexBySpec[slot.leadTime] { return index }
            let index = Int32(distributions.count)
            // Specs were validated when the scenario was loaded.
            distributions.append(try! Distribution(slot.leadTime))
            indexBySpec[slot.leadTime] = index
            return index
        }
        self.distributions = distributions
    }

    /// The index of `slot`'s distribution, for `sample(distribution:using:)`.
    func distributionIndex(slot: Int) -> Int { Int(indexBySlot[slot]) }

    /// A lead time drawn from distribution `index` with `rng` (kept alive by the caller).
    @inline(__always) func sample(distribution index: Int, using rng: UnsafeMutablePointer<gsl_rng>) -> Double {
        distributions[index].sample(using: rng)
    }

    /// A lead time for `slot` drawn from `rng` (a stream's generator, kept alive by the caller).
    @inline(__always) func sample(slot: Int, using rng: UnsafeMutablePointer<gsl_rng>) -> Double {
        distributions[Int(indexBySlot[slot])].sample(using: rng)
    }

    /// The lead-time distribution of `slot`.
    subscript(slot: Int) -> Distribution { distributions[Int(indexBySlot[slot])] }
}
