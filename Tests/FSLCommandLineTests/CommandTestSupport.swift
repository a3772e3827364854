import Foundation
@testable import FSLCommandLine
import FSLExperiments
import FSLNetwork
import FSLSimulation
import FSLStrategies
import Synchronization

/// The repository root, found from this file's path, so tests use the bundled scenarios.
let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

/// A bundled scenario's absolute path.
func scenario(_ name: String) -> String { "\(repositoryRoot)/scenarios/\(name).json" }

/// A fresh temporary directory for one test, removed when the value is released.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "fslsim-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }

    func read(_ name: String) throws -> String { try String(contentsOfFile: file(name), encoding: .utf8) }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: file(name)) }
}

/// What a command printed and returned.
struct CommandOutcome {
    var exitCode: Int32
    var out: String
    var err: String
}

/// A console that keeps what is written.
final class CapturedConsole: Sendable {
    private let outText = Mutex("")
    private let errText = Mutex("")

    var console: Console {
        Console(out: { text in self.outText.withLock { $0 += text } }, err: { text in self.errText.withLock { $0 += text } })
    }

    var out: String { outText.withLock { $0 } }
    var err: String { errText.withLock { $0 } }
}

/// Runs `fslsim ARGUMENTS` through the same entry point as the executable.
func fslsim(_ arguments: [String]) -> CommandOutcome {
    let captured = CapturedConsole()
    let code = FSLSimCommand.main(arguments: arguments, console: captured.console)
    return CommandOutcome(exitCode: code, out: captured.out, err: captured.err)
}

/// Runs `fslsim regress ARGUMENTS` with a substituted simulator, mapping errors to exit codes
/// exactly as `FSLSimCommand.main` does.
func regress(_ arguments: [String], simulator: RegressCommand.Simulator) -> CommandOutcome {
    let captured = CapturedConsole()
    do {
        try RegressCommand.run(arguments, console: captured.console, simulator: simulator)
        return CommandOutcome(exitCode: 0, out: captured.out, err: captured.err)
    } catch {
        return CommandOutcome(exitCode: error.exitCode, out: captured.out, err: captured.err + error.description)
    }
}

/// `farthest`: the farthest location that has all of the order in stock; otherwise a backorder
/// at the nearest stocking location. A deliberately bad routing, to play a code change that
/// makes the model worse.
struct FarthestRouting: RoutingStrategy {
    mutating func route(_ order: Order, state: borrowing NetworkState, into plan: inout FulfilmentPlan) {
        let sources = state.sourcesByDistance(site: order.site)
        for source32 in sources.reversed() {
            let source = Int(source32)
            guard state.network.slot(location: source, part: order.part) != nil,
                  state.usableStock(location: source, for: order) >= order.quantity,
                  let candidate = state.evaluate(order, source: source, condition: .new) else { continue }
            let fromNew = min(order.quantity, state.onHand(location: source, part: order.part, condition: .new))
            if fromNew > 0 { plan.ship(from: source, condition: .new, mode: candidate.mode, quantity: fromNew) }
            if order.quantity > fromNew {
                plan.ship(from: source, condition: .refurbished, mode: candidate.mode, quantity: order.quantity - fromNew)
            }
            return
        }
        plan.backorderLocation = sources.first { state.network.slot(location: Int($0), part: order.part) != nil }.map { Int($0) }
        plan.reason = .noStockBackordered
    }
}

extension RegressCommand.Simulator {
    /// Every plan simulated with `farthest` routing and `fcfs` allocation, whatever it names.
    static let farthest = RegressCommand.Simulator { plan, _ in
        plan.replications.map { replication in
            let settings = ReplicationSettings(network: plan.network, replication: replication, masterSeed: plan.masterSeed,
                                               horizonHours: plan.horizonHours, warmupHours: plan.warmupHours)
            return simulate(network: plan.network, routing: FarthestRouting(), allocation: FirstComeFirstServed(),
                            settings: settings)
        }
    }
}
