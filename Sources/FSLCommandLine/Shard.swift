/// One shard of a run split over n machines: shard k (0-based) runs the replications i with
/// i % n == k, each seeded by its global index, so the union of all shards is exactly the
/// unsharded run (and `fslsim merge` rebuilds its files byte for byte).
///
/// Round-robin rather than contiguous blocks: shards stay balanced when the replication count is
/// not a multiple of n, and adding replications later does not move existing ones between shards.
struct Shard: Equatable, Sendable {
    /// k, from 0.
    var index: Int
    /// n, at least 1.
    var count: Int

    /// The array-job variables `--shard env` understands, in the order they are tried:
    /// (platform, index variable, count variable or nil when the count comes from `--shards`).
    static let environmentSources: [(platform: String, index: String, count: String?)] = [
        ("Slurm", "SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_COUNT"),
        ("AWS Batch", "AWS_BATCH_JOB_ARRAY_INDEX", "AWS_BATCH_JOB_ARRAY_SIZE"),
        ("Google Batch", "BATCH_TASK_INDEX", "BATCH_TASK_COUNT"),
        ("Kubernetes indexed Job", "JOB_COMPLETION_INDEX", nil),
    ]

    /// Reads `--shard k/n` or `--shard env` (with `--shards n` where the platform gives no count).
    ///
    /// Slurm array indices need not start at 0 (`--array=1-8`), so `SLURM_ARRAY_TASK_MIN` is
    /// subtracted when set.
    /// - Returns: nil when `--shard` is not given.
    /// - Throws: `CommandError.usage` for a malformed value, k ≥ n, or `env` with no variables set.
    static func parse(_ text: String?, shards: Int?, environment: [String: String]) throws(CommandError) -> Shard? {
        guard let text else {
            if shards != nil { throw .usage("--shards only applies with --shard env (Kubernetes indexed Jobs give no count)") }
            return nil
        }
        if text == "env" { return try fromEnvironment(environment, shards: shards) }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 0 else {
            throw .usage("--shard must be k/n with 0 ≤ k < n (e.g. --shard 0/4), or env; found \"\(text)\"")
        }
        guard k < n else { throw .usage("--shard \(text): shards are numbered from 0, so k must be below n = \(n)") }
        if let shards, shards != n { throw .usage("--shard \(text) and --shards \(shards) disagree on the number of shards") }
        return Shard(index: k, count: n)
    }

    static func fromEnvironment(_ environment: [String: String], shards: Int?) throws(CommandError) -> Shard {
        for source in environmentSources {
            guard let indexText = environment[source.index] else { continue }
            guard var k = Int(indexText) else { throw .usage("\(source.index)=\"\(indexText)\" is not a whole number") }
            if source.index == "SLURM_ARRAY_TASK_ID", let minimum = environment["SLURM_ARRAY_TASK_MIN"].flatMap({ Int($0) }) {
                k -= minimum
            }
            var n = shards
            if let countName = source.count, let countText = environment[countName] {
                guard let count = Int(countText) else { throw .usage("\(countName)=\"\(countText)\" is not a whole number") }
                if let shards, shards != count { throw .usage("\(countName)=\(count) and --shards \(shards) disagree on the number of shards") }
                n = count
            }
            guard let n, n >= 1 else {
                let needs = source.count.map { "\($0) is not set; give --shards N" } ?? "it gives no shard count; give --shards N (the Job's completions)"
                throw .usage("--shard env: \(source.platform) sets \(source.index)=\(indexText) but \(needs)")
            }
            guard k >= 0, k < n else { throw .usage("--shard env: \(source.platform) index \(k) is outside 0..<\(n)") }
            return Shard(index: k, count: n)
        }
        let names = environmentSources.map { [$0.index, $0.count].compactMap { $0 }.joined(separator: "/") }
        throw .usage("--shard env: none of the array-job variables is set (\(names.joined(separator: ", "))); "
            + "run inside an array job, or give --shard k/n")
    }

    /// The replications of `0..<total` this shard runs, in increasing order.
    func replications(of total: Int) -> [Int] { Array(stride(from: index, to: total, by: count)) }

    /// `shard-k-of-n`, the folder this shard writes under `--out`.
    var folderName: String { "shard-\(index)-of-\(count)" }

    /// `k/n`.
    var description: String { "\(index)/\(count)" }
}
