import CGSL
import FSLKernel
import FSLNetwork

/// Generates customer orders from the scenario's demand families with one random stream.
///
/// All families are superposed into one Poisson process whose rate is the sum of the families'
/// peak rates; each arrival picks a family by its peak rate and is kept with probability
/// (current rate / peak rate) (Lewis–Shedler thinning), which realises weekly patterns and
/// trends exactly. Site and part are then drawn from the family's alias tables.
struct DemandGenerator {
    private struct Family {
        var stream: DemandStream
        var sites: DiscreteTable
        var parts: DiscreteTable
        var quantity: Distribution?
        var peakMultiplier: Double
        var isModulated: Bool
    }

    private let families: [Family]
    private let familyTable: DiscreteTable
    // The GSL alias tables of `familyTable` and of each family's sites and parts, owned by those
    // `DiscreteTable`s: drawn through raw pointers, an order retains no table.
    private let familyAlias: UnsafeMutablePointer<gsl_ran_discrete_t>
    private let siteAliases: [UnsafeMutablePointer<gsl_ran_discrete_t>]
    private let partAliases: [UnsafeMutablePointer<gsl_ran_discrete_t>]
    /// Peak arrivals per hour over all families.
    private let peakRatePerHour: Double
    private let startWeekdayOffset: Int
    private let horizonHours: Double

    init(network: Network) {
        horizonHours = network.horizonHours
        let startDay = Int((network.start.timeIntervalSince1970 / 86_400).rounded(.down))
        startWeekdayOffset = startDay
        var families: [Family] = []
        for stream in network.demand {
            let patternPeak = stream.weeklyPattern.max() ?? 1
            let trendPeak = max(1, 1 + stream.trendPerYear * network.horizonHours / Hours.perYear)
            var quantity: Distribution?
            if case .distribution(let spec) = stream.quantity { quantity = try? Distribution(spec) }
            families.append(Family(
                stream: stream,
                sites: DiscreteTable(values: stream.sites.map(Double.init), weights: stream.siteWeights),
                parts: DiscreteTable(values: stream.parts.map(Double.init), weights: stream.partWeights),
                quantity: quantity, peakMultiplier: patternPeak * trendPeak,
                isModulated: stream.weeklyPattern.contains { $0 != 1 } || stream.trendPerYear != 0))
        }
        self.families = families
        let peaks = families.map { $0.stream.ordersPerDay * $0.peakMultiplier / 24 }
        peakRatePerHour = peaks.reduce(0, +)
        // With no families (demand from a trace only) a one-entry table keeps the type simple; it is never sampled.
        familyTable = peaks.isEmpty ? DiscreteTable(values: [0], weights: [1])
            : DiscreteTable(values: peaks.indices.map(Double.init), weights: peaks)
        familyAlias = familyTable.unsafeTable
        siteAliases = families.map(\.sites.unsafeTable)
        partAliases = families.map(\.parts.unsafeTable)
    }

    /// Time of the next candidate arrival after `now`.
    func nextArrival(after now: Double, _ random: RandomStream) -> Double {
        now + gsl_ran_exponential(random.generator, 1 / peakRatePerHour)
    }

    /// Draws the order arriving at `time`, or nil when thinning rejects the candidate.
    func draw(at time: Double, _ random: RandomStream) -> (site: Int, part: Int, quantity: Int, isUrgent: Bool)? {
        // Indexed field reads, not `let family = families[i]`: copying a Family retains its
        // stream's five arrays, two alias tables and the quantity distribution per order.
        let rng = random.generator
        let f = gsl_ran_discrete(rng, familyAlias)
        if families[f].isModulated {
            let day = startWeekdayOffset + Int((time / 24).rounded(.down))
            let weekday = LocalClock.weekday(ofDay: day)
            let trend = 1 + families[f].stream.trendPerYear * time / Hours.perYear
            let rate = families[f].stream.weeklyPattern[weekday - 1] * max(0, trend)
            if gsl_rng_uniform(rng) * families[f].peakMultiplier >= rate { return nil }
        }
        let site = families[f].stream.sites[gsl_ran_discrete(rng, siteAliases[f])]
        let part = families[f].stream.parts[gsl_ran_discrete(rng, partAliases[f])]
        let quantity: Int
        switch families[f].stream.quantity {
        case .one: quantity = 1
        case .distribution: quantity = Int(families[f].quantity?.sample(using: rng) ?? 1)
        case .logarithmic(let q): quantity = Int(gsl_ran_logarithmic(rng, q))
        }
        let urgentFraction = families[f].stream.urgentFraction
        let urgent = urgentFraction >= 1 || gsl_rng_uniform(rng) < urgentFraction
        return (site, part, max(1, quantity), urgent)
    }

    /// Whether there is any demand at all.
    var hasDemand: Bool { peakRatePerHour > 0 }
}
