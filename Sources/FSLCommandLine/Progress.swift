import Foundation
import Synchronization

/// A progress bar on standard error: replications done, simulated days per second, ETA. Silent
/// unless standard error is a terminal and `--quiet` is off.
final class ProgressBar: Sendable {
    private let console: Console
    private let total: Int
    private let simulatedDaysPerReplication: Double
    private let start = ContinuousClock.now
    private let isEnabled: Bool

    init(console: Console, total: Int, simulatedDaysPerReplication: Double, quiet: Bool) {
        self.console = console
        self.total = total
        self.simulatedDaysPerReplication = simulatedDaysPerReplication
        isEnabled = console.isErrorTerminal && !quiet
    }

    func update(done: Int) {
        guard isEnabled else { return }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let rate = seconds > 0 ? Double(done) * simulatedDaysPerReplication / seconds : 0
        let eta = done > 0 ? seconds / Double(done) * Double(total - done) : 0
        let width = 30
        let filled = total > 0 ? width * done / total : width
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
        console.err(String(format: "\r[%@] %d/%d replications  %.0f sim-days/s  ETA %.0fs ", bar, done, total, rate, eta))
        if done == total { console.err("\n") }
    }
}
