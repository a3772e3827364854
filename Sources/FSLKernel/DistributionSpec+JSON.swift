extension DistributionSpec {
    /// Reads a distribution from its JSON form, reporting every problem at `node`'s path.
    ///
    /// Forms: a bare number (deterministic), or an object with exactly one family key, e.g.
    /// `{"lognormal": {"mean": 72, "cv": 0.5}}`, `{"deterministic": 4}`,
    /// `{"empirical": {"values": [1, 2], "weights": [3, 1]}}`.
    public static func read(_ node: JSONNode) -> DistributionSpec? {
        if case .number = node.value {
            return node.number.map { .deterministic(value: $0) }
        }
        guard let object = node.object(keys: familyNames) else { return nil }
        let present = familyNames.filter { object.has($0) }
        guard present.count == 1, let family = present.first, let body = object[family] else {
            if present.isEmpty, object.fields.isEmpty {
                node.report("must name one distribution family: \(familyNames.joined(separator: ", "))")
            } else if present.count > 1 {
                node.report("names \(present.count) families (\(present.joined(separator: ", "))); give exactly one")
            }
            return nil
        }
        guard let spec = readFamily(family, body) else { return nil }
        let problems = spec.problems
        for problem in problems { node.log.add(body.path(of: problem.parameter), problem.message) }
        return problems.isEmpty ? spec : nil
    }

    private static func readFamily(_ family: String, _ body: JSONNode) -> DistributionSpec? {
        func fields(_ keys: [String]) -> [Double]? {
            guard let object = body.object(keys: keys) else { return nil }
            let numbers = keys.map { object.required($0)?.number }
            let found = numbers.compactMap { $0 }
            return found.count == keys.count ? found : nil
        }
        switch family {
        case "deterministic":
            if case .number = body.value { return body.number.map { .deterministic(value: $0) } }
            return fields(["value"]).map { .deterministic(value: $0[0]) }
        case "uniform": return fields(["min", "max"]).map { .uniform(min: $0[0], max: $0[1]) }
        case "exponential": return fields(["mean"]).map { .exponential(mean: $0[0]) }
        case "normal": return fields(["mean", "sd"]).map { .normal(mean: $0[0], sd: $0[1]) }
        case "lognormal": return fields(["mean", "cv"]).map { .lognormal(mean: $0[0], cv: $0[1]) }
        case "gamma": return fields(["mean", "cv"]).map { .gamma(mean: $0[0], cv: $0[1]) }
        case "weibull": return fields(["scale", "shape"]).map { .weibull(scale: $0[0], shape: $0[1]) }
        case "triangular": return fields(["min", "mode", "max"]).map { .triangular(min: $0[0], mode: $0[1], max: $0[2]) }
        case "poisson": return fields(["mean"]).map { .poisson(mean: $0[0]) }
        case "negative_binomial":
            return fields(["mean", "variance_to_mean"]).map { .negativeBinomial(mean: $0[0], varianceToMean: $0[1]) }
        case "compound_poisson":
            guard let object = body.object(keys: ["mean", "quantity"]) else { return nil }
            let mean = object.required("mean")?.number
            let quantity = object.required("quantity").flatMap(read)
            guard let mean, let quantity else { return nil }
            return .compoundPoisson(mean: mean, quantity: quantity)
        case "empirical":
            guard let object = body.object(keys: ["values", "weights"]) else { return nil }
            let values = object.required("values")?.array?.map(\.number)
            let weights = object.required("weights")?.array?.map(\.number)
            guard let values, let weights, !values.contains(nil), !weights.contains(nil) else { return nil }
            return .empirical(values: values.compactMap { $0 }, weights: weights.compactMap { $0 })
        default:
            return nil
        }
    }

    /// The canonical JSON form, as `read` accepts it.
    public var json: JSONValue {
        func family(_ name: String, _ pairs: [(String, Double)]) -> JSONValue {
            .object([name: .object(Dictionary(uniqueKeysWithValues: pairs.map { ($0.0, JSONValue.number($0.1)) }))])
        }
        switch self {
        case .deterministic(let value): return .object(["deterministic": .number(value)])
        case .uniform(let low, let high): return family("uniform", [("min", low), ("max", high)])
        case .exponential(let mean): return family("exponential", [("mean", mean)])
        case .normal(let mean, let sd): return family("normal", [("mean", mean), ("sd", sd)])
        case .lognormal(let mean, let cv): return family("lognormal", [("mean", mean), ("cv", cv)])
        case .gamma(let mean, let cv): return family("gamma", [("mean", mean), ("cv", cv)])
        case .weibull(let scale, let shape): return family("weibull", [("scale", scale), ("shape", shape)])
        case .triangular(let low, let mode, let high):
            return family("triangular", [("min", low), ("mode", mode), ("max", high)])
        case .poisson(let mean): return family("poisson", [("mean", mean)])
        case .negativeBinomial(let mean, let ratio):
            return family("negative_binomial", [("mean", mean), ("variance_to_mean", ratio)])
        case .compoundPoisson(let mean, let quantity):
            return .object(["compound_poisson": .object(["mean": .number(mean), "quantity": quantity.json])])
        case .empirical(let values, let weights):
            return .object(["empirical": .object(["values": .array(values.map(JSONValue.number)),
                                                  "weights": .array(weights.map(JSONValue.number))])])
        }
    }
}

extension DistributionSpec: Codable {
    /// Decodes the same JSON forms as `read(_:)`, failing with every problem it finds.
    public init(from decoder: Decoder) throws {
        let value = try JSONValue(from: decoder)
        let log = IssueLog(file: "<decoded>")
        guard let spec = DistributionSpec.read(JSONNode(root: value, log: log)) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: InputIssues(log.issues).description))
        }
        self = spec
    }

    /// Encodes the canonical JSON form.
    public func encode(to encoder: Encoder) throws { try json.encode(to: encoder) }
}
