import Foundation
@testable import FSLCommandLine
import Testing

/// `--shard k/n` and `fslsim merge`: the merged output of the shards is the unsharded run.
@Suite struct ShardMergeTests {
    static let quick = ["--replications", "7", "--horizon-days", "40", "--warmup-days", "5", "--threads", "2", "--quiet"]

    @Test func mergedRunShardsAreByteIdenticalToTheUnshardedRun() throws {
        let directory = try TemporaryDirectory()
        let arguments = ["run", scenario("demo")] + Self.quick
        #expect(fslsim(arguments + ["--out", directory.file("whole")]).exitCode == 0)
        for k in 0..<3 { #expect(fslsim(arguments + ["--out", directory.file("sharded"), "--shard", "\(k)/3"]).exitCode == 0) }
        #expect(directory.exists("sharded/shard-2-of-3/replications.csv"))
        let shards = (0..<3).map { directory.file("sharded/shard-\($0)-of-3") }
        #expect(fslsim(["merge"] + shards.reversed() + ["--out", directory.file("merged")]).exitCode == 0)
        for file in ["replications.csv", "summary.csv"] {
            #expect(try directory.read("merged/\(file)") == directory.read("whole/\(file)"), "\(file) differs")
        }
        let info = try directory.read("merged/run.json")
        #expect(!info.contains("wall_seconds") && !info.contains("\"threads\""))
    }

    @Test func mergedCompareShardsAreByteIdenticalIncludingPaired() throws {
        let directory = try TemporaryDirectory()
        let arguments = ["compare", scenario("demo"), "--routing", "nearest", "--routing", "nearest:split=true"] + Self.quick
        #expect(fslsim(arguments + ["--out", directory.file("whole")]).exitCode == 0)
        for k in 0..<3 { #expect(fslsim(arguments + ["--out", directory.file("sharded"), "--shard", "\(k)/3"]).exitCode == 0) }
        let shards = (0..<3).map { directory.file("sharded/shard-\($0)-of-3") }
        #expect(fslsim(["merge"] + shards + ["--out", directory.file("merged")]).exitCode == 0)
        for file in ["replications.csv", "summary.csv", "paired.csv"] {
            #expect(try directory.read("merged/\(file)") == directory.read("whole/\(file)"), "\(file) differs")
        }
    }

    @Test func shardsRunTheirReplicationsSeededByGlobalIndex() throws {
        let directory = try TemporaryDirectory()
        #expect(fslsim(["run", scenario("demo"), "--shard", "1/3", "--out", directory.path] + Self.quick).exitCode == 0)
        let rows = try directory.read("shard-1-of-3/replications.csv").split(separator: "\n").dropFirst()
        let replications = Set(rows.map { $0.split(separator: ",")[3] })
        #expect(replications == ["1", "4"])
    }

    @Test func mergeNamesMissingAndDuplicatedReplications() throws {
        let directory = try TemporaryDirectory()
        for k in 0..<3 {
            #expect(fslsim(["run", scenario("demo"), "--out", directory.path, "--shard", "\(k)/3"] + Self.quick).exitCode == 0)
        }
        let missing = fslsim(["merge", directory.file("shard-0-of-3"), directory.file("shard-2-of-3"), "--out", directory.file("m")])
        #expect(missing.exitCode == 65)
        #expect(missing.err.contains("missing replications 1, 4"))
        let twice = fslsim(["merge", directory.file("shard-0-of-3"), directory.file("shard-0-of-3"), directory.file("shard-1-of-3"),
                            directory.file("shard-2-of-3"), "--out", directory.file("m")])
        #expect(twice.exitCode == 65)
        #expect(twice.err.contains("appears in both"))
        #expect(!directory.exists("m"))
    }

    @Test(arguments: [
        (["SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_COUNT": "4"], nil as Int?, Shard(index: 2, count: 4)),
        (["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_COUNT": "4"], nil, Shard(index: 2, count: 4)),
        (["AWS_BATCH_JOB_ARRAY_INDEX": "0", "AWS_BATCH_JOB_ARRAY_SIZE": "5"], nil, Shard(index: 0, count: 5)),
        (["BATCH_TASK_INDEX": "4", "BATCH_TASK_COUNT": "5"], nil, Shard(index: 4, count: 5)),
        (["JOB_COMPLETION_INDEX": "1"], 3, Shard(index: 1, count: 3)),
    ])
    func shardFromArrayJobEnvironment(environment: [String: String], shards: Int?, expected: Shard) throws {
        #expect(try Shard.parse("env", shards: shards, environment: environment) == expected)
    }

    @Test(arguments: [
        ("env", [String: String](), nil as Int?, "SLURM_ARRAY_TASK_ID"),
        ("env", ["JOB_COMPLETION_INDEX": "1"], nil, "--shards"),
        ("3/3", [:], nil, "below n"),
        ("1-3", [:], nil, "k/n"),
    ])
    func badShardIsAUsageError(text: String, environment: [String: String], shards: Int?, message: String) {
        #expect {
            _ = try Shard.parse(text, shards: shards, environment: environment)
        } throws: { error in
            guard let error = error as? CommandError, case .usage(let text) = error else { return false }
            return text.contains(message)
        }
    }
}
