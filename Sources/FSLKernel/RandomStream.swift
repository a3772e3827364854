import CGSL

/// One independent random-number stream: a GSL Mersenne Twister (mt19937, period 2^19937 − 1)
/// whose whole state is filled from a 64-bit seed.
///
/// A class because it owns a C generator that must be freed exactly once. A stream is created
/// and used inside one simulation on one thread; it is deliberately not `Sendable`.
public final class RandomStream {
    /// The underlying GSL generator.
    public let generator: UnsafeMutablePointer<gsl_rng>
    /// The 64-bit seed the state was filled from.
    public let seed: UInt64

    /// Creates a stream whose state is expanded from `seed` (all 64 bits count).
    public init(seed: UInt64) {
        GSLRuntime.prepare()
        guard let rng = gsl_rng_alloc(fslsim_rng_type_mt19937()) else {
            fatalError("GSL could not allocate a generator: out of memory")
        }
        let status = fslsim_rng_seed_mt19937_full(rng, seed)
        precondition(status == 0, "GSL's mt19937 state layout is not the expected one")
        generator = rng
        self.seed = seed
    }

    /// Creates the stream `name` of replication `replication` under `masterSeed`.
    public convenience init(masterSeed: UInt64, replication: Int, stream name: String) {
        self.init(seed: StreamSeed.derive(masterSeed: masterSeed, replication: replication, stream: name))
    }

    deinit { gsl_rng_free(generator) }

    /// A uniform draw in [0, 1) (`gsl_rng_uniform`).
    @inlinable public func uniform() -> Double { gsl_rng_uniform(generator) }

    /// A uniform draw in (0, 1) (`gsl_rng_uniform_pos`), safe for logarithms.
    @inlinable public func uniformPositive() -> Double { gsl_rng_uniform_pos(generator) }

    /// A uniform integer in 0..<bound (`gsl_rng_uniform_int`).
    /// - Precondition: 0 < bound ≤ 2^32.
    @inlinable public func integer(below bound: Int) -> Int {
        Int(gsl_rng_uniform_int(generator, UInt(bound)))
    }
}

/// Process-wide GSL set-up, done once.
public enum GSLRuntime {
    private static let prepared: Void = { fslsim_disable_gsl_abort() }()

    /// Turns off GSL's aborting error handler; parameters are validated in Swift instead.
    public static func prepare() { _ = prepared }

    /// The GSL version string, for `run.json` and `--version`.
    public static var version: String { GSL_VERSION }
}
