import FSLExperiments
import FSLNetwork

/// `fslsim generate`: writes a generated scenario (bench model v1 or a synthetic network).
enum GenerateCommand {
    static let help = """
        usage: fslsim generate --preset bench-v1|synthetic [--fsls F] [--parts P] [--sites C] [--rate R]
                               [--seed S] [--demand-sigma SIGMA] [--horizon-days D] [--out FILE]

        Generates a scenario in fslsim's JSON format from a seed (the same flags always give the same
        file) and writes it to FILE atomically, or to standard output.
          bench-v1   the benchmark model of shared/bench ("bench model v1"): F FSLs and C sites at
                     random in a 30..48 N, 100..76 W box (~2,000 km square, great-circle distances),
                     P parts with rates exp(sigma Z) summing to R orders/day, base stock sized to a
                     0.9 Poisson fill target, lead time lognormal 72 h cv 0.5, immediate courier
                     2 h + km/60, SLA 24 h, nearest + fcfs
          synthetic  a general network of the same size plus a central DC and a supplier, two modes,
                     two contract tiers, US time zones: for scale tests
        Defaults: F 40, P 500, C 400, R 2000, seed 1, sigma 1, 365 days.

        examples:
          fslsim generate --preset bench-v1 --out scenarios/bench-v1.json
          fslsim generate --preset bench-v1 --fsls 200 --parts 5000 --rate 20000 --out /tmp/big.json
          fslsim generate --preset synthetic --fsls 100 --parts 2000 --sites 1000 --rate 5000 --seed 7
        """

    static let options = [
        OptionSpec(name: "preset", kind: .value, help: "bench-v1 or synthetic"),
        OptionSpec(name: "fsls", kind: .value, help: "number of FSLs"),
        OptionSpec(name: "parts", kind: .value, help: "number of parts"),
        OptionSpec(name: "sites", kind: .value, help: "number of customer sites"),
        OptionSpec(name: "rate", kind: .value, help: "orders per day, network-wide"),
        OptionSpec(name: "seed", kind: .value, help: "seed of the generator"),
        OptionSpec(name: "demand-sigma", kind: .value, help: "sigma of log(part rate)"),
        OptionSpec(name: "horizon-days", kind: .value, help: "replication length in days"),
        OptionSpec(name: "out", kind: .value, help: "output file (default: standard output)"),
    ]

    static func run(_ arguments: [String], console: Console) throws(CommandError) {
        let parsed = try ParsedArguments(arguments, options: options)
        guard parsed.positionals.isEmpty else { throw .usage("generate takes no positional arguments\n\n\(help)") }
        guard let name = parsed.value("preset") else { throw .usage("generate needs --preset bench-v1|synthetic\n\n\(help)") }
        guard let preset = ScenarioGenerator.Preset(rawValue: name) else {
            let names = ScenarioGenerator.Preset.allCases.map(\.rawValue)
            let suggestion = ParsedArguments.closest(name, names).map { " (did you mean \"\($0)\"?)" } ?? ""
            throw .usage("unknown preset \"\(name)\"\(suggestion); use one of \(names.joined(separator: ", "))")
        }
        var size = ScenarioGenerator.Size()
        size.fsls = try parsed.integer("fsls", in: 1...100_000) ?? size.fsls
        size.parts = try parsed.integer("parts", in: 1...1_000_000) ?? size.parts
        size.sites = try parsed.integer("sites", in: 1...1_000_000) ?? size.sites
        size.ordersPerDay = try parsed.number("rate", in: 1e-6...1e9) ?? size.ordersPerDay
        size.seed = UInt64(try parsed.integer("seed", in: 0...Int.max) ?? Int(size.seed))
        size.demandSigma = try parsed.number("demand-sigma", in: 0...10) ?? size.demandSigma
        size.horizonDays = try parsed.number("horizon-days", in: 1...36_500) ?? size.horizonDays
        let text = ScenarioGenerator.text(ScenarioGenerator.generate(preset, size: size))
        guard let path = parsed.value("out") else {
            console.out(text)
            return
        }
        do {
            try AtomicFile.write(text, to: path)
        } catch {
            throw .failure(error.description)
        }
        console.out("wrote \(path): \(preset.rawValue), \(size.fsls) FSLs, \(size.parts) parts, \(size.sites) sites, "
                    + "\(ScenarioGenerator.formatted(size.ordersPerDay)) orders/day, seed \(size.seed)\n")
    }
}
