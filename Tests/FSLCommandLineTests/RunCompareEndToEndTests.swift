import Foundation
@testable import FSLCommandLine
import FSLExperiments
import Testing

/// `run` and `compare` end to end: exit codes, files, headers, errors, determinism.
@Suite struct RunCompareEndToEndTests {
    static let quick = ["--replications", "3", "--horizon-days", "40", "--warmup-days", "5", "--quiet"]

    @Test func runWritesItsFilesWithTheDocumentedHeaders() throws {
        let directory = try TemporaryDirectory()
        let outcome = fslsim(["run", scenario("demo"), "--out", directory.file("out"), "--timeseries"] + Self.quick)
        #expect(outcome.exitCode == 0)
        #expect(outcome.out.contains("sla_attainment"))
        #expect(try directory.read("out/replications.csv").hasPrefix(MetricTables.replicationsHeader.joined(separator: ",") + "\n"))
        #expect(try directory.read("out/summary.csv").hasPrefix(MetricTables.summaryHeader.joined(separator: ",") + "\n"))
        #expect(try directory.read("out/timeseries.csv").hasPrefix(MetricTables.timeseriesHeader.joined(separator: ",") + "\n"))
        #expect(directory.exists("out/run.json"))
        #expect(!directory.exists("out/paired.csv"))
    }

    @Test func compareWritesPairedDifferences() throws {
        let directory = try TemporaryDirectory()
        let outcome = fslsim(["compare", scenario("demo"), "--routing", "nearest", "--routing", "nearest:split=true",
                              "--out", directory.file("out")] + Self.quick)
        #expect(outcome.exitCode == 0)
        #expect(outcome.out.contains("paired differences"))
        let paired = try directory.read("out/paired.csv")
        #expect(paired.hasPrefix(MetricTables.pairedHeader.joined(separator: ",") + "\n"))
        #expect(paired.contains("nearest:split=true/fcfs,nearest/fcfs"))
    }

    @Test func misspeltFlagIsAUsageErrorWithASuggestion() {
        let outcome = fslsim(["run", scenario("demo"), "--replicatons", "3"])
        #expect(outcome.exitCode == 64)
        #expect(outcome.err.contains("did you mean --replications?"))
    }

    @Test func compareWithOneCombinationIsAUsageError() {
        let outcome = fslsim(["compare", scenario("demo")] + Self.quick)
        #expect(outcome.exitCode == 64)
    }

    @Test func malformedScenarioIsBadInputAndWritesNothing() throws {
        let directory = try TemporaryDirectory()
        var json = try String(contentsOfFile: scenario("demo"), encoding: .utf8)
        json = json.replacingOccurrences(of: "\"fill_target\": 0.9", with: "\"fill_target\": 1.9")
        try json.write(toFile: directory.file("bad.json"), atomically: true, encoding: .utf8)
        let outcome = fslsim(["run", directory.file("bad.json"), "--out", directory.file("out")] + Self.quick)
        #expect(outcome.exitCode == 65)
        #expect(outcome.err.contains("fill_target"))
        #expect(!directory.exists("out"))
    }

    @Test func oneThreadAndTwoThreadsGiveIdenticalBytes() throws {
        let directory = try TemporaryDirectory()
        let arguments = ["run", scenario("scarce-supply"), "--replications", "4", "--horizon-days", "40", "--quiet"]
        #expect(fslsim(arguments + ["--threads", "1", "--out", directory.file("one")]).exitCode == 0)
        #expect(fslsim(arguments + ["--threads", "2", "--out", directory.file("two")]).exitCode == 0)
        #expect(try directory.read("one/replications.csv") == directory.read("two/replications.csv"))
        #expect(try directory.read("one/summary.csv") == directory.read("two/summary.csv"))
    }

    /// The built executable itself: process exit codes and streams. Skipped when the product
    /// has not been built (`swift build --build-tests` builds it).
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "\(repositoryRoot)/.build/debug/fslsim")))
    func realBinaryExitCodes() throws {
        let directory = try TemporaryDirectory()
        func launch(_ arguments: [String]) throws -> (Int32, String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "\(repositoryRoot)/.build/debug/fslsim")
            process.arguments = arguments
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let data = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: data, as: UTF8.self))
        }
        let ok = try launch(["run", scenario("demo"), "--out", directory.file("out")] + Self.quick)
        #expect(ok.0 == 0)
        #expect(directory.exists("out/replications.csv"))
        let usage = try launch(["run", scenario("demo"), "--horizon-dayz", "3"])
        #expect(usage.0 == 64)
        #expect(usage.1.contains("did you mean --horizon-days?"))
        let missing = try launch(["run", directory.file("nope.json")])
        #expect(missing.0 == 65)
    }
}
