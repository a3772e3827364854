import Foundation
@testable import FSLCommandLine
import Testing

/// `run` options beyond the basics: --batch-means, --target-ci, --warmup-days auto, --trace.
@Suite struct RunOptionsTests {
    @Test func batchMeansWritesCIsFromOneLongRun() throws {
        let directory = try TemporaryDirectory()
        let outcome = fslsim(["run", scenario("demo"), "--replications", "1", "--horizon-days", "400",
                              "--batch-means", "10", "--quiet", "--out", directory.file("out")])
        #expect(outcome.exitCode == 0)
        let csv = try directory.read("out/batch_means.csv")
        let lines = csv.split(separator: "\n")
        #expect(lines.first == "scenario,routing,allocation,metric,segment,batches,batch_days,mean,ci_low,ci_high,lag1_autocorrelation")
        #expect(lines.count == 4)
        // Each mean lies inside its own CI.
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            let (mean, low, high) = (Double(fields[7])!, Double(fields[8])!, Double(fields[9])!)
            #expect(low <= mean && mean <= high)
            #expect(fields[5] == "10")
        }
    }

    @Test func batchMeansNeedsOneReplication() {
        let outcome = fslsim(["run", scenario("demo"), "--replications", "3", "--batch-means", "10", "--quiet"])
        #expect(outcome.exitCode == 64)
        #expect(outcome.err.contains("--replications 1"))
    }

    @Test func targetCIAddsReplicationsUntilTheHalfWidthIsReached() throws {
        let directory = try TemporaryDirectory()
        let outcome = fslsim(["run", scenario("demo"), "--replications", "2", "--horizon-days", "60", "--warmup-days", "5",
                              "--target-ci", "sla_attainment=0.02", "--quiet", "--out", directory.file("out")])
        #expect(outcome.exitCode == 0)
        #expect(outcome.out.contains("--target-ci reached"))
        let summary = try directory.read("out/summary.csv")
        let row = try #require(summary.split(separator: "\n").first { $0.contains(",sla_attainment,all,") })
        let fields = row.split(separator: ",", omittingEmptySubsequences: false)
        let n = try #require(Int(fields[5]))
        let halfWidth = (Double(fields[9])! - Double(fields[8])!) / 2
        #expect(n > 2)
        #expect(halfWidth <= 0.02)
    }

    @Test func misspeltTargetMetricIsAUsageErrorBeforeAnythingRuns() throws {
        let directory = try TemporaryDirectory()
        let outcome = fslsim(["run", scenario("demo"), "--target-ci", "sla_atainment=0.01", "--quiet",
                              "--out", directory.file("out")])
        #expect(outcome.exitCode == 64)
        #expect(outcome.err.contains("did you mean sla_attainment"))
        #expect(!directory.exists("out"))
    }

    @Test func autoWarmupIsRecordedInRunJSON() throws {
        let directory = try TemporaryDirectory()
        let outcome = fslsim(["run", scenario("demo"), "--replications", "2", "--horizon-days", "120",
                              "--warmup-days", "auto", "--quiet", "--out", directory.file("out")])
        #expect(outcome.exitCode == 0)
        let json = try directory.read("out/run.json")
        #expect(json.contains("MSER-5"))
    }

    @Test func traceWritesOrdersAndDecisions() throws {
        let directory = try TemporaryDirectory()
        let outcome = fslsim(["run", scenario("demo"), "--replications", "2", "--horizon-days", "30", "--warmup-days", "0",
                              "--trace", directory.file("trace"), "--quiet", "--out", directory.file("out")])
        #expect(outcome.exitCode == 0)
        let orders = try directory.read("trace/orders.csv").split(separator: "\n")
        let decisions = try directory.read("trace/decisions.csv").split(separator: "\n")
        #expect(orders.first?.hasPrefix("scenario,routing,allocation,replication,order,line,") == true)
        #expect(orders.count > 100)
        #expect(decisions.contains { $0.contains(",true,chosen: ") })
    }
}
