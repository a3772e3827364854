#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One file to publish: a name inside the output directory and its complete contents.
public struct OutputFile: Sendable, Equatable {
    /// The file name, without directory, such as `summary.csv`.
    public var name: String
    /// The complete text of the file.
    public var contents: String

    /// Creates a file to publish.
    public init(name: String, contents: String) {
        self.name = name
        self.contents = contents
    }
}

/// A directory that run outputs are published into, all files together.
///
/// ``publish(_:)`` writes every file to a temporary file first and renames them only when all
/// are written, so an error while writing (disk full, permissions) leaves none of the new files
/// and no temporary file. Targets that could not be replaced (an existing directory of that
/// name) are found before the first rename. A reader never sees a partial CSV.
public struct OutputDirectory: Sendable {
    /// The directory path.
    public let path: String

    /// Uses the directory at `path`, creating it and any missing parents (mode 0755).
    ///
    /// - Throws: ``OutputError`` naming the path that could not be created, or `path` when it
    ///   exists but is not a directory.
    public init(creatingAt path: String) throws(OutputError) {
        precondition(!path.isEmpty, "output directory path is empty")
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o755) != 0 {
                let code = errno
                let reason = systemReason()
                guard code == EEXIST, Self.isDirectory(prefix) else {
                    let shown = path.hasPrefix("/") ? prefix : String(prefix.dropFirst(2))
                    throw OutputError(path: shown, message: "cannot create the output directory: "
                        + (code == EEXIST ? "a file of that name exists" : reason))
                }
            }
        }
        self.path = path
    }

    /// The path of `name` inside this directory.
    public func path(of name: String) -> String { path.hasSuffix("/") ? path + name : path + "/" + name }

    /// Writes `files` into the directory, replacing files of the same names, all or none.
    ///
    /// - Throws: ``OutputError`` naming the first file that failed. After an error no new file
    ///   has replaced an old one and no temporary file is left, except if a rename itself fails
    ///   part-way (which the checks before renaming make unlikely): files renamed before it are
    ///   complete, the rest are untouched.
    /// - Precondition: names are unique and contain no `/`.
    public func publish(_ files: [OutputFile]) throws(OutputError) {
        for (index, file) in files.enumerated() {
            precondition(!file.name.isEmpty && !file.name.contains("/"), "output file name '\(file.name)' is not a plain name")
            precondition(!files[..<index].contains { $0.name == file.name }, "output file '\(file.name)' published twice")
        }
        var staged: [(temporary: String, target: String)] = []
        func discardStaged() { for entry in staged { _ = unlink(entry.temporary) } }

        for file in files {
            let target = path(of: file.name)
            if Self.isDirectory(target) {
                discardStaged()
                throw OutputError(path: target, message: "is a directory; remove it or choose another output folder")
            }
            do {
                staged.append((try AtomicFile.stage(file.contents, for: target), target))
            } catch {
                discardStaged()
                throw error
            }
        }
        for (index, entry) in staged.enumerated() {
            do {
                try AtomicFile.commit(entry.temporary, to: entry.target)
            } catch {
                for later in staged[(index + 1)...] { _ = unlink(later.temporary) }
                throw error
            }
        }
    }

    static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }
}
