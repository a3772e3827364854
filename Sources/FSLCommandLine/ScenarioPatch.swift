import Foundation
import FSLKernel

/// A JSON path into a scenario file, as `sweep --set` takes it: `key`, `[index]` and `[id]`
/// (the element of an array whose `"id"` is that text), e.g. `locations[DAL].cutoffs.ground`
/// or `stock[0].policy.base_stock`.
struct ScenarioPath: CustomStringConvertible {
    enum Segment: Equatable {
        case key(String)
        case index(Int)
        case id(String)
    }

    var segments: [Segment]
    var description: String

    /// Parses `text`.
    /// - Throws: `CommandError.usage` naming the path for empty keys or unclosed brackets.
    init(_ text: String) throws(CommandError) {
        description = text
        segments = []
        var rest = Substring(text)
        while !rest.isEmpty {
            if rest.first == "[" {
                guard let close = rest.firstIndex(of: "]") else { throw .usage("--set \(text): a [ is never closed") }
                let inside = String(rest[rest.index(after: rest.startIndex)..<close])
                guard !inside.isEmpty else { throw .usage("--set \(text): empty [] — write [index] or [id]") }
                segments.append(Int(inside).map(Segment.index) ?? .id(inside))
                rest = rest[rest.index(after: close)...]
                if rest.first == "." { rest = rest.dropFirst() }
            } else {
                let end = rest.firstIndex { $0 == "." || $0 == "[" } ?? rest.endIndex
                let key = String(rest[..<end])
                guard !key.isEmpty else { throw .usage("--set \(text): an empty key (two dots in a row?)") }
                segments.append(.key(key))
                rest = rest[end...]
                if rest.first == "." { rest = rest.dropFirst() }
            }
        }
        guard !segments.isEmpty else { throw .usage("--set needs a JSON path before =, e.g. stock[0].policy.base_stock=2,3") }
    }

    /// `root` with the value at this path replaced by `value`. The last key may be new (an
    /// optional key the file leaves out); everything before it must exist.
    /// - Throws: `CommandError.usage` naming the path and the first segment that failed.
    func setting(_ value: JSONValue, in root: JSONValue) throws(CommandError) -> JSONValue {
        try set(value, in: root, at: 0, walked: "")
    }

    private func set(_ value: JSONValue, in node: JSONValue, at position: Int, walked: String) throws(CommandError) -> JSONValue {
        guard position < segments.count else { return value }
        let segment = segments[position]
        let isLast = position == segments.count - 1
        let here = walked.isEmpty ? "the top level" : walked
        func fail(_ message: String) -> CommandError {
            .usage("--set \(description): segment \(name(segment)) failed: \(message)")
        }
        switch (segment, node) {
        case (.key(let key), .object(var object)):
            guard let child = object[key] ?? (isLast ? JSONValue.null : nil) else {
                throw fail("\(here) has no key \"\(key)\" (keys: \(object.keys.sorted().joined(separator: ", ")))")
            }
            object[key] = try set(value, in: child, at: position + 1, walked: walked.isEmpty ? key : "\(walked).\(key)")
            return .object(object)
        case (.index(let index), .array(var array)):
            guard array.indices.contains(index) else { throw fail("\(here) has \(array.count) elements (0–\(array.count - 1))") }
            array[index] = try set(value, in: array[index], at: position + 1, walked: "\(walked)[\(index)]")
            return .array(array)
        case (.id(let id), .array(var array)):
            guard let index = array.firstIndex(where: { if case .object(let o) = $0, o["id"] == .string(id) { true } else { false } }) else {
                let ids = array.compactMap { element -> String? in
                    if case .object(let o) = element, case .string(let s)? = o["id"] { s } else { nil }
                }
                throw fail("no element of \(here) has \"id\": \"\(id)\"" + (ids.isEmpty ? "" : " (ids: \(ids.prefix(12).joined(separator: ", "))\(ids.count > 12 ? ", …" : ""))"))
            }
            array[index] = try set(value, in: array[index], at: position + 1, walked: "\(walked)[\(id)]")
            return .array(array)
        default:
            let wanted = if case .key = segment { "an object" } else { "an array" }
            throw fail("\(here) is \(node.typeName), not \(wanted)")
        }
    }

    private func name(_ segment: Segment) -> String {
        switch segment {
        case .key(let key): "\"\(key)\""
        case .index(let index): "[\(index)]"
        case .id(let id): "[\(id)]"
        }
    }

    /// A command-line value as JSON: a number, `true`, `false`, `null`, or a JSON literal when
    /// it parses as one; otherwise the text itself as a string (`16:00`).
    static func value(_ text: String) -> JSONValue {
        (try? JSONValue.parse(Data(text.utf8), file: "")) ?? .string(text)
    }
}
