import Foundation

/// Waits, without blocking a thread, for a result that another thread produces: `withCheckedContinuation`, with
/// the result passed under a lock.
///
/// A continuation orders the resumer's writes before the awaiting task's reads, but when the resumer is done
/// before the task reaches its `await`, the Swift runtime (6.3) lets the task go on through an atomic load that
/// ThreadSanitizer does not see. It then reports the result, and everything built with it, as a race (seen in
/// CI: a channel made on a dispatch thread, first used on the thread that had asked for it; swiftlang/swift
/// #57803). Passing the result through an `NSLock` gives the sanitizer the order it could not see, at the cost
/// of one uncontended lock.
///
/// ```swift
/// let descriptor = try await withHandOff { (handOff: HandOff<Int32, any Error>) in
///     DispatchQueue.global().async { handOff.resume(with: Result { try connectedSocket(path) }) }
/// }
/// ```
/// Resume exactly once, as with a checked continuation (which this is underneath: a second resume traps).
public func withHandOff<Value, Failure: Error>(
    _ body: (HandOff<Value, Failure>) -> Void
) async throws(Failure) -> sending Value {
    let slot = HandOff<Value, Failure>.Slot()
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
        body(HandOff(slot: slot, continuation: continuation))
    }
    return try slot.take().get()
}

/// The resuming end of ``withHandOff(_:)``.
///
/// `@unchecked Sendable`: the value is sent (`sending`) to the one task that waits, once.
public struct HandOff<Value, Failure: Error>: @unchecked Sendable {
    /// Where the result waits for the task; written once, read once, both under the lock.
    final class Slot: @unchecked Sendable {
        private let lock = NSLock()
        private var result: Result<Value, Failure>?

        func put(_ result: sending Result<Value, Failure>) {
            lock.lock()
            defer { lock.unlock() }
            self.result = result
        }

        func take() -> sending Result<Value, Failure> {
            lock.lock()
            defer { lock.unlock() }
            nonisolated(unsafe) let taken = result.take()!
            return taken
        }
    }

    private let slot: Slot
    private let continuation: CheckedContinuation<Void, Never>

    fileprivate init(slot: Slot, continuation: CheckedContinuation<Void, Never>) {
        self.slot = slot
        self.continuation = continuation
    }

    public func resume(with result: sending Result<Value, Failure>) {
        slot.put(result)
        continuation.resume()
    }

    public func resume(returning value: sending Value) {
        resume(with: .success(value))
    }

    public func resume(throwing error: Failure) {
        resume(with: .failure(error))
    }
}

extension HandOff where Value == Void {
    public func resume() { resume(returning: ()) }
}
