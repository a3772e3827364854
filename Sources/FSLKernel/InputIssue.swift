/// One problem in a user's input: where it is and what to do about it.
public struct InputIssue: Sendable, Equatable, CustomStringConvertible {
    /// The file the problem is in.
    public var file: String
    /// A JSON path such as `locations[3].cutoffs.ground`, or `line 12` for CSV input; empty for
    /// the whole file.
    public var path: String
    /// What is wrong and how to fix it.
    public var message: String

    /// Creates an issue.
    public init(file: String, path: String, message: String) {
        self.file = file
        self.path = path
        self.message = message
    }

    /// `file: path: message`.
    public var description: String {
        path.isEmpty ? "\(file): \(message)" : "\(file): \(path): \(message)"
    }
}

/// Every problem found in an input, reported together rather than one at a time.
public struct InputIssues: Error, Sendable, CustomStringConvertible {
    /// The problems, in document order.
    public var issues: [InputIssue]

    /// Creates the error from a non-empty list.
    public init(_ issues: [InputIssue]) { self.issues = issues }

    /// One issue per line.
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
