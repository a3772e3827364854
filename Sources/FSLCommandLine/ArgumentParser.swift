import FSLKernel

/// Declares the options one command accepts.
struct OptionSpec {
    enum Kind { case flag, value, repeatable }
    var name: String
    var kind: Kind
    var help: String
}

/// A command line split into positionals, option values and flags, validated against the
/// command's declared options. Tokenising and parsing work on a plain `[String]`, so tests need
/// no process.
struct ParsedArguments {
    var positionals: [String] = []
    private var values: [String: [String]] = [:]
    private var flags: Set<String> = []

    /// Parses `arguments` (without the program and command names).
    /// - Throws: `CommandError.usage` for an unknown option (with a suggestion) or a missing value.
    init(_ arguments: [String], options: [OptionSpec]) throws(CommandError) {
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            i += 1
            guard argument.hasPrefix("--"), argument.count > 2 else {
                positionals.append(argument)
                continue
            }
            var name = String(argument.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard let spec = options.first(where: { $0.name == name }) else {
                let names = options.map(\.name)
                let suggestion = Self.closest(name, names).map { " (did you mean --\($0)?)" } ?? ""
                throw .usage("unknown option --\(name)\(suggestion)")
            }
            switch spec.kind {
            case .flag:
                if inlineValue != nil { throw .usage("--\(name) takes no value") }
                flags.insert(name)
            case .value, .repeatable:
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else {
                    guard i < arguments.count, !arguments[i].hasPrefix("--") else { throw .usage("--\(name) needs a value") }
                    value = arguments[i]
                    i += 1
                }
                if spec.kind == .value, values[name] != nil { throw .usage("--\(name) given twice") }
                values[name, default: []].append(value)
            }
        }
    }

    static func closest(_ word: String, _ candidates: [String]) -> String? {
        Spelling.suggestion(for: word, among: candidates)
    }

    func flag(_ name: String) -> Bool { flags.contains(name) }
    func value(_ name: String) -> String? { values[name]?.last }
    func all(_ name: String) -> [String] { values[name] ?? [] }

    /// An integer option within `range`.
    func integer(_ name: String, in range: ClosedRange<Int>) throws(CommandError) -> Int? {
        guard let text = value(name) else { return nil }
        guard let n = Int(text), range.contains(n) else {
            throw .usage("--\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound); found \"\(text)\"")
        }
        return n
    }

    /// A number option within `range`.
    func number(_ name: String, in range: ClosedRange<Double>) throws(CommandError) -> Double? {
        guard let text = value(name) else { return nil }
        guard let x = Double(text), x.isFinite, range.contains(x) else {
            throw .usage("--\(name) must be a number from \(range.lowerBound) to \(range.upperBound); found \"\(text)\"")
        }
        return x
    }
}
