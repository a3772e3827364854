/// Derives the seeds of independent random streams.
///
/// A stream's seed is a 64-bit mix of the master seed, the replication index and a stable hash of
/// the stream's canonical name, so replication k of a scenario draws the same numbers whether it
/// runs alone, in a batch, on another thread or in another shard, and a stream (say the demand of
/// one site) never depends on which other streams exist.
public enum StreamSeed {
    /// FNV-1a, 64-bit, over the UTF-8 bytes of `name`: stable across processes and platforms,
    /// unlike Swift's per-process `hashValue`.
    public static func fnv1a(_ name: String) -> UInt64 { fnv1a(bytes: name.utf8) }

    /// FNV-1a, 64-bit, over raw bytes (e.g. a scenario file, for `run.json`).
    public static func fnv1a(bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// SplitMix64's finaliser: a bijective 64-bit mixer with full avalanche.
    @inlinable public static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The seed of stream `name` in replication `replication` under `masterSeed`.
    public static func derive(masterSeed: UInt64, replication: Int, stream name: String) -> UInt64 {
        let base = mix(mix(masterSeed) ^ fnv1a(name))
        return mix(base ^ mix(UInt64(truncatingIfNeeded: replication) &* 0xD1B5_4A32_D192_ED03))
    }
}
