import FSLNetwork

extension StrategyChoice {
    /// Parses the command-line form `name` or `name:key=value,key=value`.
    static func parse(_ text: String, flag: String) throws(CommandError) -> StrategyChoice {
        let pieces = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard let name = pieces.first, !name.isEmpty else { throw .usage("--\(flag) needs a strategy name") }
        var parameters: [(String, String)] = []
        if pieces.count == 2 {
            for pair in pieces[1].split(separator: ",") {
                let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
                guard kv.count == 2, !kv[0].isEmpty else {
                    throw .usage("--\(flag) \(text): parameters must be key=value separated by commas, e.g. \(name):split=true")
                }
                parameters.append((kv[0], kv[1]))
            }
        }
        return StrategyChoice(name: name, parameters: parameters)
    }
}
