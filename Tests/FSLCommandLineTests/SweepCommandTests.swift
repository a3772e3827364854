import Foundation
@testable import FSLCommandLine
import Testing

/// `fslsim sweep`: one folder per grid point, sweep.csv, path errors.
@Suite struct SweepCommandTests {
    static let quick = ["--replications", "2", "--horizon-days", "30", "--warmup-days", "5", "--quiet"]

    @Test func gridWritesOnePointFolderEachAndSweepCSV() throws {
        let directory = try TemporaryDirectory()
        let outcome = fslsim(["sweep", scenario("demo"), "--set", "locations[DAL].cutoffs.ground=16:00,18:00",
                              "--set", "stock[0].policy.base_stock.fill_target=0.8,0.95", "--out", directory.path] + Self.quick)
        #expect(outcome.exitCode == 0)
        for point in 0..<4 { #expect(directory.exists("point-\(point)/summary.csv")) }
        let lines = try directory.read("sweep.csv").split(separator: "\n")
        #expect(lines[0].hasPrefix("point,locations[DAL].cutoffs.ground,stock[0].policy.base_stock.fill_target,scenario,"))
        #expect(lines[1].hasPrefix("0,16:00,0.8,demo,"))
        #expect(lines.last!.hasPrefix("3,18:00,0.95,demo,"))
    }

    @Test(arguments: [
        ("locations[NOPE].cutoffs.ground=16:00", "[NOPE]"),
        ("stock[99].policy=1", "[99]"),
        ("clock.horizon_days.x=1", "\"x\""),
        ("locatons[DAL].name=x", "\"locatons\""),
    ])
    func badPathIsAUsageErrorNamingTheSegment(set: String, segment: String) throws {
        let directory = try TemporaryDirectory()
        let outcome = fslsim(["sweep", scenario("demo"), "--set", set, "--out", directory.file("out")] + Self.quick)
        #expect(outcome.exitCode == 64)
        #expect(outcome.err.contains("segment \(segment) failed"))
        #expect(!directory.exists("out"))
    }

    @Test func invalidPointIsBadInputBeforeAnythingRuns() throws {
        let directory = try TemporaryDirectory()
        let outcome = fslsim(["sweep", scenario("demo"), "--set", "stock[0].policy.base_stock.fill_target=0.9,1.5",
                              "--out", directory.file("out")] + Self.quick)
        #expect(outcome.exitCode == 65)
        #expect(outcome.err.contains("point 1"))
        #expect(!directory.exists("out"))
    }
}
