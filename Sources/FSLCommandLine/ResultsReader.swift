import Foundation
import FSLExperiments

/// Reads the files a run wrote (`replications.csv`, `run.json`) back, for `merge` and `regress`.
/// Every problem is bad input data (exit 65) and names the file.
enum ResultsReader {
    /// The text of `path`.
    /// - Throws: `CommandError.dataError` naming the file when it is missing or unreadable.
    static func text(_ path: String, hint: String) throws(CommandError) -> String {
        guard FileManager.default.fileExists(atPath: path) else { throw .dataError("\(path): missing; \(hint)") }
        guard let data = FileManager.default.contents(atPath: path) else { throw .dataError("\(path): cannot be read; check its permissions") }
        guard let text = String(data: data, encoding: .utf8) else { throw .dataError("\(path): is not UTF-8 text") }
        return text
    }

    /// The records of `<directory>/replications.csv`.
    static func replications(in directory: String, hint: String) throws(CommandError) -> [ReplicationRecord] {
        let path = join(directory, "replications.csv")
        let csv = try text(path, hint: hint)
        do {
            return try MetricTables.replicationRecords(fromCSV: csv, file: path)
        } catch {
            throw .dataError("\(error.description)\nThe file is corrupt; \(hint)")
        }
    }

    /// The rows of a CSV file.
    static func csvRows(_ path: String) throws(CommandError) -> [CSVReader.Row] {
        let csv = try text(path, hint: "rerun the command that wrote it")
        do {
            return try CSVReader.rows(csv, file: path)
        } catch {
            throw .dataError(error.description)
        }
    }

    /// The top-level object of `<directory>/run.json`.
    static func runInfo(in directory: String, hint: String) throws(CommandError) -> [String: Any] {
        let path = join(directory, "run.json")
        let json = try text(path, hint: hint)
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)), let info = object as? [String: Any] else {
            throw .dataError("\(path): is not a JSON object; the file is corrupt, \(hint)")
        }
        return info
    }

    /// `directory/name`, without doubling a trailing slash.
    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}

/// Typed access to the fields of a `run.json`, with errors naming the file and key.
struct RunInfoFields {
    var info: [String: Any]
    var file: String
    var hint: String

    func string(_ key: String) throws(CommandError) -> String {
        if let text = info[key] as? String { return text }
        if let number = info[key] as? NSNumber { return number.stringValue }
        throw missing(key, "text")
    }

    func number(_ key: String) throws(CommandError) -> Double {
        guard let number = info[key] as? NSNumber, !(info[key] is Bool) else { throw missing(key, "a number") }
        return number.doubleValue
    }

    func unsigned(_ key: String) throws(CommandError) -> UInt64 {
        let text = try string(key)
        guard let value = UInt64(text) else { throw .dataError("\(file): \"\(key)\" is \"\(text)\", not a whole number from 0 to 2^64−1; \(hint)") }
        return value
    }

    func integer(_ key: String) throws(CommandError) -> Int {
        let x = try number(key)
        guard x >= 0, x == x.rounded(), x < 1e15 else { throw .dataError("\(file): \"\(key)\" must be a whole number ≥ 0, found \(x); \(hint)") }
        return Int(x)
    }

    /// The `strategies` array as labels (`routing`, `allocation` in command-line form).
    func strategies() throws(CommandError) -> [StrategyLabel] {
        guard let list = info["strategies"] as? [[String: Any]], !list.isEmpty else { throw missing("strategies", "a non-empty array") }
        var labels: [StrategyLabel] = []
        for entry in list {
            guard let routing = entry["routing"] as? String, let allocation = entry["allocation"] as? String else {
                throw .dataError("\(file): every entry of \"strategies\" needs \"routing\" and \"allocation\" text; \(hint)")
            }
            labels.append(StrategyLabel(routing: routing, allocation: allocation))
        }
        return labels
    }

    func missing(_ key: String, _ kind: String) -> CommandError {
        .dataError("\(file): \"\(key)\" is missing or not \(kind); \(hint)")
    }
}
