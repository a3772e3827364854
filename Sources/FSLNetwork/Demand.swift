import FSLKernel

/// Number of units in one order.
public enum OrderQuantity: Sendable, Equatable {
    /// Always one unit.
    case one
    /// A distribution of whole numbers ≥ 1 (deterministic or empirical).
    case distribution(DistributionSpec)
    /// Logarithmic-series quantities with parameter q: with Poisson order arrivals this makes
    /// daily demand negative binomial (lumpy).
    case logarithmic(q: Double)

    /// Mean units per order.
    public var mean: Double {
        switch self {
        case .one: 1
        case .distribution(let spec): spec.mean
        case .logarithmic(let q): -q / ((1 - q) * log1p(-q))
        }
    }
}

/// One family of demand: orders arrive as a Poisson process at `ordersPerDay` (modulated by a
/// weekly pattern and trend), each at a site drawn by `siteWeights` and for a part drawn by
/// `partWeights` (product form, so a family covering every site and part costs O(sites + parts)).
public struct DemandStream: Sendable {
    /// Mean order arrivals per day before pattern and trend.
    public var ordersPerDay: Double
    /// Site indices and their relative weights.
    public var sites: [Int]
    /// Relative weights of `sites`.
    public var siteWeights: [Double]
    /// Part indices.
    public var parts: [Int]
    /// Relative weights of `parts`.
    public var partWeights: [Double]
    /// Units per order.
    public var quantity: OrderQuantity
    /// Probability that an order is urgent (machine down) rather than routine.
    public var urgentFraction: Double
    /// Rate multipliers by ISO weekday (Monday first) in UTC days; all 1 for none.
    public var weeklyPattern: [Double]
    /// Relative growth of the rate per year (0.1 = +10% per year, linear).
    public var trendPerYear: Double

    /// Creates a stream.
    public init(ordersPerDay: Double, sites: [Int], siteWeights: [Double], parts: [Int], partWeights: [Double],
                quantity: OrderQuantity = .one, urgentFraction: Double = 1,
                weeklyPattern: [Double] = Array(repeating: 1, count: 7), trendPerYear: Double = 0) {
        self.ordersPerDay = ordersPerDay
        self.sites = sites
        self.siteWeights = siteWeights
        self.parts = parts
        self.partWeights = partWeights
        self.quantity = quantity
        self.urgentFraction = urgentFraction
        self.weeklyPattern = weeklyPattern
        self.trendPerYear = trendPerYear
    }

    /// Mean orders per day for each (site, part) pair of the family, ignoring pattern and trend.
    public func ordersPerDay(siteSlot: Int, partSlot: Int) -> Double {
        ordersPerDay * siteWeights[siteSlot] / siteWeights.reduce(0, +) * partWeights[partSlot] / partWeights.reduce(0, +)
    }
}

import Foundation
