/// The whole-model benchmark; filled in once the simulation lands.
enum ModelBenchmark {
    static func main(arguments: [String]) -> Int32 {
        print("model benchmark: not available yet")
        return 1
    }
}
