import Foundation
import FSLKernel
import FSLNetwork
import Testing

/// One broken fixture: the edits that break the compact scenario, the JSON path the loader must
/// name and a phrase its message must contain.
struct ValidationCase: Sendable, CustomTestStringConvertible {
    var rule: String
    var edits: [Edit]
    var path: String
    var phrase: String
    /// Whether the mutation must produce exactly one issue (no cascade of follow-on reports).
    var isOnlyIssue = true

    var testDescription: String { rule }
}

@Suite struct ScenarioValidationTests {
    static let cases: [ValidationCase] = [
        // Unknown keys, with suggestions.
        .init(rule: "unknown top-level key", edits: [.set("stok", "[]")], path: "stok", phrase: #"did you mean "stock"?"#),
        .init(rule: "unknown nested key", edits: [.set("locations[0].cutofs", #"{"ground": "17:00"}"#)],
              path: "locations[0].cutofs", phrase: #"did you mean "cutoffs"?"#),
        // Two edits from "cutoffs" is beyond the suggestion limit for a 5-letter word (Spelling
        // allows word.count / 3), so the message lists the allowed keys instead.
        .init(rule: "unknown nested key, too far for a suggestion", edits: [.set("locations[0].cutof", #"{"ground": "17:00"}"#)],
              path: "locations[0].cutof", phrase: "unknown key; allowed keys: id, name, type"),
        .init(rule: "unknown key in a distribution", edits: [.set("suppliers[0].lead_time", #"{"lognormal": {"mean": 240, "cvv": 0.4}}"#)],
              path: "suppliers[0].lead_time.lognormal.cvv", phrase: #"did you mean "cv"?"#, isOnlyIssue: false),
        .init(rule: "location type in capitals", edits: [.set("locations[0].type", #""FSL""#)],
              path: "locations[0].type", phrase: #"did you mean "fsl"?"#),

        // Duplicate ids.
        .init(rule: "duplicate location id",
              edits: [.append("locations", #"{"id": "DAL", "type": "fsl", "latitude": 30, "longitude": -97, "country": "US", "time_zone": "America/Chicago"}"#)],
              path: "locations[3].id", phrase: #"duplicate location id "DAL" (first defined at locations[0])"#),
        .init(rule: "duplicate part id", edits: [.append("parts", #"{"id": "P2", "unit_cost": 5}"#)],
              path: "parts[3].id", phrase: #"duplicate part id "P2""#),
        .init(rule: "duplicate contract id", edits: [.append("contracts", #"{"id": "gold", "sla": {"hours": 4}}"#)],
              path: "contracts[2].id", phrase: #"duplicate contract id "gold""#),
        .init(rule: "duplicate site id",
              edits: [.append("sites", #"{"id": "S-OTTAWA", "latitude": 45, "longitude": -75, "country": "CA", "contract": "gold"}"#)],
              path: "sites[2].id", phrase: #"duplicate site id "S-OTTAWA""#),
        .init(rule: "duplicate shipping mode id", edits: [.append("shipping_modes", #"{"id": "ground", "speed_kmh": 50}"#)],
              path: "shipping_modes[2].id", phrase: "duplicate shipping mode id"),

        // Dangling references.
        .init(rule: "site refers to unknown contract", edits: [.set("sites[0].contract", #""golden""#)],
              path: "sites[0].contract", phrase: #"unknown contract "golden" (did you mean "gold"?)"#),
        .init(rule: "site refers to unknown region", edits: [.set("sites[1].region", #""canda""#)],
              path: "sites[1].region", phrase: #"unknown region "canda" (did you mean "canada"?)"#),
        .init(rule: "region ASL refers to unknown location", edits: [.set("regions[1].asl[1]", #""DALL""#)],
              path: "regions[1].asl[1]", phrase: #"unknown location "DALL" (did you mean "DAL"?)"#),
        .init(rule: "stock source is unknown", edits: [.set("stock[0].source", #""MEMM""#)],
              path: "stock[0].source", phrase: #"unknown location or supplier "MEMM" (did you mean "MEM"?)"#),
        .init(rule: "repair depot is unknown", edits: [.set("repair.depot", #""ATL""#)],
              path: "repair.depot", phrase: #"unknown location "ATL""#),
        .init(rule: "refurbished_to is unknown", edits: [.set("repair.refurbished_to", #""MEN""#)],
              path: "repair.refurbished_to", phrase: #"unknown location "MEN""#),
        .init(rule: "superseded_by is unknown", edits: [.set("parts[0].superseded_by", #""P9""#)],
              path: "parts[0].superseded_by", phrase: #"unknown part "P9""#),
        .init(rule: "part supersedes itself", edits: [.set("parts[0].superseded_by", #""P1""#)],
              path: "parts[0].superseded_by", phrase: "cannot supersede itself"),
        .init(rule: "demand names unknown part (weights)", edits: [.set("demand[0].parts", #"{"P1": 2, "P7": 1}"#)],
              path: "demand[0].parts.P7", phrase: #"unknown part "P7""#),
        .init(rule: "demand names unknown site (list)", edits: [.set("demand[0].sites", #"["S-FORTWORTH", "S-OTAWA"]"#)],
              path: "demand[0].sites[1]", phrase: #"unknown site "S-OTAWA" (did you mean "S-OTTAWA"?)"#),
        .init(rule: "transfer mode is unknown", edits: [.set("transfers.mode", #""truck""#)],
              path: "transfers.mode", phrase: #"unknown shipping mode "truck""#),
        .init(rule: "cross-border lane names an absent country",
              edits: [.set("cross_border.lanes", #"[{"from": "US", "to": "GB", "allowed": false}]"#)],
              path: "cross_border.lanes[0].to", phrase: #"country "GB" has no location or site"#),
        .init(rule: "supplier id clashes with a location id", edits: [.set("suppliers[0].id", #""MEM""#)],
              path: "suppliers[0]", phrase: "is also a location id", isOnlyIssue: false),

        // Wrong types.
        .init(rule: "number given as string", edits: [.set("locations[0].latitude", #""north""#)],
              path: "locations[0].latitude", phrase: "must be a number, found a string"),
        .init(rule: "boolean given as string", edits: [.set("contracts[0].refurbished_allowed", #""yes""#)],
              path: "contracts[0].refurbished_allowed", phrase: "must be true or false, found a string"),
        .init(rule: "array given as object", edits: [.set("stock", "{}")],
              path: "stock", phrase: "must be an array, found an object", isOnlyIssue: false),
        .init(rule: "object given as number", edits: [.set("clock", "30")],
              path: "clock", phrase: "must be an object, found a number", isOnlyIssue: false),
        .init(rule: "fractional replications", edits: [.set("clock.replications", "2.5")],
              path: "clock.replications", phrase: "must be a whole number"),
        .init(rule: "required key missing", edits: [.remove("sites[0].latitude")],
              path: "sites[0].latitude", phrase: "is required but missing"),

        // Values out of range or malformed.
        .init(rule: "latitude out of range", edits: [.set("locations[0].latitude", "95")],
              path: "locations[0].latitude", phrase: "must be between -90 and 90 degrees, found 95"),
        .init(rule: "longitude out of range", edits: [.set("sites[1].longitude", "-200")],
              path: "sites[1].longitude", phrase: "must be between -180 and 180 degrees"),
        .init(rule: "country code in lower case", edits: [.set("locations[1].country", #""ca""#)],
              path: "locations[1].country", phrase: "two-letter ISO 3166 country code"),
        .init(rule: "three-letter country code", edits: [.set("sites[0].country", #""USA""#)],
              path: "sites[0].country", phrase: "two-letter ISO 3166 country code"),
        .init(rule: "unknown time zone", edits: [.set("locations[0].time_zone", #""America/Dalas""#)],
              path: "locations[0].time_zone", phrase: "is not a known IANA time zone"),
        .init(rule: "start without zone", edits: [.set("clock.start", #""2026-01-05""#)],
              path: "clock.start", phrase: "ISO 8601 instant with zone"),
        .init(rule: "cutoff 24:00", edits: [.set("locations[0].cutoffs.ground", #""24:00""#)],
              path: "locations[0].cutoffs.ground", phrase: "between 00:00 and 23:59"),
        .init(rule: "cutoff 7:5", edits: [.set("locations[1].cutoffs.courier", #""7:5""#)],
              path: "locations[1].cutoffs.courier", phrase: "between 00:00 and 23:59"),
        .init(rule: "cutoff with an empty field", edits: [.set("locations[0].cutoffs.ground", #""17::00""#)],
              path: "locations[0].cutoffs.ground", phrase: "between 00:00 and 23:59"),
        .init(rule: "opening hour 8 am", edits: [.set("locations[0].opens", #""8 am""#)],
              path: "locations[0].opens", phrase: "HH:MM"),
        .init(rule: "holiday on 30 February", edits: [.set("locations[0].holidays", #"["2026-02-30"]"#)],
              path: "locations[0].holidays[0]", phrase: "YYYY-MM-DD"),
        .init(rule: "holiday in month 13", edits: [.set("locations[0].holidays", #"["2026-01-01", "2026-13-01"]"#)],
              path: "locations[0].holidays[1]", phrase: "YYYY-MM-DD"),
        .init(rule: "holiday in day-first form", edits: [.set("locations[0].holidays", #"["25/12/2026"]"#)],
              path: "locations[0].holidays[0]", phrase: "YYYY-MM-DD"),
        .init(rule: "holiday on 29 February of a common year", edits: [.set("locations[0].holidays", #"["2026-02-29"]"#)],
              path: "locations[0].holidays[0]", phrase: "YYYY-MM-DD"),
        .init(rule: "holiday with an empty field", edits: [.set("locations[0].holidays", #"["2026--01-19"]"#)],
              path: "locations[0].holidays[0]", phrase: "YYYY-MM-DD"),
        .init(rule: "weekday that only starts like one", edits: [.set("locations[0].operating_days", #"["mon", "sunflower"]"#)],
              path: "locations[0].operating_days[1]", phrase: "weekday name"),
        .init(rule: "weekday misspelt", edits: [.set("locations[0].operating_days", #"["mon", "tues", "wed"]"#)],
              path: "locations[0].operating_days[1]", phrase: "weekday name"),
        .init(rule: "dispatch rule unknown", edits: [.set("shipping_modes[0].dispatch", #""teleport""#)],
              path: "shipping_modes[0].dispatch", phrase: #"must be "scheduled_pickup" or "immediate""#),
        .init(rule: "bands out of order",
              edits: [.set("shipping_modes[1].bands", #"[{"max_km": 400, "transit_hours": 14}, {"max_km": 300, "transit_hours": 38}]"#)],
              path: "shipping_modes[1].bands[1]", phrase: "ascending order of max_km"),
        .init(rule: "both speed and bands", edits: [.set("shipping_modes[1].speed_kmh", "80")],
              path: "shipping_modes[1]", phrase: "either speed_kmh or bands"),
        .init(rule: "same-day SLA without order_by", edits: [.remove("contracts[0].sla.order_by")],
              path: "contracts[0].sla.order_by", phrase: "is required but missing"),
        .init(rule: "SLA with no form", edits: [.set("contracts[1].sla", "{}")],
              path: "contracts[1].sla", phrase: "must give one of hours, same_day_by (with order_by) or next_business_day_by"),
        .init(rule: "zero-hour SLA", edits: [.set("contracts[1].sla", #"{"hours": 0}"#)],
              path: "contracts[1].sla.hours", phrase: "must be greater than 0"),

        // Distribution parameters, reported at the parameter's own path.
        .init(rule: "lognormal cv of 0", edits: [.set("stock[0].lead_time", #"{"lognormal": {"mean": 48, "cv": 0}}"#)],
              path: "stock[0].lead_time.lognormal.cv", phrase: "must be a finite number greater than 0"),
        .init(rule: "gamma with negative mean", edits: [.set("suppliers[0].lead_time", #"{"gamma": {"mean": -1, "cv": 0.5}}"#)],
              path: "suppliers[0].lead_time.gamma.mean", phrase: "greater than 0", isOnlyIssue: false),
        .init(rule: "weibull shape of 0", edits: [.set("repair.repair_time", #"{"weibull": {"scale": 100, "shape": 0}}"#)],
              path: "repair.repair_time.weibull.shape", phrase: "greater than 0"),
        .init(rule: "triangular mode outside", edits: [.set("repair.return_delay", #"{"triangular": {"min": 10, "mode": 50, "max": 40}}"#)],
              path: "repair.return_delay.triangular.mode", phrase: "between min and max"),
        .init(rule: "two families at once",
              edits: [.set("stock[0].lead_time", #"{"gamma": {"mean": 48, "cv": 0.3}, "exponential": {"mean": 48}}"#)],
              path: "stock[0].lead_time", phrase: "give exactly one"),
        .init(rule: "unknown family", edits: [.set("stock[0].lead_time", #"{"lognormall": {"mean": 48, "cv": 0.3}}"#)],
              path: "stock[0].lead_time.lognormall", phrase: #"did you mean "lognormal"?"#, isOnlyIssue: false),
        .init(rule: "supplier lead time negative", edits: [.set("suppliers[0].lead_time", "-5")],
              path: "suppliers[0].lead_time", phrase: "must not produce negative hours"),
        .init(rule: "order quantity below one", edits: [.set("demand[0].quantity", "0")],
              path: "demand[0].quantity", phrase: "whole numbers of 1 or more"),
        .init(rule: "lumpy demand with variance ratio 1",
              edits: [.remove("demand[0].orders_per_day"), .set("demand[0].units_per_day", "4"), .set("demand[0].variance_to_mean", "1")],
              path: "demand[0].variance_to_mean", phrase: "must be greater than 1"),
        .init(rule: "both orders_per_day and units_per_day",
              edits: [.set("demand[0].units_per_day", "4"), .set("demand[0].variance_to_mean", "2")],
              path: "demand[0]", phrase: "either orders_per_day or units_per_day"),
        .init(rule: "weekly pattern of six days", edits: [.set("demand[0].weekly_pattern", "[1, 1, 1, 1, 1, 0.5]")],
              path: "demand[0].weekly_pattern", phrase: "must have 7 multipliers"),
        .init(rule: "urgent fraction above 1", edits: [.set("demand[0].urgent_fraction", "1.5")],
              path: "demand[0].urgent_fraction", phrase: "between 0 and 1"),

        // Stock policies.
        .init(rule: "s_S with S equal to s", edits: [.set("stock[1].policy", #"{"s_S": {"s": 5, "S": 5}}"#)],
              path: "stock[1].policy.s_S", phrase: "S must be greater than s (found s = 5, S = 5)"),
        .init(rule: "min_max with max below min", edits: [.set("stock[1].policy", #"{"min_max": {"min": 6, "max": 3}}"#)],
              path: "stock[1].policy.min_max", phrase: "max must be at least min (found min = 6, max = 3)"),
        .init(rule: "fill target of 1", edits: [.set("stock[0].policy.base_stock.fill_target", "1")],
              path: "stock[0].policy.base_stock.fill_target", phrase: "must be between 0.01 and 0.999999"),
        .init(rule: "policy with no form", edits: [.set("stock[0].policy", "{}")],
              path: "stock[0].policy", phrase: "must give one of base_stock, s_S, min_max"),
        .init(rule: "unknown location type selector", edits: [.set("stock[0].locations", #"{"type": "depot"}"#)],
              path: "stock[0].locations.type", phrase: "must be one of fsl, hub, central_dc, repair_depot"),
        .init(rule: "location replenishes from itself",
              edits: [.set("stock[1].source", #""MEM""#), .set("stock[1].lead_time", "24")],
              path: "stock[1].source", phrase: "cannot replenish from itself"),
        .init(rule: "part with demand stocked nowhere",
              edits: [.append("stock", #"{"locations": "*", "parts": ["P3"], "policy": "not_stocked"}"#)],
              path: "demand[0].parts", phrase: #"part "P3" has demand but is stocked nowhere"#),

        // Clock.
        .init(rule: "warm-up as long as the horizon", edits: [.set("clock.warmup_days", "30")],
              path: "clock.warmup_days", phrase: "must be shorter than horizon_days"),
        .init(rule: "horizon of zero days", edits: [.set("clock.horizon_days", "0")],
              path: "clock.horizon_days", phrase: "must be between 1 and 36500 days"),
    ]

    @Test func compactFixtureLoadsCleanly() {
        #expect(ScenarioFixtures.issues(after: []).isEmpty)
    }

    @Test(arguments: cases)
    func brokenFixtureIsReportedAtItsPath(_ rule: ValidationCase) {
        let issues = ScenarioFixtures.issues(after: rule.edits)
        let atPath = issues.filter { $0.path == rule.path }
        #expect(!atPath.isEmpty, "no issue at \(rule.path); got:\n\(InputIssues(issues))")
        #expect(atPath.contains { $0.message.contains(rule.phrase) },
                "no message at \(rule.path) contains \"\(rule.phrase)\"; got:\n\(InputIssues(issues))")
        #expect(issues.allSatisfy { $0.file == "fixture.json" })
        if rule.isOnlyIssue {
            #expect(issues.count == 1, "expected one issue, got:\n\(InputIssues(issues))")
        }
    }

    @Test(arguments: [
        #"{"name": "x", "clock": {"#,
        #"{"name": "x" "clock": {}}"#,
        "",
        #"{"name": 'single quotes'}"#,
    ])
    func invalidJSONSyntaxIsOneIssueAtTheRoot(_ text: String) {
        do {
            _ = try ScenarioLoader.load(data: Data(text.utf8), file: "broken.json")
            Issue.record("loaded invalid JSON")
        } catch {
            #expect(error.issues.count == 1)
            #expect(error.issues.first?.path == "")
            #expect(error.issues.first?.file == "broken.json")
            #expect(error.issues.first?.message.contains("is not valid JSON") == true)
        }
    }

    @Test func topLevelMustBeAnObject() {
        let issues = Result { () throws(InputIssues) in try ScenarioLoader.load(data: Data("[1, 2]".utf8), file: "a.json") }
        guard case .failure(let error) = issues else { Issue.record("loaded an array"); return }
        #expect(error.issues.map(\.path) == [""])
        #expect(error.issues[0].message.contains("must be an object"))
    }

    @Test func missingFileIsReportedWithItsPath() {
        do {
            _ = try ScenarioLoader.load(path: "/nonexistent/scenario.json")
            Issue.record("loaded a missing file")
        } catch {
            #expect(error.issues.count == 1)
            #expect(error.issues[0].file == "/nonexistent/scenario.json")
            #expect(error.issues[0].message.contains("cannot be read"))
        }
    }

    @Test func everyProblemInOneFileIsReportedAtOnce() {
        let issues = ScenarioFixtures.issues(after: [
            .set("clock.warmup_days", "45"),
            .set("locations[0].cutoffs.ground", #""24:00""#),
            .set("locations[1].latitude", "91"),
            .set("parts[2].unit_cost", #""cheap""#),
            .set("sites[0].contract", #""bronze""#),
            .set("stock[0].lead_time", #"{"lognormal": {"mean": 48, "cv": -0.1}}"#),
            .set("stokc", "[]"),
        ])
        #expect(issues.count >= 3)
        let paths = Set(issues.map(\.path))
        for expected in ["clock.warmup_days", "locations[0].cutoffs.ground", "locations[1].latitude", "parts[2].unit_cost",
                         "sites[0].contract", "stock[0].lead_time.lognormal.cv", "stokc"] {
            #expect(paths.contains(expected), "missing \(expected) in:\n\(InputIssues(issues))")
        }
    }

    @Test func issueDescriptionNamesFileAndPath() {
        let issues = ScenarioFixtures.issues(after: [.set("locations[0].cutoffs.ground", #""24:00""#)])
        #expect(issues.first?.description.hasPrefix("fixture.json: locations[0].cutoffs.ground: must be") == true)
    }
}
