import FSLKernel

/// Draw rates of the distributions the simulation uses most, through `Distribution.sample`.
struct GSLBenchmark {
    let draws: Int

    func run() -> [(name: String, drawsPerSecond: Double)] {
        let specs: [(String, DistributionSpec)] = [
            ("uniform", .uniform(min: 0, max: 1)),
            ("exponential", .exponential(mean: 1)),
            ("lognormal", .lognormal(mean: 72, cv: 0.5)),
            ("gamma", .gamma(mean: 24, cv: 0.8)),
            ("poisson", .poisson(mean: 3)),
            ("empirical8", .empirical(values: Array(1...8).map(Double.init), weights: Array(repeating: 1, count: 8))),
        ]
        let stream = RandomStream(seed: 1)
        var sink = 0.0
        var rates: [(String, Double)] = []
        for (name, spec) in specs {
            let distribution = try! Distribution(spec)
            let clock = ContinuousClock()
            let start = clock.now
            for _ in 0..<draws { sink += distribution.sample(stream) }
            rates.append((name, Double(draws) / (clock.now - start).seconds))
        }
        if sink == -1 { print(sink) }
        return rates
    }
}
