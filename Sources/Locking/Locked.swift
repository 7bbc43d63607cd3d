import Foundation

/// A value behind a lock: the one way the project's threads share mutable state.
///
/// In place of the standard library's `Synchronization.Mutex`, which on Linux parks threads on a futex inside
/// the (uninstrumented) runtime, so ThreadSanitizer sees neither its acquire nor its release and reports every
/// access it guards as a race (`make sanitize-thread`). `NSLock` is a `pthread_mutex_t`, whose calls
/// ThreadSanitizer intercepts: the same exclusion, visible to the sanitizer. The shape follows `Mutex`, so a
/// call site reads the same: `state.withLock { $0.count += 1 }`.
public final class Locked<Value: Sendable>: @unchecked Sendable {
    // @unchecked: `value` is read and written only inside `withLock`, under `lock`.
    private let lock = NSLock()
    private var value: Value

    public init(_ initialValue: Value) {
        value = initialValue
    }

    /// Runs `body` with exclusive access to the value. Never call `withLock` on the same instance inside `body`
    /// (the lock is not recursive), and keep `body` short: it blocks every other thread that wants the value.
    public func withLock<Result, Failure: Error>(_ body: (inout Value) throws(Failure) -> Result) throws(Failure) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
