import Foundation

// fslsim-bench: performance figures as key=value lines. Build in release:
//   swift build -c release && .build/release/fslsim-bench hold [--pending N] [--ops N] [--repeat N]
//   .build/release/fslsim-bench gsl [--draws N]
//   .build/release/fslsim-bench model [--scenario FILE]

let arguments = Array(CommandLine.arguments.dropFirst())

func option(_ name: String, default value: Int) -> Int {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count, let n = Int(arguments[i + 1]) else {
        return value
    }
    return n
}

func median(_ xs: [Double]) -> Double {
    let sorted = xs.sorted()
    return sorted[sorted.count / 2]
}

switch arguments.first {
case "hold":
    let sizes = arguments.contains("--pending") ? [option("--pending", default: 100_000)] : [1_000, 100_000, 1_000_000]
    let ops = option("--ops", default: 20_000_000)
    let repetitions = option("--repeat", default: 3)
    for pending in sizes {
        _ = HoldBenchmark(pending: pending, ops: ops / 10).run()  // warm-up
        var times: [Double] = []
        var checksum = 0.0
        for _ in 0..<repetitions {
            let result = HoldBenchmark(pending: pending, ops: ops).run()
            times.append(result.seconds)
            checksum = result.checksum
        }
        let seconds = median(times)
        print("impl=fslsim-calendar pending=\(pending) ops=\(ops) seconds=\(String(format: "%.4f", seconds)) "
              + "ops_per_s=\(Int(Double(ops) / seconds)) ns_per_op=\(String(format: "%.2f", 1e9 * seconds / Double(ops))) "
              + "checksum=\(String(format: "%.6e", checksum))")
    }
case "gsl":
    for (name, rate) in GSLBenchmark(draws: option("--draws", default: 5_000_000)).run() {
        print("distribution=\(name) draws_per_s=\(Int(rate))")
    }
case "model":
    exit(ModelBenchmark.main(arguments: Array(arguments.dropFirst())))
default:
    FileHandle.standardError.write(Data("usage: fslsim-bench hold|gsl|model [options]\n".utf8))
    exit(64)
}
