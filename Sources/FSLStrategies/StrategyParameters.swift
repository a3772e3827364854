import FSLKernel
import FSLNetwork

/// One typed parameter a strategy accepts.
public struct StrategyParameter: Sendable {
    /// The kind of value and its valid range.
    public enum Kind: Sendable {
        /// A real number within the range.
        case number(ClosedRange<Double>)
        /// A whole number within the range.
        case integer(ClosedRange<Int>)
        /// `true` or `false`.
        case boolean
        /// One of the listed words.
        case choice([String])
        /// Zero or more of the listed words joined by `+`, e.g. `misses_sla+cross_border`, in the
        /// order given (order matters where the strategy says so); the empty text is the empty list.
        case list([String])
        /// `auto` (the strategy derives the value from the network) or a real number in the range.
        case optionalNumber(ClosedRange<Double>)
        /// Free text whose grammar the strategy's factory checks against the network, e.g.
        /// `north:2+south:1`; the associated text describes the grammar for listings.
        case text(String)
    }

    /// Parameter name, e.g. `split`.
    public var name: String
    /// What it does, one line.
    public var summary: String
    /// Its type.
    public var kind: Kind
    /// Default value, as text.
    public var defaultValue: String

    /// Creates a parameter description.
    public init(_ name: String, _ kind: Kind, default defaultValue: String, _ summary: String) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.summary = summary
    }

    /// A short type description for listings, e.g. `number 0...1`.
    public var typeDescription: String {
        switch kind {
        case .number(let range): "number \(range.lowerBound)...\(range.upperBound)"
        case .integer(let range): "integer \(range.lowerBound)...\(range.upperBound)"
        case .boolean: "true|false"
        case .choice(let words): words.joined(separator: "|")
        case .list(let words): "list of " + words.joined(separator: "|") + " joined by +"
        case .optionalNumber(let range): "auto|number \(range.lowerBound)...\(range.upperBound)"
        case .text(let grammar): grammar
        }
    }

    func validate(_ text: String) -> String? {
        switch kind {
        case .number(let range):
            guard let x = Double(text), range.contains(x) else { return "must be a number in \(range.lowerBound)...\(range.upperBound)" }
        case .integer(let range):
            guard let n = Int(text), range.contains(n) else { return "must be a whole number in \(range.lowerBound)...\(range.upperBound)" }
        case .boolean:
            guard text == "true" || text == "false" else { return "must be true or false" }
        case .choice(let words):
            guard words.contains(text) else {
                return "must be one of \(words.joined(separator: ", "))\(didYouMean(text, words))"
            }
        case .list(let words):
            for item in StrategyParameters.listItems(text) where !words.contains(item) {
                return "names \"\(item)\", which is not one of \(words.joined(separator: ", "))\(didYouMean(item, words))"
            }
        case .optionalNumber(let range):
            guard text == "auto" || Double(text).map(range.contains) == true else {
                return "must be auto or a number in \(range.lowerBound)...\(range.upperBound)"
            }
        case .text:
            break
        }
        return nil
    }
}

/// Validated parameter values of one strategy, with typed accessors.
public struct StrategyParameters: Sendable {
    private let values: [String: String]

    init(values: [String: String]) { self.values = values }

    /// A number parameter (validated, so present with its default).
    public func number(_ name: String) -> Double { Double(values[name] ?? "") ?? .nan }
    /// A whole-number parameter.
    public func integer(_ name: String) -> Int { Int(values[name] ?? "") ?? 0 }
    /// A boolean parameter.
    public func bool(_ name: String) -> Bool { values[name] == "true" }
    /// A choice or text parameter.
    public func text(_ name: String) -> String { values[name] ?? "" }
    /// A list parameter's words, in the order given.
    public func list(_ name: String) -> [String] { StrategyParameters.listItems(values[name] ?? "") }
    /// An `auto`-or-number parameter: nil for `auto`.
    public func optionalNumber(_ name: String) -> Double? { Double(values[name] ?? "") }

    /// Splits `a+b+c` into its words; the empty text (or `none`) is the empty list.
    static func listItems(_ text: String) -> [String] {
        text.isEmpty || text == "none" ? [] : text.split(separator: "+", omittingEmptySubsequences: false).map(String.init)
    }

    /// Validates `choice`'s parameters against `declared`, filling in defaults.
    static func resolve(_ choice: StrategyChoice, declared: [StrategyParameter]) throws(StrategyError) -> StrategyParameters {
        var values: [String: String] = [:]
        for parameter in declared { values[parameter.name] = parameter.defaultValue }
        for (key, value) in choice.parameters {
            guard let parameter = declared.first(where: { $0.name == key }) else {
                let names = declared.map(\.name)
                let known = names.isEmpty ? "it takes no parameters" : "its parameters are \(names.joined(separator: ", "))"
                throw StrategyError("strategy \"\(choice.name)\" has no parameter \"\(key)\"\(didYouMean(key, names)); \(known)")
            }
            if let problem = parameter.validate(value) {
                throw StrategyError("parameter \(key) of strategy \"\(choice.name)\" \(problem); found \"\(value)\"")
            }
            values[key] = value
        }
        return StrategyParameters(values: values)
    }
}

/// A strategy name or parameter the registry cannot accept.
public struct StrategyError: Error, Sendable, CustomStringConvertible {
    /// What is wrong and what to do.
    public let message: String
    init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}

func didYouMean(_ word: String, _ candidates: [String]) -> String {
    Spelling.didYouMean(word, among: candidates)
}
