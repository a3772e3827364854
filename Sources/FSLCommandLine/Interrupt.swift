import Foundation
import Synchronization

/// Ctrl-C handling: the first SIGINT asks the run to stop after the replications in flight, so
/// finished ones are kept; a second one ends the process at once.
enum Interrupt {
    private static let requested = Atomic<Bool>(false)

    /// Installs the handler (idempotent).
    static func install() {
        signal(SIGINT) { _ in
            if Interrupt.requested.exchange(true, ordering: .relaxed) { _exit(130) }
        }
    }

    /// Whether Ctrl-C was pressed.
    static var isRequested: Bool { requested.load(ordering: .relaxed) }
}
