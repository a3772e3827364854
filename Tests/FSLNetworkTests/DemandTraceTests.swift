import Foundation
import Testing
@testable import FSLNetwork
import FSLKernel

/// `demand_trace`: historical orders replayed exactly, with CSV errors named by line.
@Suite struct DemandTraceTests {
    /// Writes the compact scenario (without demand families) and a trace beside it; loads it.
    private func load(trace: String) throws -> Result<Network, InputIssues> {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("trace-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try trace.write(to: directory.appendingPathComponent("history.csv"), atomically: true, encoding: .utf8)
        var json = ScenarioFixtures.compactJSON
        json = Edit.remove("demand").apply(to: json)
        json = Edit.set("demand_trace", #"{"file": "history.csv"}"#).apply(to: json)
        let file = directory.appendingPathComponent("scenario.json").path
        return Result { () throws(InputIssues) -> Network in try ScenarioLoader.load(json: json, file: file) }
    }

    @Test func replaysRowsInTimeOrder() throws {
        let network = try load(trace: """
            timestamp,site,part,quantity,urgency
            2026-01-06T10:00:00Z,S-OTTAWA,P2,2,routine
            2026-01-05T09:30:00Z,S-FORTWORTH,P1,1,urgent
            2026-01-05T09:30:00Z,S-OTTAWA,P3,,
            """).get()
        #expect(network.demand.isEmpty)
        #expect(network.demandTrace.map(\.time) == [9.5, 9.5, 34])
        #expect(network.demandTrace.map { network.parts[$0.part].id } == ["P1", "P3", "P2"])
        #expect(network.demandTrace.map(\.quantity) == [1, 1, 2])
        #expect(network.demandTrace.map(\.isUrgent) == [true, true, false])
    }

    @Test func badRowsAreReportedWithTheirLineNumbers() throws {
        let result = try load(trace: """
            timestamp,site,part,quantity
            2026-01-05T09:30:00Z,S-OTAWA,P1,1
            yesterday,S-OTTAWA,P1,1
            2026-01-05T09:30:00Z,S-OTTAWA,P9,1
            2026-01-05T09:30:00Z,S-OTTAWA,P1,0
            2027-06-01T00:00:00Z,S-OTTAWA,P1,1
            """)
        guard case .failure(let error) = result else {
            Issue.record("a trace with bad rows must not load")
            return
        }
        let messages = error.issues.map(\.message)
        #expect(error.issues.count == 5)
        #expect(error.issues.allSatisfy { $0.file.hasSuffix("history.csv") })
        #expect(error.issues.first { $0.path == "line 2" }?.message.contains("did you mean \"S-OTTAWA\"") == true)
        for line in 2...6 {
            #expect(error.issues.contains { $0.path == "line \(line)" }, "line \(line) must be reported")
        }
        #expect(messages.contains { $0.contains("outside the simulated period") })
    }
}

/// `lanes[]`: a known lane replaces the mode's distance model for transit and cost.
@Suite struct LaneTableTests {
    @Test func laneOverridesTransitAndCost() throws {
        let network = try ScenarioFixtures.network(after: [
            .set("lanes", #"[{"from": "DAL", "to": "S-FORTWORTH", "mode": "ground", "transit_hours": 5, "cost": 9}]"#)
        ])
        let dal = try #require(network.locations.firstIndex { $0.id == "DAL" })
        let site = try #require(network.sites.firstIndex { $0.id == "S-FORTWORTH" })
        let ground = try #require(network.modes.firstIndex { $0.id == "ground" })
        let km = network.distanceKm(site: site, location: dal)
        #expect(network.transitHours(mode: ground, location: dal, site: site, km: km) == 5)
        // Cost: the lane's 9 per shipment plus the mode's per-kg charge (0.6 × 2 kg × 3 units).
        let p1 = try #require(network.parts.firstIndex { $0.id == "P1" })
        #expect(abs(network.shippingCost(mode: ground, location: dal, site: site, km: km, part: p1, quantity: 3) - (9 + 0.6 * 2 * 3)) < 1e-12)
        // Another lane keeps the distance model (14 h band up to 400 km).
        let other = try #require(network.sites.firstIndex { $0.id == "S-OTTAWA" })
        #expect(network.transitHours(mode: ground, location: dal, site: other, km: 300) == 14)
    }

    @Test func laneWithUnknownSiteIsReported() {
        let issues = ScenarioFixtures.issues(after: [
            .set("lanes", #"[{"from": "DAL", "to": "S-FORTWORH", "mode": "ground", "transit_hours": 5}]"#)
        ])
        #expect(issues.map(\.path) == ["lanes[0].to"])
        #expect(issues.first?.message.contains("did you mean \"S-FORTWORTH\"") == true)
    }
}
