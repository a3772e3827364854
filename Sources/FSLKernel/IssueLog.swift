/// Collects the problems found while reading one input file, so that all of them can be
/// reported at once.
///
/// A class so that every reader walking the same document appends to one list; it lives only
/// while one file is being loaded, on one thread.
public final class IssueLog {
    /// The file being read, named in every issue.
    public let file: String
    /// The problems found so far, in the order they were found.
    public private(set) var issues: [InputIssue] = []

    /// Creates an empty log for `file`.
    public init(file: String) { self.file = file }

    /// Records a problem at `path`.
    public func add(_ path: String, _ message: String) {
        issues.append(InputIssue(file: file, path: path, message: message))
    }

    /// Records a problem found in another file read on this one's behalf (e.g. a CSV it names).
    public func append(_ issue: InputIssue) { issues.append(issue) }

    /// Whether nothing has been recorded.
    public var isClean: Bool { issues.isEmpty }

    /// Throws all recorded problems, if any.
    public func throwIfAny() throws(InputIssues) {
        if !issues.isEmpty { throw InputIssues(issues) }
    }
}

/// Suggestions for misspelt names.
public enum Spelling {
    /// The candidate closest to `word` by edit distance, if it is close enough to be a likely
    /// typo (at most a third of the word's length, and at least 1 edit allowed).
    public static func suggestion(for word: String, among candidates: some Sequence<String>) -> String? {
        let limit = max(1, word.count / 3)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(word.lowercased(), candidate.lowercased())
            if distance <= limit, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.name
    }

    /// A ` (did you mean "x"?)` suffix, or an empty string.
    public static func didYouMean(_ word: String, among candidates: some Sequence<String>) -> String {
        suggestion(for: word, among: candidates).map { " (did you mean \"\($0)\"?)" } ?? ""
    }

    /// Levenshtein distance between two strings.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
