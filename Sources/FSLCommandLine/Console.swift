import Foundation

/// Where a command writes: standard output and standard error, replaceable in tests.
public struct Console: Sendable {
    /// Writes to standard output.
    public var out: @Sendable (String) -> Void
    /// Writes to standard error.
    public var err: @Sendable (String) -> Void
    /// Whether standard error is a terminal (progress bars only then).
    public var isErrorTerminal: Bool

    /// The process's own streams.
    public static let standard = Console(
        out: { FileHandle.standardOutput.write(Data($0.utf8)) },
        err: { FileHandle.standardError.write(Data($0.utf8)) },
        isErrorTerminal: isatty(2) == 1)

    /// Creates a console from two writers.
    public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void,
                isErrorTerminal: Bool = false) {
        self.out = out
        self.err = err
        self.isErrorTerminal = isErrorTerminal
    }
}
