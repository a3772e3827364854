/// Every way a command can fail, mapped to its exit code in one place (sysexits, as
/// swift-argument-parser uses them).
public enum CommandError: Error, CustomStringConvertible {
    /// The command line itself is wrong (unknown flag, missing value): exit 64.
    case usage(String)
    /// Input data is wrong (malformed scenario, baseline, CSV): exit 65.
    case dataError(String)
    /// Anything else (I/O, internal): exit 1.
    case failure(String)
    /// `regress` found a regression: exit 3.
    case regression(String)

    /// The process exit code.
    public var exitCode: Int32 {
        switch self {
        case .usage: 64
        case .dataError: 65
        case .failure: 1
        case .regression: 3
        }
    }

    /// The message for stderr.
    public var description: String {
        switch self {
        case .usage(let message): "error: \(message)\nRun `fslsim help` for usage."
        case .dataError(let message), .failure(let message), .regression(let message): message
        }
    }
}

/// Exit codes.
public enum ExitCode {
    /// Success.
    public static let success: Int32 = 0
}
