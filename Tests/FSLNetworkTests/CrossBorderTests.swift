import FSLKernel
import FSLNetwork
import Testing

@Suite struct CrossBorderTests {
    private func countries(_ network: Network) throws -> (us: Int, ca: Int) {
        (try #require(network.countries.firstIndex(of: "US")), try #require(network.countries.firstIndex(of: "CA")))
    }

    @Test func defaultAppliesBetweenCountries() throws {
        let network = try ScenarioFixtures.network()
        let (us, ca) = try countries(network)
        let rule = network.crossBorderRule(from: us, to: ca)
        #expect(rule.isAllowed)
        #expect(rule.customsDelay == .lognormal(mean: 24, cv: 0.5))
        #expect(rule.brokerageFee == 35)
        #expect(rule.dutyRate == 0.02)
    }

    @Test func lanesAreSymmetricByDefault() throws {
        let network = try ScenarioFixtures.network(after: [
            .set("cross_border.lanes", #"[{"from": "US", "to": "CA", "allowed": false}]"#),
        ])
        let (us, ca) = try countries(network)
        #expect(!network.crossBorderRule(from: us, to: ca).isAllowed)
        #expect(!network.crossBorderRule(from: ca, to: us).isAllowed)
    }

    @Test func asymmetricLaneLeavesTheReverseOnTheDefault() throws {
        let network = try ScenarioFixtures.network(after: [
            .set("cross_border.lanes", #"[{"from": "CA", "to": "US", "symmetric": false, "brokerage_fee": 90}]"#),
        ])
        let (us, ca) = try countries(network)
        let lane = network.crossBorderRule(from: ca, to: us)
        #expect(lane.brokerageFee == 90)
        #expect(lane.customsDelay == .lognormal(mean: 24, cv: 0.5), "unset fields come from the default")
        #expect(network.crossBorderRule(from: us, to: ca).brokerageFee == 35)
    }

    @Test func domesticLanesAreAlwaysAllowedWithoutCustoms() throws {
        let network = try ScenarioFixtures.network(after: [
            .set("cross_border.default", #"{"allowed": false, "customs_delay": 48, "brokerage_fee": 50}"#),
        ])
        let (us, ca) = try countries(network)
        for country in [us, ca] {
            let rule = network.crossBorderRule(from: country, to: country)
            #expect(rule.isAllowed)
            #expect(rule.customsDelay == nil)
            #expect(rule.brokerageFee == 0)
        }
        #expect(!network.crossBorderRule(from: us, to: ca).isAllowed)
    }

    @Test func laneWithinOneCountryIsRejected() {
        let issues = ScenarioFixtures.issues(after: [.set("cross_border.lanes", #"[{"from": "US", "to": "US"}]"#)])
        #expect(issues.map(\.path) == ["cross_border.lanes[0]"])
        #expect(issues.first?.message.contains("same country") == true)
    }

    @Test func withoutCrossBorderSectionEveryLaneIsOpen() throws {
        let network = try ScenarioFixtures.network(after: [.remove("cross_border")])
        let (us, ca) = try countries(network)
        #expect(network.crossBorderRule(from: us, to: ca).isAllowed)
        #expect(network.crossBorderRule(from: us, to: ca).customsDelay == nil)
    }

    @Test func contractCanForbidCrossingBorders() throws {
        let network = try ScenarioFixtures.network()
        #expect(network.contracts.map(\.crossBorderAllowed) == [true, false])
    }
}
