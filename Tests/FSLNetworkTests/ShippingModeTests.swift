import FSLKernel
import FSLNetwork
import Testing

@Suite struct ShippingModeTests {
    @Test(arguments: [(0.0, 0.5), (120.0, 2.5), (250.0, 0.5 + 250.0 / 60)])
    func transitBySpeed(km: Double, hours: Double) throws {
        let courier = ShippingMode(id: "courier", dispatch: .immediate, transit: .speed(baseHours: 0.5, speedKmh: 60),
                                   maxKm: 250)
        let transit = try #require(courier.transitHours(km: km))
        #expect(abs(transit - hours) < 1e-12)
    }

    @Test func speedModeRefusesLanesBeyondMaxKm() {
        let courier = ShippingMode(id: "courier", dispatch: .immediate, transit: .speed(baseHours: 0.5, speedKmh: 60),
                                   maxKm: 250)
        #expect(courier.transitHours(km: 250.001) == nil)
    }

    @Test(arguments: [(1.0, 14.0), (400.0, 14.0), (400.5, 38.0), (2500.0, 38.0)])
    func transitByBands(km: Double, hours: Double) {
        let ground = ShippingMode(id: "ground", dispatch: .scheduledPickup,
                                  transit: .bands([.init(maxKm: 400, hours: 14), .init(maxKm: 2500, hours: 38)]))
        #expect(ground.transitHours(km: km) == hours)
    }

    @Test func bandsEndAtTheLastMaxKmAndAtMaxKm() {
        let bands = ShippingMode.Transit.bands([.init(maxKm: 400, hours: 14), .init(maxKm: 2500, hours: 38)])
        #expect(ShippingMode(id: "g", dispatch: .scheduledPickup, transit: bands).transitHours(km: 2501) == nil)
        #expect(ShippingMode(id: "g", dispatch: .scheduledPickup, transit: bands, maxKm: 300).transitHours(km: 350) == nil)
    }

    @Test func loadedModesMatchTheirJSON() throws {
        let network = try ScenarioFixtures.network()
        let courier = network.modes[0], ground = network.modes[1]
        #expect(courier.dispatch == .immediate)
        #expect(courier.transit == .speed(baseHours: 0.5, speedKmh: 60))
        #expect(courier.maxKm == 250)
        #expect(courier.cost(km: 100, weightKg: 2, quantity: 1) == 45 + 110)
        #expect(ground.dispatch == .scheduledPickup)
        #expect(ground.transit == .bands([.init(maxKm: 400, hours: 14), .init(maxKm: 2500, hours: 38)]))
        #expect(ground.maxKm == nil)
        #expect(ground.cost(km: 900, weightKg: 5, quantity: 2) == 12 + 0.6 * 10)
    }

    @Test func dispatchDefaultsToScheduledPickup() throws {
        let network = try ScenarioFixtures.network(after: [.remove("shipping_modes[0].dispatch")])
        #expect(network.modes[0].dispatch == .scheduledPickup)
    }
}
