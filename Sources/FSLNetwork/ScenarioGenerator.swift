import Foundation
import FSLKernel

/// Builds scenario JSON in fslsim's own format (see `docs/scenario-format.md`) for benchmarks and
/// scale tests: random networks of a requested size, reproducible from a seed.
///
/// Every random draw goes through a `RandomStream` (GSL mt19937) named `generator/<what>` under
/// the seed, so the same size and seed always give the same file. The result is a `JSONValue`
/// that `ScenarioLoader.load(json:file:)` accepts without issues; `text(_:)` renders it.
public enum ScenarioGenerator {
    /// The kinds of network the generator can build.
    public enum Preset: String, CaseIterable, Sendable {
        /// "bench model v1" of `shared/bench`: FSLs only, one immediate courier mode, 24 h SLA,
        /// one-for-one base stock from an unlimited source. See `ScenarioGenerator+BenchV1.swift`.
        case benchV1 = "bench-v1"
        /// A general network (FSLs, a central DC, a supplier, two modes, two tiers) of any size,
        /// for scale tests. See `ScenarioGenerator+Synthetic.swift`.
        case synthetic
    }

    /// The requested size of a generated network.
    public struct Size: Sendable, Equatable {
        /// Number of FSLs (forward stocking locations).
        public var fsls: Int
        /// Number of parts.
        public var parts: Int
        /// Number of customer sites.
        public var sites: Int
        /// Network-wide orders per day.
        public var ordersPerDay: Double
        /// Seed of the generator's streams (also written as the scenario's master seed).
        public var seed: UInt64
        /// σ of log(part rate): part p's rate is proportional to exp(σZ), Z standard normal.
        public var demandSigma: Double
        /// Replication length in days.
        public var horizonDays: Double

        /// Creates a size; the defaults are bench model v1's (40 FSLs, 500 parts, 400 sites,
        /// 2,000 orders a day, σ = 1, 365 days).
        public init(fsls: Int = 40, parts: Int = 500, sites: Int = 400, ordersPerDay: Double = 2000, seed: UInt64 = 1,
                    demandSigma: Double = 1, horizonDays: Double = 365) {
            self.fsls = fsls
            self.parts = parts
            self.sites = sites
            self.ordersPerDay = ordersPerDay
            self.seed = seed
            self.demandSigma = demandSigma
            self.horizonDays = horizonDays
        }
    }

    /// The scenario of `preset` at `size`.
    /// - Precondition: at least one FSL, part and site; a positive rate; σ ≥ 0; horizon 1–36,500 days.
    /// - Complexity: O(fsls + parts + sites).
    public static func generate(_ preset: Preset, size: Size) -> JSONValue {
        precondition(size.fsls >= 1 && size.parts >= 1 && size.sites >= 1, "a network needs an FSL, a part and a site")
        precondition(size.ordersPerDay > 0 && size.ordersPerDay.isFinite, "the demand rate must be positive")
        precondition(size.demandSigma >= 0 && size.demandSigma.isFinite, "the demand spread must be non-negative")
        precondition((1...36_500).contains(size.horizonDays), "the horizon must be 1 to 36,500 days")
        switch preset {
        case .benchV1: return benchV1(size)
        case .synthetic: return synthetic(size)
        }
    }

    /// Pretty-printed JSON with sorted keys (stable output for a given scenario), ending in a newline.
    public static func text(_ scenario: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding a JSONValue tree cannot fail: every case maps to a JSON value.
        let data = try! encoder.encode(scenario)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

extension ScenarioGenerator {
    /// The stream `generator/<name>` of the seed.
    static func stream(_ name: String, seed: UInt64) -> RandomStream {
        RandomStream(masterSeed: seed, replication: 0, stream: "generator/" + name)
    }

    /// Identifiers `prefix` + zero-padded index, as wide as the largest index needs.
    static func ids(_ prefix: String, count: Int) -> [String] {
        let width = String(max(count - 1, 0)).count
        return (0..<count).map { index in
            let digits = String(index)
            return prefix + String(repeating: "0", count: width - digits.count) + digits
        }
    }

    /// Part weights exp(σZ), Z standard normal (`gsl_ran_lognormal` with ζ = 0 through
    /// `Distribution.lognormal`); all 1 when σ = 0.
    static func partWeights(count: Int, sigma: Double, stream: RandomStream) -> [Double] {
        guard sigma > 0 else { return Array(repeating: 1, count: count) }
        // exp(σZ) is lognormal with mean exp(σ²/2) and cv √(exp(σ²) − 1).
        let spread = try! Distribution(.lognormal(mean: exp(sigma * sigma / 2), cv: expm1(sigma * sigma).squareRoot()))
        return (0..<count).map { _ in spread.sample(stream) }
    }

    /// A point uniformly distributed in a latitude/longitude box, rounded to 1e-6 degrees.
    static func point(latitudes: ClosedRange<Double>, longitudes: ClosedRange<Double>,
                      stream: RandomStream) -> (latitude: Double, longitude: Double) {
        let latitude = latitudes.lowerBound + stream.uniform() * (latitudes.upperBound - latitudes.lowerBound)
        let longitude = longitudes.lowerBound + stream.uniform() * (longitudes.upperBound - longitudes.lowerBound)
        return ((latitude * 1e6).rounded() / 1e6, (longitude * 1e6).rounded() / 1e6)
    }

    /// `{"id": weight, ...}` for a weighted part selector.
    static func weighted(_ ids: [String], _ weights: [Double]) -> JSONValue {
        .object(Dictionary(uniqueKeysWithValues: zip(ids, weights.map { JSONValue.number($0) })))
    }

    /// The `clock` section.
    static func clock(_ size: Size) -> JSONValue {
        .object(["start": .string("2026-01-05T00:00:00Z"), "horizon_days": .number(size.horizonDays),
                 "replications": .number(10), "seed": .number(Double(size.seed))])
    }
}
