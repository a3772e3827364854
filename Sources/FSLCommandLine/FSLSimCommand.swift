/// The `fslsim` command line: dispatches to a command and maps every error to its exit code.
/// The executable is a thin wrapper, so tests call `main(arguments:console:)` directly.
public enum FSLSimCommand {
    static let overview = """
        fslsim \(ResultsWriter.version): discrete-event simulation of service-parts order orchestration

        usage: fslsim COMMAND [options]

        commands:
          run SCENARIO          run replications of one routing/allocation pair; summary table and CSVs
          compare SCENARIO      compare strategies on common random numbers with paired CIs
          sweep SCENARIO        run a grid of scenario values (--set PATH=V1,V2); one folder per point
          merge DIR... --out D  combine shard folders (--shard k/n) into one run's results
          regress SCENARIO...   rerun against a committed baseline; exit 3 on a regression
          validate FILE...      check scenario files; print every problem with its JSON path
          describe FILE         overview of a scenario
          strategies            list routing and allocation strategies and their parameters
          explain SCENARIO      how one order was routed, every candidate and the reason
          generate --preset P   write a generated scenario (bench-v1 benchmark model or a synthetic network)
          help [COMMAND]        this text, or a command's help with examples

        exit codes: 0 ok, 64 usage error, 65 bad scenario or input data, 1 other failure, 3 regression
        """

    /// Runs the command line `arguments` (without the program name); returns the exit code.
    public static func main(arguments: [String], console: Console = .standard) -> Int32 {
        do {
            try dispatch(arguments, console: console)
            return ExitCode.success
        } catch {
            console.err(error.description + "\n")
            return error.exitCode
        }
    }

    static let commands: [(name: String, help: String, run: @Sendable ([String], Console) throws(CommandError) -> Void)] = [
        ("run", RunCommand.help, RunCommand.run),
        ("compare", CompareCommand.help, CompareCommand.run),
        ("sweep", SweepCommand.help, SweepCommand.run),
        ("merge", MergeCommand.help, MergeCommand.run),
        ("regress", RegressCommand.help, RegressCommand.run),
        ("validate", ValidateCommand.help, ValidateCommand.run),
        ("describe", DescribeCommand.help, DescribeCommand.run),
        ("strategies", "usage: fslsim strategies\n", StrategiesCommand.run),
        ("explain", ExplainCommand.help, ExplainCommand.run),
        ("generate", GenerateCommand.help, GenerateCommand.run),
    ]

    static func dispatch(_ arguments: [String], console: Console) throws(CommandError) {
        guard let first = arguments.first else {
            console.out(overview + "\n")
            throw .usage("no command given")
        }
        let rest = Array(arguments.dropFirst())
        switch first {
        case "--version", "version":
            console.out("fslsim \(ResultsWriter.version)\n")
        case "--help", "-h", "help":
            if let name = rest.first, let command = commands.first(where: { $0.name == name }) {
                console.out(command.help + "\n")
            } else {
                console.out(overview + "\n")
            }
        default:
            guard let command = commands.first(where: { $0.name == first }) else {
                let suggestion = ParsedArguments.closest(first, commands.map(\.name)).map { " (did you mean \"\($0)\"?)" } ?? ""
                throw .usage("unknown command \"\(first)\"\(suggestion)")
            }
            if rest.contains("--help") || rest.contains("-h") {
                console.out(command.help + "\n")
                return
            }
            try command.run(rest, console)
        }
    }
}
