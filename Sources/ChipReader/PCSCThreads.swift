import Dispatch
import Foundation
import Locking

/// Every thread of this process that makes PC/SC calls, so that ``ReaderMonitor/stopAll(waitingAtMost:)``
/// can end them all before the process exits.
///
/// pcsc-lite's destructor frees its list of contexts at `exit`; a PC/SC call still running on another thread
/// then reads freed memory and the process crashes after its work is done (seen in CI as a refused
/// `ledger audit` ending with signal 11 instead of its exit status). So every PC/SC call runs on a thread
/// counted here, and once stopping has begun no new one starts. ``process`` counts them for the process;
/// tests make registries of their own.
final class PCSCThreads: Sendable {
    static let process = PCSCThreads()

    private struct State {
        var monitors: [ObjectIdentifier: MonitorLoop] = [:]
        var isStopping = false
    }

    private let state = Locked(State())
    /// Entered when a counted thread starts (under the lock, with the check of `isStopping`), left when it ends.
    private let running = DispatchGroup()

    /// Runs a monitor's loop on a counted thread, or ends its stream at once when stopping.
    func start(_ loop: MonitorLoop) {
        let key = ObjectIdentifier(loop)
        state.withLock { $0.monitors[key] = loop }
        let started = run(named: "ChipReader.ReaderMonitor") { [self] in
            loop.run()
            _ = state.withLock { $0.monitors.removeValue(forKey: key) }
        }
        if !started {
            _ = state.withLock { $0.monitors.removeValue(forKey: key) }
            loop.finishUnrun()
        }
    }

    /// Runs `body` on a counted thread of its own; false, running nothing, once stopping has begun.
    @discardableResult
    func run(named name: String = "ChipReader.PCSC", _ body: @escaping @Sendable () -> Void) -> Bool {
        let started = state.withLock { state -> Bool in
            guard !state.isStopping else { return false }
            running.enter()
            return true
        }
        guard started else { return false }
        let thread = Thread { [self] in
            body()
            running.leave()
        }
        thread.name = name
        thread.start()
        return true
    }

    /// Stops new calls, cancels every monitor's wait from this thread, and waits up to `limit` for the
    /// counted threads to end. Blocks: call it on a thread of its own.
    func stopAll(waitingAtMost limit: Duration) -> Bool {
        let monitors = state.withLock { state -> [MonitorLoop] in
            state.isStopping = true
            return Array(state.monitors.values)
        }
        monitors.forEach { $0.cancelHere() }
        let (seconds, attoseconds) = limit.components
        let nanoseconds = Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
        return running.wait(timeout: .now() + .nanoseconds(nanoseconds)) == .success
    }
}
