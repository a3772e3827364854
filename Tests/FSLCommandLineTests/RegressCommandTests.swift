import Foundation
@testable import FSLCommandLine
import Testing

/// `fslsim regress`: identical reruns pass, a worse model fails with exit 3, a better one
/// passes, broken baselines are bad input data (exit 65) named by path.
@Suite struct RegressCommandTests {
    /// Short runs keep each test to a second or two in a debug build.
    static let quick = ["--replications", "4", "--horizon-days", "60", "--warmup-days", "10", "--threads", "2", "--quiet"]

    func writeBaseline(_ directory: TemporaryDirectory, simulator: RegressCommand.Simulator = .registry) -> CommandOutcome {
        regress([scenario("demo"), "--baseline", directory.file("baseline"), "--update-baseline"] + Self.quick,
                simulator: simulator)
    }

    @Test func unchangedModelIsIdenticalAndPasses() throws {
        let directory = try TemporaryDirectory()
        #expect(writeBaseline(directory).exitCode == 0)
        #expect(directory.exists("baseline/replications.csv") && directory.exists("baseline/run.json"))
        let outcome = fslsim(["regress", scenario("demo"), "--baseline", directory.file("baseline"),
                              "--report", directory.file("report.md"), "--quiet"])
        #expect(outcome.exitCode == 0)
        #expect(outcome.out.contains("identical"))
        #expect(try directory.read("report.md").contains("**identical**"))
    }

    @Test func rewritingAnUnchangedBaselineGivesTheSameBytes() throws {
        let directory = try TemporaryDirectory()
        #expect(writeBaseline(directory).exitCode == 0)
        let first = try directory.read("baseline/replications.csv") + directory.read("baseline/run.json")
        #expect(writeBaseline(directory).exitCode == 0)
        #expect(try directory.read("baseline/replications.csv") + directory.read("baseline/run.json") == first)
    }

    @Test func worseModelIsCaughtWithExitThree() throws {
        let directory = try TemporaryDirectory()
        #expect(writeBaseline(directory).exitCode == 0)
        let outcome = regress([scenario("demo"), "--baseline", directory.file("baseline"), "--report", directory.file("report.md")],
                              simulator: .farthest)
        #expect(outcome.exitCode == 3)
        #expect(outcome.out.contains("REGRESSED"))
        #expect(outcome.err.contains("regression:"))
        #expect(outcome.err.contains("mean_delivery_h"))
        #expect(try directory.read("report.md").contains("**REGRESSED"))
    }

    @Test func betterModelPasses() throws {
        let directory = try TemporaryDirectory()
        #expect(writeBaseline(directory, simulator: .farthest).exitCode == 0)
        let outcome = fslsim(["regress", scenario("demo"), "--baseline", directory.file("baseline"), "--quiet"])
        #expect(outcome.exitCode == 0)
        #expect(outcome.out.contains("improved"))
        #expect(!outcome.out.contains("REGRESSED"))
    }

    @Test func toleranceDecidesWhetherAClearWorseningCounts() throws {
        let directory = try TemporaryDirectory()
        #expect(writeBaseline(directory).exitCode == 0)
        let metrics = ["--metrics", "mean_delivery_h", "--tolerance", "mean_delivery_h=100000%"]
        let outcome = regress([scenario("demo"), "--baseline", directory.file("baseline")] + metrics, simulator: .farthest)
        #expect(outcome.exitCode == 0)
        #expect(outcome.out.contains("worse, within tolerance"))
    }

    @Test func requireIdenticalFailsOnAnyChangeButNotOnAnIdenticalRerun() throws {
        let directory = try TemporaryDirectory()
        #expect(writeBaseline(directory).exitCode == 0)
        let lenient = ["--metrics", "mean_delivery_h", "--tolerance", "mean_delivery_h=100000%", "--require-identical"]
        let changed = regress([scenario("demo"), "--baseline", directory.file("baseline")] + lenient, simulator: .farthest)
        #expect(changed.exitCode == 3)
        #expect(changed.err.contains("--update-baseline"))
        let same = regress([scenario("demo"), "--baseline", directory.file("baseline"), "--require-identical"], simulator: .registry)
        #expect(same.exitCode == 0)
    }

    @Test func missingBaselineFolderIsBadInput() throws {
        let directory = try TemporaryDirectory()
        let missing = directory.file("no-such-baseline")
        let outcome = fslsim(["regress", scenario("demo"), "--baseline", missing])
        #expect(outcome.exitCode == 65)
        #expect(outcome.err.contains(missing))
        #expect(outcome.err.contains("--update-baseline"))
    }

    @Test(arguments: [
        ("replications.csv", "scenario,routing,allocation,replication,seed,metric,segment,value\ndemo,nearest,fcfs,0,1,orders,all,abc\n", "not a number"),
        ("replications.csv", "scenario,routing\n", "header"),
        ("run.json", "{\"scenario\": \"demo\"", "not a JSON object"),
        ("run.json", "{\"scenario\": \"demo\"}", "scenario_fnv1a64"),
    ])
    func corruptBaselineIsBadInput(file: String, contents: String, problem: String) throws {
        let directory = try TemporaryDirectory()
        #expect(writeBaseline(directory).exitCode == 0)
        try contents.write(toFile: directory.file("baseline/\(file)"), atomically: true, encoding: .utf8)
        let outcome = fslsim(["regress", scenario("demo"), "--baseline", directory.file("baseline")])
        #expect(outcome.exitCode == 65)
        #expect(outcome.err.contains(directory.file("baseline/\(file)")))
        #expect(outcome.err.contains(problem))
    }

    @Test func unknownMetricIsAUsageError() throws {
        let outcome = fslsim(["regress", scenario("demo"), "--metrics", "sla_atainment"])
        #expect(outcome.exitCode == 64)
        #expect(outcome.err.contains("did you mean sla_attainment"))
    }
}
