#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file that could not be written, created or published.
public struct OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path that failed: the target file or directory, never the temporary name.
    public let path: String
    /// What went wrong (the operating system's reason) and what to do.
    public let message: String

    /// Creates the error.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `path: message`.
    public var description: String { "\(path): \(message)" }
}

/// Writes files so that a reader sees either the old file, or the complete new one, never a
/// partial file.
///
/// The bytes go to a temporary file in the same directory as the target, named
/// `.<name>.tmp-<pid>-<random>`, which is then renamed over the target. `rename(2)` within one
/// directory (one file system) is atomic. On any error the temporary file is removed and an
/// ``OutputError`` naming the target is thrown. There is no `fsync`: the guarantee is against
/// crashes and errors of this process, not against power loss.
public enum AtomicFile {
    /// An open temporary file that accepts bytes.
    public struct Sink: ~Copyable {
        let descriptor: Int32
        let target: String

        /// Appends the UTF-8 bytes of `text`.
        ///
        /// - Throws: ``OutputError`` naming the target when the write fails (disk full, …).
        public func write(_ text: String) throws(OutputError) {
            var text = text
            // `withUTF8` rethrows untyped errors, so the typed error is carried out by hand.
            var failure: OutputError?
            text.withUTF8 { bytes in
                do throws(OutputError) { try write(bytes) } catch { failure = error }
            }
            if let failure { throw failure }
        }

        /// Appends `bytes`, retrying short and interrupted writes.
        ///
        /// - Throws: ``OutputError`` naming the target when the write fails.
        public func write(_ bytes: UnsafeBufferPointer<UInt8>) throws(OutputError) {
            var offset = 0
            while offset < bytes.count {
                let written = posixWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw OutputError(path: target, message: "cannot write: \(systemReason())")
                }
                offset += written
            }
        }
    }

    /// Replaces the file at `path` with `contents` (UTF-8), atomically.
    ///
    /// - Throws: ``OutputError`` naming `path`; the old file, if any, is untouched and no
    ///   temporary file is left behind.
    public static func write(_ contents: String, to path: String) throws(OutputError) {
        try commit(try stage(contents, for: path), to: path)
    }

    /// Replaces the file at `path` with whatever `body` writes into the sink, atomically.
    ///
    /// If `body` throws, the temporary file is removed, the target is untouched and the error
    /// is rethrown unchanged.
    ///
    /// - Throws: ``OutputError`` naming `path` when the file system fails, or `body`'s error.
    public static func write(to path: String, _ body: (borrowing Sink) throws -> Void) throws {
        try commit(try stage(for: path, body), to: path)
    }

    /// Writes `contents` to a new temporary file beside `path` and returns its name; on error
    /// removes it and throws.
    static func stage(_ contents: String, for path: String) throws(OutputError) -> String {
        do {
            return try stage(for: path) { try $0.write(contents) }
        } catch let error as OutputError {
            throw error
        } catch {
            preconditionFailure("a sink only throws OutputError: \(error)")
        }
    }

    /// Writes what `body` writes to a new temporary file beside `path` and returns its name; on
    /// any error removes the temporary file and rethrows.
    private static func stage(for path: String, _ body: (borrowing Sink) throws -> Void) throws -> String {
        let temporary = try createTemporary(for: path)
        let sink = Sink(descriptor: temporary.descriptor, target: path)
        do {
            try body(sink)
        } catch {
            _ = close(temporary.descriptor)
            _ = unlink(temporary.path)
            throw error
        }
        guard close(temporary.descriptor) == 0 else {
            let reason = systemReason()
            _ = unlink(temporary.path)
            throw OutputError(path: path, message: "cannot finish writing: \(reason)")
        }
        return temporary.path
    }

    /// Opens a new, exclusive temporary file beside `path`.
    static func createTemporary(for path: String) throws(OutputError) -> (path: String, descriptor: Int32) {
        let (directory, name) = split(path)
        guard !name.isEmpty else { throw OutputError(path: path, message: "is not a file name") }
        let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        let temporary = "\(directory)/.\(name).tmp-\(getpid())-\(suffix)"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw OutputError(path: path, message: "cannot create a file in '\(directory)': \(systemReason())")
        }
        return (temporary, descriptor)
    }

    /// Renames a finished temporary file over `path`, removing it if that fails.
    static func commit(_ temporary: String, to path: String) throws(OutputError) {
        guard rename(temporary, path) == 0 else {
            let reason = systemReason()
            _ = unlink(temporary)
            throw OutputError(path: path, message: "cannot replace the file: \(reason)")
        }
    }

    /// The directory (`.` when none) and last component of `path`.
    static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let directory = String(path[..<slash])
        return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
    }
}

/// The current `errno` as text, such as "No such file or directory".
func systemReason() -> String { String(cString: strerror(errno)) }

/// `write(2)`, named apart so it is not shadowed by `Sink.write`.
private func posixWrite(_ descriptor: Int32, _ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int {
    #if canImport(Darwin)
    Darwin.write(descriptor, bytes, count)
    #elseif canImport(Musl)
    Musl.write(descriptor, bytes, count)
    #else
    Glibc.write(descriptor, bytes, count)
    #endif
}
