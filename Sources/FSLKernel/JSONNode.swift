/// A value in a JSON document together with its path, for reading with precise error messages.
///
/// Every accessor reports a wrong type or an out-of-range value to the shared `IssueLog` and
/// returns nil, so a loader can keep going and report every problem in one pass.
public struct JSONNode {
    /// The value at this place.
    public let value: JSONValue
    /// Its JSON path, e.g. `locations[3].cutoffs.ground`.
    public let path: String
    /// Where problems go.
    public let log: IssueLog

    /// Wraps the root of a document.
    public init(root: JSONValue, log: IssueLog) {
        value = root
        path = ""
        self.log = log
    }

    init(value: JSONValue, path: String, log: IssueLog) {
        self.value = value
        self.path = path
        self.log = log
    }

    /// Records a problem at this node.
    public func report(_ message: String) { log.add(path, message) }

    /// The path of a child key.
    public func path(of key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// Reads an object whose keys must all be among `keys`; an unknown key is reported with a
    /// suggestion, because a typo must never silently fall back to a default.
    public func object(keys: [String]) -> JSONObjectNode? {
        guard case .object(let fields) = value else {
            report("must be an object, found \(value.typeName)")
            return nil
        }
        for key in fields.keys.sorted() where !keys.contains(key) {
            log.add(path(of: key), "unknown key\(Spelling.didYouMean(key, among: keys)); allowed keys: \(keys.joined(separator: ", "))")
        }
        return JSONObjectNode(fields: fields, node: self)
    }

    /// Reads an array.
    public var array: [JSONNode]? {
        guard case .array(let items) = value else {
            report("must be an array, found \(value.typeName)")
            return nil
        }
        return items.enumerated().map { JSONNode(value: $1, path: "\(path)[\($0)]", log: log) }
    }

    /// Reads a string.
    public var string: String? {
        guard case .string(let text) = value else {
            report("must be a string, found \(value.typeName)")
            return nil
        }
        return text
    }

    /// Reads a non-empty string.
    public var nonEmptyString: String? {
        guard let text = string else { return nil }
        if text.isEmpty {
            report("must not be empty")
            return nil
        }
        return text
    }

    /// Reads a boolean.
    public var bool: Bool? {
        guard case .bool(let flag) = value else {
            report("must be true or false, found \(value.typeName)")
            return nil
        }
        return flag
    }

    /// Reads a finite number.
    public var number: Double? {
        guard case .number(let x) = value else {
            report("must be a number, found \(value.typeName)")
            return nil
        }
        guard x.isFinite else {
            report("must be a finite number")
            return nil
        }
        return x
    }

    /// Reads a number within `range`; `unit` is named in the message.
    public func number(in range: ClosedRange<Double>, unit: String = "") -> Double? {
        guard let x = number else { return nil }
        guard range.contains(x) else {
            let suffix = unit.isEmpty ? "" : " \(unit)"
            report("must be between \(format(range.lowerBound)) and \(format(range.upperBound))\(suffix), found \(format(x))")
            return nil
        }
        return x
    }

    /// Reads a number greater than zero.
    public var positiveNumber: Double? {
        guard let x = number else { return nil }
        guard x > 0 else {
            report("must be greater than 0, found \(format(x))")
            return nil
        }
        return x
    }

    /// Reads a number that is zero or more.
    public var nonNegativeNumber: Double? {
        guard let x = number else { return nil }
        guard x >= 0 else {
            report("must be 0 or more, found \(format(x))")
            return nil
        }
        return x
    }

    /// Reads a whole number within `range`.
    public func integer(in range: ClosedRange<Int> = Int.min...Int.max) -> Int? {
        guard let x = number else { return nil }
        guard x == x.rounded(), abs(x) < 9.0e15 else {
            report("must be a whole number, found \(format(x))")
            return nil
        }
        let n = Int(x)
        guard range.contains(n) else {
            let upper = range.upperBound == Int.max ? "" : " and at most \(range.upperBound)"
            report("must be at least \(range.lowerBound)\(upper), found \(n)")
            return nil
        }
        return n
    }

    private func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}

/// A JSON object being read field by field.
public struct JSONObjectNode {
    /// The object's fields.
    public let fields: [String: JSONValue]
    /// The object itself.
    public let node: JSONNode

    /// Wraps the fields of the object at `node` (unknown keys are not checked: use
    /// `JSONNode.object(keys:)` for that).
    public init(fields: [String: JSONValue], node: JSONNode) {
        self.fields = fields
        self.node = node
    }

    /// An optional field, or nil when absent (null counts as absent).
    public subscript(key: String) -> JSONNode? {
        guard let value = fields[key], value != .null else { return nil }
        return JSONNode(value: value, path: node.path(of: key), log: node.log)
    }

    /// A required field; its absence is reported.
    public func required(_ key: String) -> JSONNode? {
        guard let child = self[key] else {
            node.log.add(node.path(of: key), "is required but missing")
            return nil
        }
        return child
    }

    /// Whether the field is present.
    public func has(_ key: String) -> Bool { self[key] != nil }
}
