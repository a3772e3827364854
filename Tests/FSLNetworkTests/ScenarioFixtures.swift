import Foundation
import FSLKernel
import FSLNetwork

/// A compact valid scenario and tools to break it one field at a time, so that each validation
/// test states only the mutation, the JSON path it expects and a phrase of the message.
enum ScenarioFixtures {
    /// Three locations (Dallas FSL, Toronto 3PL FSL, Memphis central DC) in two countries, three
    /// parts, one capacity-limited supplier, two contracts, two sites. It loads without issues.
    static let compact = #"""
{
  "name": "compact",
  "clock": {"start": "2026-01-05T00:00:00Z", "horizon_days": 30, "warmup_days": 5, "replications": 2, "seed": 7},
  "shipping_modes": [
    {"id": "courier", "dispatch": "immediate", "speed_kmh": 60, "base_hours": 0.5, "max_km": 250, "cost": {"fixed": 45, "per_km": 1.1}},
    {"id": "ground", "dispatch": "scheduled_pickup", "bands": [{"max_km": 400, "transit_hours": 14}, {"max_km": 2500, "transit_hours": 38}], "cost": {"fixed": 12, "per_kg": 0.6}}
  ],
  "locations": [
    {"id": "DAL", "name": "Dallas FSL", "type": "fsl", "latitude": 32.78306, "longitude": -96.80667, "country": "US",
     "time_zone": "America/Chicago", "operating_days": ["mon", "tue", "wed", "thu", "fri"], "holidays": ["2026-01-19"],
     "opens": "08:00", "cutoffs": {"courier": "20:00", "ground": "17:00"}},
    {"id": "TOR", "name": "Toronto FSL", "type": "fsl", "latitude": 43.70643, "longitude": -79.39864, "country": "CA",
     "time_zone": "America/Toronto", "cutoffs": {"courier": "20:00", "ground": "17:00"},
     "third_party": {"handling_fee": 6.5, "pick_delay_hours": 1}},
    {"id": "MEM", "name": "Memphis DC", "type": "central_dc", "latitude": 35.14953, "longitude": -90.04898, "country": "US",
     "time_zone": "America/Chicago", "cutoffs": {"ground": "21:00"}, "holding_rate": 0.2}
  ],
  "parts": [
    {"id": "P1", "unit_cost": 120, "weight_kg": 2},
    {"id": "P2", "unit_cost": 800, "weight_kg": 5, "refurbished_substitutes": false},
    {"id": "P3", "unit_cost": 45}
  ],
  "suppliers": [{"id": "OEM", "lead_time": {"lognormal": {"mean": 240, "cv": 0.4}}, "capacity_per_week": 50}],
  "stock": [
    {"locations": {"type": "fsl"}, "parts": "*", "policy": {"base_stock": {"fill_target": 0.9}}, "source": "MEM",
     "lead_time": {"gamma": {"mean": 48, "cv": 0.3}}},
    {"locations": ["MEM"], "parts": "*", "policy": {"s_S": {"s": 4, "S": 12}}, "source": "OEM"}
  ],
  "repair": {"return_fraction": 0.5, "return_delay": {"lognormal": {"mean": 96, "cv": 0.5}},
             "repair_time": {"gamma": {"mean": 120, "cv": 0.6}}, "yield": 0.9, "depot": "MEM", "refurbished_to": "MEM"},
  "transfers": {"allowed": true, "mode": "ground", "cost_per_unit": 8},
  "cross_border": {"default": {"allowed": true, "customs_delay": {"lognormal": {"mean": 24, "cv": 0.5}}, "brokerage_fee": 35, "duty_rate": 0.02}},
  "contracts": [
    {"id": "gold", "sla": {"same_day_by": "20:00", "order_by": "12:00"}, "routine_sla": {"next_business_day_by": "17:00"},
     "penalty": {"per_breach": 300, "per_late_hour": 20}, "priority_weight": 2},
    {"id": "silver", "sla": {"next_business_day_by": "17:00"}, "penalty": {"per_breach": 80}, "cross_border_allowed": false}
  ],
  "regions": [{"id": "south", "asl": ["DAL", "MEM"]}, {"id": "canada", "asl": ["TOR", "DAL"]}],
  "sites": [
    {"id": "S-FORTWORTH", "latitude": 32.72541, "longitude": -97.32085, "country": "US", "time_zone": "America/Chicago",
     "contract": "gold", "region": "south"},
    {"id": "S-OTTAWA", "latitude": 45.41117, "longitude": -75.69812, "country": "CA", "contract": "silver", "region": "canada"}
  ],
  "demand": [{"sites": "*", "parts": {"P1": 2, "P2": 1, "P3": 1}, "orders_per_day": 4, "urgent_fraction": 0.6}],
  "routing": "nearest",
  "allocation": {"name": "priority", "parameters": {"reserve": 1}}
}
"""#

    /// The compact scenario as a JSON tree.
    static var compactJSON: JSONValue {
        // The fixture is a literal: a parse failure is a bug in this file.
        try! JSONValue.parse(Data(compact.utf8), file: "compact.json")
    }

    /// Loads `json`, returning the network or the issues.
    static func load(_ json: JSONValue, file: String = "fixture.json") -> Result<Network, InputIssues> {
        Result { () throws(InputIssues) -> Network in try ScenarioLoader.load(json: json, file: file) }
    }

    /// The issues reported for the compact scenario after `edits` (empty when it loads).
    static func issues(after edits: [Edit]) -> [InputIssue] {
        var json = compactJSON
        for edit in edits { json = edit.apply(to: json) }
        switch load(json) {
        case .success: return []
        case .failure(let error): return error.issues
        }
    }

    /// The network loaded from the compact scenario after `edits`.
    static func network(after edits: [Edit] = []) throws -> Network {
        var json = compactJSON
        for edit in edits { json = edit.apply(to: json) }
        return try load(json).get()
    }
}

/// One change to a JSON tree at a dotted path such as `locations[0].cutoffs.ground`.
///
/// `value` is JSON text (`"\"24:00\""`, `95`, `{"hours": 4}`), or nil to remove the key. A path
/// ending in `[]` appends to the array there.
struct Edit: Sendable, CustomStringConvertible {
    var path: String
    var value: String?

    /// Sets the value at `path` to the JSON text `value`.
    static func set(_ path: String, _ value: String) -> Edit { Edit(path: path, value: value) }
    /// Removes the key at `path`.
    static func remove(_ path: String) -> Edit { Edit(path: path, value: nil) }
    /// Appends the JSON text `value` to the array at `path`.
    static func append(_ path: String, _ value: String) -> Edit { Edit(path: path + "[]", value: value) }

    var description: String { value.map { "\(path) = \($0)" } ?? "remove \(path)" }

    private enum Step {
        case key(String)
        case index(Int)
        case append
    }

    private var steps: [Step] {
        var steps: [Step] = []
        for piece in path.split(separator: ".") {
            var rest = Substring(piece)
            if let bracket = rest.firstIndex(of: "[") {
                steps.append(.key(String(rest[..<bracket])))
                rest = rest[bracket...]
                while let open = rest.firstIndex(of: "["), let close = rest.firstIndex(of: "]") {
                    let inside = rest[rest.index(after: open)..<close]
                    steps.append(inside.isEmpty ? .append : .index(Int(inside)!))
                    rest = rest[rest.index(after: close)...]
                }
            } else {
                steps.append(.key(String(rest)))
            }
        }
        return steps
    }

    /// The tree with this edit applied.
    func apply(to root: JSONValue) -> JSONValue {
        let newValue = value.map { text -> JSONValue in
            // Wrapped in an array so that scalars parse on every Foundation.
            guard case .array(let items) = try! JSONValue.parse(Data("[\(text)]".utf8), file: "edit") else {
                fatalError("edit value \(text) is not JSON")
            }
            return items[0]
        }
        return Self.replace(in: root, steps: steps[...], with: newValue)
    }

    private static func replace(in node: JSONValue, steps: ArraySlice<Step>, with newValue: JSONValue?) -> JSONValue {
        guard let step = steps.first else { return newValue ?? .null }
        let rest = steps.dropFirst()
        switch (step, node) {
        case (.key(let key), .object(var fields)):
            if rest.isEmpty, newValue == nil {
                fields[key] = nil
            } else {
                fields[key] = replace(in: fields[key] ?? .null, steps: rest, with: newValue)
            }
            return .object(fields)
        case (.index(let i), .array(var items)):
            if rest.isEmpty, newValue == nil {
                items.remove(at: i)
            } else {
                items[i] = replace(in: items[i], steps: rest, with: newValue)
            }
            return .array(items)
        case (.append, .array(var items)):
            items.append(newValue ?? .null)
            return .array(items)
        default:
            fatalError("edit path does not fit the fixture at \(step)")
        }
    }
}
