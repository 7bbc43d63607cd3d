import Dispatch
import Locking

/// A serial executor backed by a dispatch queue of its own.
///
/// ``LedgerStore`` runs on one so that SQLite's blocking calls (fsync on commit, busy waits on a lock held by
/// another process) occupy this queue's thread and never a thread of Swift's cooperative pool.
final class DispatchQueueExecutor: SerialExecutor {
    private let queue: DispatchQueue

    init(label: String) {
        queue = DispatchQueue(label: label)
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedSerialExecutor()) }
    }

    /// Runs `body` on the queue and returns its result: for work that must happen before the actor exists.
    func run<T>(_ body: @escaping @Sendable () throws -> sending T) async throws -> sending T {
        try await withHandOff { (handOff: HandOff<T, any Error>) in
            queue.async {
                do { handOff.resume(returning: try body()) } catch { handOff.resume(throwing: error) }
            }
        }
    }
}
