import Dispatch
import Foundation
import Locking

/// Crossings between threads of our own, where blocking calls run, and Swift concurrency, where the handler
/// runs: blocking calls never occupy a thread of the cooperative pool.
enum ThreadBridge {
    /// Runs `body` on a new thread and waits for it without blocking the caller's thread.
    static func run<T: Sendable>(onThreadNamed name: String, _ body: @escaping @Sendable () -> T) async -> T {
        await withHandOff { (handOff: HandOff<T, Never>) in
            let thread = Thread { handOff.resume(returning: body()) }
            thread.name = name
            thread.start()
        }
    }

    /// Starts a new thread running `body`, without waiting.
    static func start(threadNamed name: String, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread(block: body)
        thread.name = name
        thread.start()
    }

    /// Runs `operation` as a task and blocks the calling thread until it is done. Call only from a thread of
    /// our own, never from the cooperative pool (the task may need a pool thread to run).
    static func wait<T: Sendable>(for operation: @escaping @Sendable () async -> T) -> T {
        let done = DispatchSemaphore(value: 0)
        let result = ResultSlot<T>()
        Task {
            let value = await operation()
            result.value.withLock { $0 = value }
            done.signal()
        }
        done.wait()
        return result.value.withLock { $0! }
    }
}

/// Carries a task's result to the thread waiting for it.
private final class ResultSlot<T: Sendable>: Sendable {
    let value = Locked<T?>(nil)
}
